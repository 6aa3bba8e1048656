/**
 * Run `trellis build` as a child process under GNU `/usr/bin/time` and read back what the kernel
 * measured for the whole child: wall time, user+sys CPU (all threads, worker threads included)
 * and peak RSS (`ru_maxrss` from wait4, the largest resident set of the process; worker threads
 * share it because they live in the same process).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One measured CLI build. */
export interface ProcessCost {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Build `garden` into `out` with the CLI; throws when the build fails twice. One retry, because
 * in a shared tree another process may rebuild the app bundle (node_modules/.cache/trellis-app)
 * while our build copies it, which fails that build with ENOENT.
 */
export function measureCliBuild(garden: string, out: string, options: { noCache: boolean; cacheDir: string }): ProcessCost {
  try {
    return measureOnce(garden, out, options);
  } catch (error) {
    process.stderr.write(`${(error as Error).message.slice(0, 500)}\nretrying once\n`);
    return measureOnce(garden, out, options);
  }
}

function measureOnce(garden: string, out: string, options: { noCache: boolean; cacheDir: string }): ProcessCost {
  const args = [path.join(root, 'bin/trellis.js'), 'build', garden, '--out', out, '--quiet', ...(options.noCache ? ['--no-cache'] : [])];
  const env = { ...process.env, TRELLIS_CACHE_DIR: options.cacheDir };
  if (!existsSync('/usr/bin/time')) {
    // No GNU time: wall time only, CPU and RSS unknown (reported as NaN).
    const start = performance.now();
    const child = spawnSync(process.execPath, args, { env, cwd: root, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`Bench: trellis build failed (${child.status}): ${child.stderr}`);
    return { wallMs: performance.now() - start, cpuMs: NaN, peakRssMb: NaN };
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'trellis-bench-'));
  const report = path.join(tmp, 'time.txt');
  try {
    const start = performance.now();
    const child = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %U %S %M', process.execPath, ...args], {
      env,
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    if (child.status !== 0) throw new Error(`Bench: trellis build failed (${child.status}): ${child.stderr.slice(-2000)}`);
    const [, user, sys, maxKb] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    return { wallMs, cpuMs: (user! + sys!) * 1000, peakRssMb: maxKb! / 1024 };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
