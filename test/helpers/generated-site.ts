/** A generated garden (bench/generate.ts) built by the real CLI into test/.tmp/, for tests that need a realistic graph. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { generateGarden } from '../../bench/generate.ts';

/** Generate `notes` notes (seed 1) into `test/.tmp/<name>/garden` and build them into `test/.tmp/<name>/dist`; returns both folders. */
export async function buildGeneratedSite(name: string, notes: number): Promise<{ garden: string; dist: string }> {
  const root = path.resolve(import.meta.dirname, '../.tmp', name);
  rmSync(root, { recursive: true, force: true });
  const garden = path.join(root, 'garden');
  const dist = path.join(root, 'dist');
  mkdirSync(garden, { recursive: true });
  await generateGarden(garden, { notes, seed: 1 });
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../bin/trellis.js'), 'build', garden, '--out', dist, '--quiet', '--no-cache'], {
    stdio: 'pipe',
  });
  return { garden, dist };
}
