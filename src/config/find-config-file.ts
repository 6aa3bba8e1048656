/** Where a garden's configuration is: `trellis.config.yaml` (or `.yml`) at its root. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The names a configuration file may have, at the garden's root. */
export const configFileNames = ['trellis.config.yaml', 'trellis.config.yml'] as const;

/** The configuration files present at the root of `root` (garden-relative names); more than one is an error for the caller. */
export async function findConfigFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of configFileNames) {
    const st = await fs.stat(path.join(root, name)).catch(() => undefined);
    if (st?.isFile()) found.push(name);
  }
  return found;
}
