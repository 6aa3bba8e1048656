/**
 * Bring a spare up to the site in place: the files it differs in are moved into a trash folder and,
 * those the site still has, hard-linked again from it (link-previous.ts, `recycleSpare`). Synchronous
 * calls, one after another: tens of thousands as promises through libuv's thread pool took about
 * three times as long. Many of them (a build after one that changed hundreds of files: ~0.8 s at 10k
 * notes) run on a thread of their own (relink-worker.ts), so the builder's thread goes on meanwhile;
 * so does linking a whole site into an empty folder (`linkSite`: ~2 s at 10k notes).
 */
import { linkSync, mkdirSync, renameSync, rmdirSync } from 'node:fs';
import path from 'node:path';

/** A staging folder to fill: a spare to bring up to the site (`relinkSpare`), or an empty folder to link the whole site into (`linkSite`). */
export type StagingJob = RelinkJob | LinkJob;

/** A spare to bring up to the site in `out`. */
export interface RelinkJob {
  kind: 'relink';
  out: string;
  /** The spare, renamed to be the build's staging folder. */
  staging: string;
  /** A folder not there yet, beside the site, that the differing files are moved into. */
  trash: string;
  /** The files the spare differs in, site-relative. */
  differs: readonly string[];
  /** For each of `differs`, 1 when the site in `out` has it (it is linked again from there), else 0. */
  inSite: Uint8Array;
}

/** An empty staging folder to hard-link every file of the site in `out` into. */
export interface LinkJob {
  kind: 'link';
  out: string;
  staging: string;
  /** The site's files, site-relative. */
  rels: readonly string[];
  /** The site's folders, site-relative, parents before children. */
  dirs: readonly string[];
}

/** Do `job`; the files the site should have that are gone from `out` (removed by hand: written again if still produced). */
export function fillStaging(job: StagingJob): string[] {
  return job.kind === 'relink' ? relinkSpare(job) : linkSite(job);
}

/** Do `job`; the files of the site gone from `out` since it was built. */
export function linkSite(job: LinkJob): string[] {
  const { out, staging, rels, dirs } = job;
  for (const d of dirs) mkdirSync(path.join(staging, d));
  const gone: string[] = [];
  for (const rel of rels) {
    try {
      linkSync(path.join(out, rel), path.join(staging, rel));
    } catch {
      // Gone from the site since (removed by hand): it is simply written again if still produced.
      gone.push(rel);
    }
  }
  return gone;
}

/** Do `job`; the files the site should have that are gone from `out` (removed by hand: written again if still produced). */
export function relinkSpare(job: RelinkJob): string[] {
  const { out, staging, trash, differs, inSite } = job;
  const emptied = new Set<string>();
  const made = new Set<string>();
  const gone: string[] = [];
  if (differs.length > 0) mkdirSync(trash);
  let moved = 0;
  differs.forEach((rel, i) => {
    try {
      renameSync(path.join(staging, rel), path.join(trash, String(moved++)));
    } catch (error) {
      // A file under what is not a folder (ENOTDIR) means the spare is not what its record says.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (!inSite[i]) {
      for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) emptied.add(d);
      return;
    }
    const dir = path.posix.dirname(rel);
    if (!made.has(dir)) {
      mkdirSync(path.join(staging, dir), { recursive: true });
      made.add(dir);
    }
    try {
      linkSync(path.join(out, rel), path.join(staging, rel));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      gone.push(rel);
    }
  });
  // Folders only the older site had, deepest first (a cold build has no empty folders). `rmdir` removes
  // a folder only when empty, so one that still holds files of the site refuses and stays: the site's
  // folders need not be listed (every build drops old search shards, and listing the folders of 44,000
  // files to learn that `_search/` still holds some cost ~0.1 s at 10k notes).
  for (const d of [...emptied].sort((a, b) => b.split('/').length - a.split('/').length)) {
    try {
      rmdirSync(path.join(staging, d));
    } catch {
      // Not empty (it holds files of the site), or already gone.
    }
  }
  return gone;
}
