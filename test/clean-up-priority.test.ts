/**
 * The clean-up process a build leaves behind (src/incremental/clean-up.ts: making or checking the spare, removing the
 * replaced site) runs below the builds it may share the machine with: an author's next build, started while it still
 * runs, would otherwise wait for a core beside it. Through the real clean-up process, held waiting for the output's
 * lock (as behind a running build), its priority read from /proc (Linux: a thread's own).
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lockFileOf, tryLock } from '../src/incremental/build-lock.ts';
import type { CleanUpJob } from '../src/incremental/remove-later.ts';
import { newSpareDir } from '../src/incremental/output-manifest.ts';
import { cleanUpUrl } from '../src/paths.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { until } from './helpers/until.ts';

/** The nice value of the process `pid`'s main thread, or undefined once it is gone. */
function niceOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command's name in parentheses: state is field 3, nice field 19.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  } catch {
    return undefined;
  }
}

describe('the clean-up process after a build', () => {
  it.runIf(process.platform === 'linux')(
    'runs at the lowest priority',
    async () => {
      const out = path.join(tempDir(), 'site');
      const site = makeGarden({ 'index.html': 'a site\n' });
      // A site in place and a spare to make of it, behind this process (alive) holding the output's lock, as a build would.
      const { dev, ino } = statSync(site);
      const lock = tryLock(lockFileOf(out))!;
      const job: CleanUpJob = { make: { out, dir: newSpareDir(out, 'abcdef012345'), digest: 'none', site: { dev, ino }, builder: process.pid } };
      const child = spawn(process.execPath, [fileURLToPath(cleanUpUrl()), JSON.stringify(job)], { stdio: 'ignore' });
      try {
        // Started at this process's priority (a build's), which must be above the lowest for the test to tell.
        expect(niceOf(process.pid)).toBeLessThan(19);
        // Waiting for the lock, once started: below every build.
        await until(() => niceOf(child.pid!) === 19);
        expect(child.exitCode).toBe(null);
      } finally {
        child.kill();
        lock.release();
      }
    },
    30_000,
  );
});
