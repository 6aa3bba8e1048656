/**
 * A spare for a site that has none. A build keeps the site it replaced as the next build's staging folder (its spare,
 * link-previous.ts), so the next build links only the files that changed. A build that replaced no site described by
 * a manifest (the first build, a build with `--no-cache` or after Trellis changed) keeps none, and the build after it
 * linked the whole site into an empty folder on its own path: ~1 s at 10k notes, 10.5 s at 100k (docs/performance.md).
 *
 * Such a build now names a spare in its manifest that is not there yet, and the clean-up process after it
 * (clean-up.ts) makes it: it takes the output's lock (build-lock.ts) once the build has let it go, checks that the
 * site in place is still the one that build swapped in, hard-links its files into a folder of its own, checks they
 * are the manifest's files (by their digest, spare-check.ts), and renames that folder to the spare's name. Holding
 * the lock, no build reads the manifest or swaps a site meanwhile. A build that starts then asks it to let go
 * (build-lock.ts, `askToYield`): it stops within a chunk of links, removes what it made and lets go, and the build
 * links the site itself, as before, rather than wait up to as long as that takes (~1.4 s at 10k notes). So does a
 * build that took the lock first: it finds no spare under that name (`recycleSpare` cannot rename it), and the clean-up
 * then finds another site in place, or another holder, and makes nothing. A folder left half-made (the process stopped) is
 * named as no spare is, and swept by the next build holding the lock (remove-later.ts, `sweepStaging`); one given up
 * is removed by the clean-up once it has let go of the lock.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { holderOf, lockFileOf, tryLock, yieldAsked, yieldPending, type BuildLock } from './build-lock.ts';
import { trashPrefix } from './link-previous.ts';
import { linkSite } from './relink-spare.ts';
import { listFolder, pathsDigest } from './spare-check.ts';

/**
 * Sites of fewer files get no spare made after them: linking them whole costs the next build little (~25 µs a file
 * here, on a thread of its own), less than a process to make it. A garden of ~900 notes has about this many.
 */
export const spareMin = 3000;

/** What the lock's file says of a clean-up process holding it (`LockHolder.task`). */
export const spareTask = 'spare';

/** A spare to make after a build: what the clean-up process is given (remove-later.ts). */
export interface SpareToMake {
  /** The output folder, absolute. */
  out: string;
  /** The spare's folder, as the manifest names it (output-manifest.ts, `newSpareDir`). */
  dir: string;
  /** The digest of the site's files (spare-check.ts), as its manifest lists them. */
  digest: string;
  /** The site's folder as it was swapped in: another folder in its place is another site. */
  site: { dev: number; ino: number };
  /** The process of the build that swapped it in, which holds the output's lock until it ends. */
  builder: number;
}

/** What {@link makeSpare} did. */
export type SpareOutcome =
  /** The spare is in place. */
  | 'made'
  /** Another process holds the output's lock (a later build): it links the site itself if it needs to. */
  | 'locked'
  /** A build started meanwhile asked for the lock: given up, so that it links the site itself rather than wait. */
  | 'yielded'
  /** Another site is in place (a later build swapped one in first). */
  | 'replaced'
  /** The site's files are not those its manifest lists (one removed or added by hand): the next build links them itself. */
  | 'differs'
  /** A file call failed (no space, the folder gone): nothing is left. */
  | 'failed';

