/**
 * Seed a staging folder with the previous site: every file the previous build's manifest lists is
 * hard-linked into `staging` (no bytes copied), so a build writes only what changed and the folder
 * swapped in is still a whole site. The previous site is never written to: a changed file is
 * unlinked in staging and written anew (see write-site.ts).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { OutputManifest } from './output-manifest.ts';
import { fillStaging, type LinkJob, type RelinkJob, type StagingJob } from './relink-spare.ts';
import { workerUrl } from '../paths.ts';
import { firstAnswer } from '../worker-answer.ts';

/**
 * Links made: the previous site's files that are not in staging (gone from the site since it was
 * built: removed by hand), every other file of its manifest being there; and folders known to be
 * there (absolute; a writer makes any other folder it needs, `mkdir -p` being harmless on one that
 * exists). Not a set of the files there: that is the manifest's tens of thousands, less these few.
 */
export interface LinkedSite {
  gone: Set<string>;
  dirs: Set<string>;
}

/** Hard-link the files of `previous` that still exist under `out` into `staging` (a fresh empty folder). */
export async function linkPreviousSite(out: string, staging: string, previous: OutputManifest, workerMin = relinkWorkerMin): Promise<LinkedSite> {
  const rels = [...previous.files.keys()].sort();
  const dirs = foldersOf(rels);
  const job: LinkJob = {
    kind: 'link',
    out,
    staging,
    rels,
    // Parents before children.
    dirs: [...dirs].sort((a, b) => a.split('/').length - b.split('/').length),
  };
  const gone = rels.length >= workerMin ? await fillOnWorker(job) : fillStaging(job);
  return { gone: new Set(gone), dirs: new Set([...dirs].map((d) => path.join(staging, d))) };
}

/**
 * Make the site replaced by the previous build (its spare, `previous.spare`) into `staging`: it
 * holds that older site, which differs from the one in `out` only in `previous.spare.differs`, so
 * only those files are removed and linked again from `out`, not the whole site (tens of thousands
 * of folders and links). Undefined, with no staging folder made, when there is no spare, it cannot
 * be taken, or it differs in so many files that linking the whole site costs less (a build that
 * changed most pages, e.g. after links moved every note's topic); a spare that fails half-way is removed.
 *
 * The files it differs in are moved into a trash folder beside the site (`trashPrefix`), not
 * unlinked: they are mostly the last link to their bytes, and freeing those is the file system's
 * slowest operation (ten thousand took 4.5 s on the build's path, moving them ~0.5 s). The trash goes
 * with the build's clean-up, in a process of its own (remove-later.ts).
 */
export async function recycleSpare(
  out: string,
  staging: string,
  previous: OutputManifest,
  /** Differing files from which the relinking runs on a worker thread (`relinkWorkerMin`). */
  workerMin = relinkWorkerMin,
): Promise<LinkedSite | undefined> {
  const spare = previous.spare;
  if (!spare) return undefined;
  const files = previous.files;
  // A differing file costs an unlink and a link, a file of a fresh staging folder one link.
  if (spare.differs.length * 2 > files.size) return undefined;
  try {
    await fs.rename(spare.dir, staging);
  } catch {
    return undefined;
  }
  try {
    const job: RelinkJob = {
      kind: 'relink',
      out,
      staging,
      trash: `${trashPrefix(out)}${randomBytes(6).toString('hex')}`,
      differs: spare.differs,
      inSite: Uint8Array.from(spare.differs, (rel) => (files.has(rel) ? 1 : 0)),
    };
    const gone = spare.differs.length >= workerMin ? await fillOnWorker(job) : fillStaging(job);
    // The folders this build writes into are made when first written to (write-site.ts), if need be.
    return { gone: new Set(gone), dirs: new Set() };
  } catch {
    await fs.rm(staging, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * Files from which a staging folder is filled on a thread of its own (a spare's differing files, or a whole site's).
 * The thread's first answer takes ~80-110 ms here (its start, on the other core); 64 files are ~40 ms of the calls on
 * this thread, which goes on with the compile meanwhile.
 */
export const relinkWorkerMin = 64;

/** Run `job` on a worker thread (relink-worker.ts). */
function fillOnWorker(job: StagingJob): Promise<string[]> {
  return firstAnswer<string[]>(new Worker(workerUrl('relink'), { workerData: job }), 'Relink');
}

/** The start of the name of every trash folder of the output folder `out`, beside it (remove-later.ts removes them). */
export function trashPrefix(out: string): string {
  const target = path.resolve(out);
  return path.join(path.dirname(target), `.${path.basename(target)}-trash-`);
}

/** The start of the name of every staging folder of the output folder `target` (absolute), beside it. */
export function stagingPrefix(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}-staging-`);
}

/** The start of the name of a scratch folder for workers that write files themselves (the search index), beside the output `target` (absolute). */
export function scratchPrefix(target: string): string {
  return `${stagingPrefix(target)}scratch-`;
}

/** Whether `name`, beside the output `target` (absolute), is one of its staging or scratch folders, by the names given them above. */
export function isStagingOf(target: string, name: string): boolean {
  const prefix = path.basename(stagingPrefix(target));
  if (!name.startsWith(prefix)) return false;
  // A staging folder made from the spare (12 hex digits, write-site.ts) or by mkdtemp (6 characters), a scratch folder (mkdtemp).
  return /^([0-9a-f]{12}|[A-Za-z0-9]{6}|scratch-[A-Za-z0-9]{6})$/.test(name.slice(prefix.length));
}

/** The site-relative folders holding `rels`. */
function foldersOf(rels: Iterable<string>): Set<string> {
  const dirs = new Set<string>();
  for (const rel of rels) {
    for (let d = path.posix.dirname(rel); d !== '.' && !dirs.has(d); d = path.posix.dirname(d)) dirs.add(d);
  }
  return dirs;
}
