/**
 * Temporary files a stopped build left beside its cache. The files kept between builds (the kept scan, derived facts,
 * mentions, layout, search postings, output manifest, validated configuration) are written to
 * `<cache>-<name>.<pid>.tmp` (the kept model's index in its folder) and renamed over the kept file; a process killed
 * (SIGKILL, the machine stopped) between the two leaves its temporary file for good, up to ~10 MB (the kept search
 * postings of a 10k garden).
 */
import { readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from './cache.ts';

/**
 * Remove the temporary files of the cache of `gardenRoot` whose writer is gone. One whose process still runs (another
 * build of the same garden, into another output folder) is left to it; so are other gardens' and other files.
 */
export function sweepDeadTemps(gardenRoot: string): void {
  const dir = cacheDir(gardenRoot);
  sweep(path.dirname(dir), `${path.basename(dir)}-`);
  // The kept model's index is written so too, in its folder (src/incremental/kept-model.ts).
  sweep(`${dir}-model`, '');
}

/** Remove the files of `folder` named `<prefix>….<pid>.tmp` whose process is gone. */
function sweep(folder: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? /\.(\d+)\.tmp$/.exec(name)?.[1] : undefined;
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    try {
      unlinkSync(path.join(folder, name));
    } catch {
      // Gone meanwhile, or not ours to remove: left.
    }
  }
}

/** Whether a process `pid` runs on this machine (one of another user's counts: it cannot be signalled, but it runs). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