/** The start of the name of a spare being made for the output `target` (absolute), beside it. */
export function partialSparePrefix(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}-partial-spare-`);
}

/** Whether `name`, beside the output `target` (absolute), is a spare being made (or left half-made) for it. */
export function isPartialSpareOf(target: string, name: string): boolean {
  const prefix = path.basename(partialSparePrefix(target));
  return name.startsWith(prefix) && /^[A-Za-z0-9]{6}$/.test(name.slice(prefix.length));
}

/** How {@link makeSpare} goes about it (the defaults are the clean-up's). */
export interface MakeOptions {
  /** How long to wait for the lock (ms). */
  waitMs?: number;
  /** How often to look for it meanwhile (ms). */
  pollMs?: number;
  /** Folders or files linked between two looks for a build's request to let go. */
  chunk?: number;
  /** Wait while any process holds the lock, not only the build named in the job (after giving it up to a build). */
  anyHolder?: boolean;
  /** Where the folders moved aside when given up for a build are told (the caller removes them once that build is done). */
  aside?: string[];
}

/**
 * Make the spare `job` names, holding the output's lock: waited for while the build that asked for it still holds it
 * (up to `waitMs`), never taken from another process unless `anyHolder`.
 */
export async function makeSpare(job: SpareToMake, options: MakeOptions = {}): Promise<SpareOutcome> {
  const { waitMs = 30_000, pollMs = 25, chunk = 1024 } = options;
  const file = lockFileOf(job.out);
  const lock = await lockAfter(file, options.anyHolder ? undefined : job.builder, waitMs, pollMs);
  if (!lock) return 'locked';
  const since = Date.now();
  let partial: string | undefined;
  let outcome: SpareOutcome = 'failed';
  try {
    outcome = await fill();
    return outcome;
  } catch {
    return 'failed';
  } finally {
    // Given up for a build: what was made is moved aside (one rename) and removed once that build is done, because
    // removing it while the build links the same files into its own folder, one link count up and one down on each,
    // slowed that build from 2.4 to 7 s at 10k notes.
    if (partial && outcome === 'yielded') partial = moveAside(partial, job.out, options.aside);
    lock.release();
    if (partial) rmSync(partial, { recursive: true, force: true });
  }

  async function fill(): Promise<SpareOutcome> {
    const now = statSync(job.out);
    if (now.dev !== job.site.dev || now.ino !== job.site.ino) return 'replaced';
    const into = (partial = mkdtempSync(partialSparePrefix(job.out)));
    const { files: rels, dirs } = listFolder(job.out);
    // A chunk of folders or files at a time, each after a turn of the event loop: a build that starts meanwhile asks
    // for the lock (build-lock.ts, `askToYield`), and is given it within a chunk (~25 ms), not after the whole site.
    const parts = [...chunks(dirs, chunk).map((d) => ({ dirs: d, rels: [] })), ...chunks(rels, chunk).map((r) => ({ dirs: [], rels: r }))];
    for (const part of parts) {
      await new Promise((r) => setImmediate(r));
      if (yieldAsked(file, since)) return 'yielded';
      if (linkSite({ kind: 'link', out: job.out, staging: into, ...part }).length > 0) return 'differs';
    }
    await new Promise((r) => setImmediate(r));
    if (yieldAsked(file, since)) return 'yielded';
    if (pathsDigest(rels) !== job.digest) return 'differs';
    renameSync(into, job.dir);
    partial = undefined;
    return 'made';
  }
}

/** Times the clean-up tries again after giving the lock up to a build. */
export const tries = 3;

/**
 * The clean-up's part (clean-up.ts): make the spare; given up to a build that asked for the lock, again once that build
 * is done (an up-to-date build leaves the site, and so the manifest naming the spare, as they were; a build that swapped
 * in another site leaves nothing to make), up to {@link tries} times; then remove what it moved aside.
 */
export async function makeSpareAfterBuild(job: SpareToMake, options: MakeOptions = {}): Promise<SpareOutcome> {
  const aside: string[] = [];
  const file = lockFileOf(job.out);
  const pollMs = options.pollMs ?? 200;
  let outcome = await makeSpare(job, { ...options, aside });
  for (let i = 1; i < tries && outcome === 'yielded'; i++) {
    // Not before the build that asked has the lock (it then removes its request): taken back at once, the lock would
    // be given up again to the same request. A build stopped before it took the lock leaves its request: given up.
    const asked = Date.now() + 60_000;
    while (yieldPending(file) && Date.now() < asked) await new Promise((r) => setTimeout(r, pollMs));
    if (yieldPending(file)) break;
    outcome = await makeSpare(job, { waitMs: 600_000, pollMs, ...options, anyHolder: true, aside });
  }
  for (const dir of aside) rmSync(dir, { recursive: true, force: true });
  return outcome;
}

/** Move the folder `dir` to a trash folder of the output `out` (any build's clean-up removes those), told to `aside`; undefined once moved. */
function moveAside(dir: string, out: string, aside?: string[]): string | undefined {
  const trash = `${trashPrefix(out)}${randomBytes(6).toString('hex')}`;
  try {
    renameSync(dir, trash);
  } catch {
    return dir;
  }
  aside?.push(trash);
  return undefined;
}

/** `list` cut into runs of `size`. */
function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The lock of `file`, once the process `builder` has let it go (or, with no builder, whoever holds it); undefined if
 * another process holds it, or after `waitMs`.
 */
async function lockAfter(file: string, builder: number | undefined, waitMs: number, pollMs: number): Promise<BuildLock | undefined> {
  const until = Date.now() + waitMs;
  for (;;) {
    const lock = tryLock(file, spareTask);
    if (lock) return lock;
    // Unreadable: a holder writing its file, or the builder's just removed: asked again. Another clean-up (one trying
    // again after an earlier build) holds it a moment only: waited for too.
    const holder = holderOf(file);
    if ((holder && holder.task !== spareTask && builder !== undefined && holder.pid !== builder) || Date.now() > until) return undefined;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
