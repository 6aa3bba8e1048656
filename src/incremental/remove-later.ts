/**
 * Removing the replaced site after the build. Once the new site is swapped in, the old one is a
 * hidden folder beside it (write-site.ts, `replacedName`) whose files are mostly hard links into
 * the new one: removing it walks and unlinks every file of a whole site, which is no part of the
 * build's result. It is left to a detached process, so the command returns when the site is in
 * place; folders that such a process did not finish (the machine stopped) go with the next one.
 * After a build that keeps a spare, that process (clean-up.ts) checks the spare first (spare-check.ts).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStagingOf, trashPrefix } from './link-previous.ts';
import { isSpareOf } from './output-manifest.ts';
import type { SpareCheck } from './spare-check.ts';
import { isPartialSpareOf, type SpareToMake } from './make-spare.ts';
import { cleanUpUrl } from '../paths.ts';

/** What the clean-up process after a build does (clean-up.ts): make or check the spare, then remove folders. */
export interface CleanUpJob {
  make?: SpareToMake;
  check?: SpareCheck;
  remove?: string[];
}

/**
 * Remove `replaced` (and replaced sites of earlier builds of `out` left behind, spares other
 * than `spare`, the one the output manifest names, and the trash of recycled spares) in the background.
 * With `spareDigest` (the digest of the files the spare should hold: spare-check.ts), the spare is
 * checked first, in the same process, and dropped if it does not hold them.
 */
export function removeLater(replaced: string | undefined, out: string, spare?: string, spareDigest?: string, make?: SpareToMake): void {
  const target = path.resolve(out);
  const prefix = `.${path.basename(target)}-replaced-`;
  const trash = path.basename(trashPrefix(target));
  const dirs = new Set(replaced ? [replaced] : []);
  try {
    for (const name of readdirSync(path.dirname(target))) {
      const dir = path.join(path.dirname(target), name);
      if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))) dirs.add(dir);
      else if (isSpareOf(target, dir) && dir !== spare) dirs.add(dir);
      else if (name.startsWith(trash) && /^[0-9a-f]{12}$/.test(name.slice(trash.length))) dirs.add(dir);
    }
  } catch {
    // The folder cannot be listed: only this build's replaced site is removed.
  }
  // A spare named but not there yet: the clean-up makes it, before it removes anything (src/incremental/make-spare.ts).
  if (make) return startCleanUp({ make, remove: [...dirs] });
  if (spare === undefined || spareDigest === undefined) return removeInBackground(dirs);
  startCleanUp({ check: { dir: spare, digest: spareDigest, trash: `${trashPrefix(target)}${randomBytes(6).toString('hex')}` }, remove: [...dirs] });
}

/**
 * Remove, in the background, the staging and scratch folders of `out` that builds stopped half-way
 * left beside it (killed, or the machine stopped: a build stopped by a signal moves its own away,
 * src/emit/write-site.ts), and spares a clean-up process stopped while making them (make-spare.ts).
 * Each is a whole site of links. Only for a caller holding the output's
 * lock (src/incremental/build-lock.ts), which no build writing into such a folder can also hold.
 */
export function sweepStaging(out: string): void {
  const target = path.resolve(out);
  const dirs: string[] = [];
  try {
    for (const name of readdirSync(path.dirname(target)))
      if (isStagingOf(target, name) || isPartialSpareOf(target, name)) dirs.push(path.join(path.dirname(target), name));
  } catch {
    // The folder cannot be listed (or is not there yet): nothing to sweep.
  }
  removeInBackground(dirs);
}

/**
 * Move the folders `dirs` of the output `out` (a stopped build's staging and scratch folders) into
 * trash folders beside it at once, and remove them in the background: synchronous renames, for a
 * clean-up run as the process is stopped (src/interrupt.ts). A folder not there is skipped.
 */
export function trashNow(out: string, dirs: Iterable<string>): void {
  const moved: string[] = [];
  for (const dir of dirs) {
    const trash = `${trashPrefix(out)}${randomBytes(6).toString('hex')}`;
    try {
      renameSync(dir, trash);
      moved.push(trash);
    } catch {
      // Gone already (committed, adopted or removed); a folder that cannot be moved is swept by the next build.
    }
  }
  removeInBackground(moved);
}

/** Remove the folders `dirs` in a detached process, so the command need not wait (here, if no process can be started). */
function removeInBackground(dirs: Iterable<string>): void {
  const remove = [...dirs];
  if (remove.length > 0) startCleanUp({ remove });
}

/**
 * Start the detached clean-up process (clean-up.ts) on `job`. If no process can be started, its folders are removed
 * here and its spare is left unchecked, as spares were before there was a check.
 */
function startCleanUp(job: CleanUpJob): void {
  const removeHere = () => removeNow(job.remove ?? []);
  try {
    const child = spawn(process.execPath, [fileURLToPath(cleanUpUrl()), JSON.stringify(job)], { detached: true, stdio: 'ignore' });
    child.on('error', removeHere);
    child.unref();
  } catch {
    removeHere();
  }
}

function removeNow(dirs: Iterable<string>): void {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
