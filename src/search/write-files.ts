/** Write built search files under a folder, creating their directories. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchFile } from '../types.ts';

/** Write `files` under `outDir`; returns their paths (relative, POSIX) in order. */
export async function writeSearchFiles(files: readonly SearchFile[], outDir: string): Promise<string[]> {
  const dirs = new Set(files.map((f) => path.dirname(path.join(outDir, f.path))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map((f) => writeFile(path.join(outDir, f.path), f.contents)));
  }
  return files.map((f) => f.path);
}
