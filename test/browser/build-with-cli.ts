/** Build a garden with the real command line (`bin/trellis.js build`) into a fresh folder, with a cache of its own. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { tempDir } from '../helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/trellis.js');

/** The built site's folder; throws with the build's output when it fails. */
export function buildWithCli(garden: string): string {
  const out = path.join(tempDir(), 'site');
  const r = spawnSync(process.execPath, [bin, 'build', garden, '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() },
  });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  return out;
}
