/**
 * `trellis build` through the real command line, reporting whether it loaded a package: a preload writes, as the
 * process exits, whether a module of `node_modules/<name>/` is in the CommonJS cache (a package loaded through an
 * ESM import is there too when it is CommonJS).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './garden.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const bin = path.join(projectRoot, 'bin/trellis.js');

/** Run `trellis build garden --out out --quiet` with the cache `cache`; whether it loaded the package `name`. */
export function buildLoading(name: string, garden: string, out: string, cache: string): { status: number | null; loaded: boolean; stderr: string } {
  const dir = tempDir();
  const report = path.join(dir, 'loaded.txt');
  const preload = path.join(dir, 'report-loaded.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, String(Object.keys(require.cache).some((f) => f.includes(require('node:path').join('node_modules', ${JSON.stringify(name)}, ''))))));`,
  );
  const run = spawnSync(process.execPath, ['--require', preload, bin, 'build', garden, '--out', out, '--quiet'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, TRELLIS_CACHE_DIR: cache },
  });
  return { status: run.status, loaded: readFileSync(report, 'utf8') === 'true', stderr: run.stderr };
}
