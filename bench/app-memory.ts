/**
 * Peak resident memory of the app bundle's child process (src/emit/build-app-bundle.mjs: Vite and
 * Rolldown), which counts in the peak of every build that bundles the app (the first after a change
 * to Trellis, or on a machine with no bundle yet). Runs it under GNU time as a build does (Rolldown's
 * arenas committed as used) and with mimalloc's default of committing each arena whole
 * (`MIMALLOC_ARENA_EAGER_COMMIT=1`), alternately, and checks that both bundles are the same bytes.
 *
 *   npx tsx bench/app-memory.ts [runs=3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 3);

/** Peak RSS (MB) and wall (s) of one bundle into `out`, with `env` added. */
function bundle(out: string, env: Record<string, string>): { mb: number; s: number } {
  const report = path.join(out, '..', `time-${path.basename(out)}.txt`);
  const child = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %M', process.execPath, 'src/emit/build-app-bundle.mjs', out], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`the app bundle failed: ${child.stderr}`);
  const [s, kb] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { mb: kb! / 1024, s: s! };
}

/** Every file below `dir`, relative, with its bytes. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'base64')]));
}

const work = mkdtempSync(path.join(os.tmpdir(), 'trellis-app-memory-'));
try {
  const rows: { as: string; mb: number; s: number }[] = [];
  for (let i = 0; i < runs; i++) {
    rows.push({ as: 'as a build runs it', ...bundle(path.join(work, `build-${i}`), {}) });
    rows.push({ as: 'arenas committed whole', ...bundle(path.join(work, `eager-${i}`), { MIMALLOC_ARENA_EAGER_COMMIT: '1' }) });
  }
  const same = JSON.stringify([...tree(path.join(work, 'build-0'))]) === JSON.stringify([...tree(path.join(work, 'eager-0'))]);
  process.stdout.write('| app bundle child | peak RSS | wall |\n|---|---:|---:|\n');
  for (const r of rows) process.stdout.write(`| ${r.as} | ${r.mb.toFixed(0)} MB | ${r.s.toFixed(2)} s |\n`);
  process.stdout.write(`bundles byte for byte the same: ${same ? 'yes' : 'NO'}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
