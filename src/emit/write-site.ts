/**
 * Atomic output: the site is written into a fresh temporary folder beside
 * the output folder and swapped in only when complete, so a failed build
 * leaves the previous site intact. Given the previous build's manifest, the
 * folder starts as hard links to the previous site's files
 * (src/incremental/link-previous.ts) and a file is written only when its bytes
 * (or its declared inputs) changed; files this build does not produce are
 * removed before the swap. A linked file is never written through: it is
 * unlinked first, so the previous site stays as it was until the swap.
 */
import { chmod, copyFile, mkdir, promises as fs, rename, renameSync, statSync, unlink, writeFile } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { onInterrupt } from '../interrupt.ts';
import { trashNow } from '../incremental/remove-later.ts';
import { linkPreviousSite, recycleSpare, scratchPrefix, stagingPrefix } from '../incremental/link-previous.ts';
import { spareMin } from '../incremental/make-spare.ts';
import { contentHash, filesUnder, inPathOrder, newSpareDir, SortedFiles, type FileMap, type OutputManifest } from '../incremental/output-manifest.ts';

/**
 * The file calls a site's files are made with, through Node's callback API: a build makes hundreds (a link
 * change) to tens of thousands (a cold build) of files, and `fs.promises` (a FileHandle opened, written and
 * closed, each step a promise) cost this thread two to four times as much per file (docs/performance.md).
 */
const fileCalls = {
  writeFile: promisify(writeFile),
  unlink: promisify(unlink),
  mkdir: promisify(mkdir),
  copyFile: promisify(copyFile),
  chmod: promisify(chmod),
  rename: promisify(rename),
};

/** Collects files into a staging folder, then swaps it into place. */
export interface SiteWriter {
  readonly staging: string;
  /** Write `rel` unless the previous site has the same bytes; `key` is the hash of its inputs, for {@link SiteWriter.reuse}. */
  write(rel: string, contents: string | Uint8Array, key?: string): Promise<void>;
  /** Keep the previous site's `rel` if it was made from inputs with the same `key`; false when it must be made again. */
  reuse(rel: string, key: string): boolean;
  /**
   * Keep the previous site's `rel` if it was made from inputs with the key `was`, recording it under
   * `key`: for a caller that knows its new inputs make the same file (src/graph/neighbourhood-changes.ts).
   */
  carry(rel: string, was: string, key: string): boolean;
  /**
   * Keep, as they are, the previous site's files that this build has neither written nor kept and
   * that `which` accepts (a build that knows they did not change: src/incremental/text-only.ts).
   */
  keepUnclaimed(which: (rel: string) => boolean): void;
  /** Copy the file `from` to `rel`; with `key` (e.g. its size and time), a previous copy with the same key is kept. */
  copy(rel: string, from: string, key?: string): Promise<void>;
  /**
   * Take files that someone else (the search worker) made: those `written` below `dir`, a folder
   * from {@link SiteWriter.scratch}, and those not written because {@link SiteWriter.linkedHashes}
   * had their bytes (the previous site's are kept). `hash` is each file's {@link contentHash}.
   */
  adoptFrom(dir: string, outputs: readonly { path: string; hash: string; written: boolean }[]): Promise<void>;
  /** The hashes of the previous site's files below the folder `prefix` (ending in `/`) that this site can keep as they are. */
  linkedHashes(prefix: string): Record<string, string>;
  /** A fresh empty folder beside the staging folder, for workers that write files themselves. */
  scratch(): Promise<string>;
  /** Files written so far (a count, not a list: a large garden writes hundreds of thousands). */
  readonly written: number;
  /** Files kept from the previous site. */
  readonly kept: number;
  /** Files of the previous site that its folder no longer has (removed by hand): they must be made again. */
  readonly missing: number;
  /** Files written below `_search/`. */
  readonly searchWritten: number;
  /** HTML pages written. */
  readonly pagesWritten: number;
  /** Hashes of the files and inputs of this build's site, for its manifest. */
  outputs(): Pick<OutputManifest, 'files' | 'keys' | 'spare'>;
  /**
   * Swap the staging folder in. The previous site is removed, unless the writer was opened with
   * `keepReplaced`: then, when the writer started from the previous site's manifest, it is kept
   * beside the output as the next build's staging folder (its spare, named in `outputs()`);
   * otherwise it is left beside the output, under the name returned, for the caller to remove when
   * the build is done (src/incremental/remove-later.ts).
   */
  commit(): Promise<string | undefined>;
  /**
   * After `commit`, with `keepReplaced`, when no replaced site could be kept as the spare (none was there, or no manifest
   * described it) and the site has many files: the spare `outputs()` names, not made yet, and the site's folder as it was
   * swapped in. The clean-up process after the build makes it (src/incremental/make-spare.ts).
   */
  spareToMake(): { dir: string; site: { dev: number; ino: number } } | undefined;
  abort(): Promise<void>;
}

/** Open a writer for the output folder `out`, reusing the previous site's files when `previous` describes it. */
export async function openSiteWriter(out: string, previous?: OutputManifest, keepReplaced = false): Promise<SiteWriter> {
  const target = path.resolve(out);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const prefix = stagingPrefix(target);
  // The site replaced by the previous build, brought up to the previous site, when there is one; else a fresh folder of links.
  const recycled = previous && keepReplaced ? `${prefix}${randomBytes(6).toString('hex')}` : undefined;
  const scratches: string[] = [];
  // A build stopped by a signal before the commit moves its folders away (each a whole site of links), as they are made.
  let mkdtemped: string | undefined;
  const stopOnInterrupt = onInterrupt(() => trashNow(target, [...(recycled ? [recycled] : []), ...(mkdtemped ? [mkdtemped] : []), ...scratches]));
  const fromSpare = recycled && previous ? await recycleSpare(target, recycled, previous) : undefined;
  const staging = fromSpare ? recycled! : (mkdtemped = await fs.mkdtemp(prefix));
  // The site's folder as any folder made here is (mkdtemp makes it private, 0700, and a spare is such a folder of an
  // earlier build): a web server running as another user, or a copy that keeps modes (rsync -a), must read it.
  await fs.chmod(staging, 0o777 & ~process.umask());
  const linked = fromSpare ?? (previous ? await linkPreviousSite(target, staging, previous) : { gone: new Set<string>(), dirs: new Set<string>() });
  // What the previous site has (a read manifest's 44k files at 10k notes, searched, never copied), and its files missing
  // from staging (removed by hand): the site this build makes differs there too.
  const before: FileMap = previous?.files ?? new Map<string, string>();
  const beforeKeys: FileMap = previous?.keys ?? new Map<string, string>();
  const missing = [...linked.gone];
  // The previous site's files no longer linked in staging: missing, or unlinked to be written anew.
  const unlinked = new Set(linked.gone);
  const isLinked = (rel: string) => !unlinked.has(rel) && before.has(rel);
  // A read manifest's files and keys share their paths: a file's hash and key are found with one search, not one each
  // (a link build carries ~30k pages, data and local graph files, each searched among the 44k paths of a 10k garden).
  const shared =
    before instanceof SortedFiles && beforeKeys instanceof SortedFiles && before.paths === beforeKeys.paths ? { files: before, keys: beforeKeys } : undefined;
  /** With `shared` paths: the index of `rel` when the previous site has it (with a hash) still linked in staging, else -1. */
  const linkedAt = (rel: string): number => {
    if (!shared || unlinked.has(rel)) return -1;
    const i = shared.files.indexOf(rel);
    return i >= 0 && shared.files.values[i] !== '' ? i : -1;
  };
  /** The previous site's hash of `rel` and the key it was made with, when it is still linked in staging. */
  const linkedEntry = (rel: string): { hash: string; key: string | undefined } | undefined => {
    if (shared) {
      const i = linkedAt(rel);
      return i < 0 ? undefined : { hash: shared.files.values[i]!, key: shared.keys.values[i] || undefined };
    }
    if (unlinked.has(rel)) return undefined;
    const hash = before.get(rel);
    return hash === undefined ? undefined : { hash, key: beforeKeys.get(rel) };
  };
  // This build's files: those it wrote or kept, by path, with their hash and key; and, after `keepUnclaimed`, the
  // previous site's others that `keepRest` accepts (merged in once, when the site is committed: `merge`).
  const claimed = new Map<string, string>();
  const claimedKeys = new Map<string, string>();
  // Files a read manifest's site keeps through `carry`, by their index among its paths: their hash is the previous one,
  // their key this build's (undefined: not carried). A map of the ~30k paths a link build carries (pages, data, local
  // graph files) cost ~0.1 s of the builder's thread to fill; a claim in the maps (a write after) comes first.
  // (Only when every path has a hash: the merge then walks the same paths, by the same index.)
  const carriedKeys: (string | undefined)[] | undefined =
    shared && shared.files.size === shared.files.paths.length ? new Array<string | undefined>(shared.files.paths.length) : undefined;
  /** The key this build claimed `rel` with, if any. */
  const claimedKeyOf = (rel: string): string | undefined => {
    if (claimed.has(rel) || !carriedKeys) return claimedKeys.get(rel);
    const i = shared!.files.indexOf(rel);
    return i < 0 ? undefined : carriedKeys[i];
  };
  let keepRest: ((rel: string) => boolean) | undefined;
  let merged: { files: SortedFiles; keys: SortedFiles; differs: Set<string>; stale: string[]; kept: number } | undefined;
  let spare: OutputManifest['spare'];
  let toMake: { dir: string; site: { dev: number; ino: number } } | undefined;
  let written = 0;
  let kept = 0;
  let searchWritten = 0;
  let pagesWritten = 0;
  const dirs = linked.dirs;
  const ensureDir = async (file: string) => {
    const dir = path.dirname(file);
    if (dirs.has(dir)) return;
    await fileCalls.mkdir(dir, { recursive: true });
    dirs.add(dir);
  };
  const resolveRel = (rel: string) => {
    const abs = path.resolve(staging, rel);
    if (!abs.startsWith(staging + path.sep)) throw new Error(`Emit: refusing to write outside the output folder: ${rel}`);
    return abs;
  };
  const claim = (rel: string, hash: string, key: string | undefined) => {
    claimed.set(rel, hash);
    if (key !== undefined) claimedKeys.set(rel, key);
    else claimedKeys.delete(rel);
  };
  const unchanged = (rel: string, hash: string) => linkedEntry(rel)?.hash === hash;
  // Before a file is made anew, its link to the previous site goes (writing through it would change that site).
  const replace = async (rel: string, abs: string) => {
    if (isLinked(rel)) {
      unlinked.add(rel);
      // A file (the previous site's, linked in): unlinked, not `fs.rm`, whose checks (an lstat before the
      // unlink, and the options' validation) took ~0.2 s of this thread for the ~800 files of a link build.
      await unlinkIfThere(abs);
    }
    await ensureDir(abs);
  };
  // Paths this build made that the previous site does not have (a search shard's new name, a new note's page): known as
  // they are made, so the merge need not search the previous site for each of the (up to 44k) paths claimed.
  const added = new Set<string>();
  const made = (rel: string, hash: string, key?: string) => {
    claim(rel, hash, key);
    if (!before.has(rel)) added.add(rel);
    written++;
    if (rel.startsWith('_search/')) searchWritten++;
    if (rel.endsWith('.html')) pagesWritten++;
  };
  /**
   * This site's files in path order, and where it differs from the previous one: one pass over the previous
   * site's paths (each kept, claimed again or stale) and the few this build added.
   */
  const merge = () => {
    if (merged) return merged;
    const paths: string[] = [];
    const hashes: string[] = [];
    const keyed: string[] = [];
    const differs = new Set(missing);
    const stale: string[] = [];
    let keptRest = 0;
    const add = (rel: string, hash: string, key: string | undefined) => {
      paths.push(rel);
      hashes.push(hash);
      keyed.push(key ?? '');
    };
    const fresh = [...added].sort();
    // The previous site's paths with their hashes and keys, by index (a read manifest's, as read: no path searched).
    const { paths: old, hashes: oldHashes, keys: oldKeys } = inPathOrder(before, beforeKeys);
    const hashAt = (i: number) => oldHashes[i]!;
    const keyAt = (i: number) => oldKeys[i] || undefined;
    let a = 0;
    for (let i = 0; i < old.length; i++) {
      const rel = old[i]!;
      while (a < fresh.length && fresh[a]! < rel) {
        const n = fresh[a++]!;
        add(n, claimed.get(n)!, claimedKeys.get(n));
        differs.add(n);
      }
      const hash = claimed.get(rel);
      // Every path here is the previous site's: linked in staging unless gone or unlinked since.
      const stillLinked = !unlinked.has(rel);
      if (hash !== undefined) {
        add(rel, hash, claimedKeys.get(rel));
        if (hash !== hashAt(i)) differs.add(rel);
      } else if (carriedKeys?.[i] !== undefined && stillLinked) {
        add(rel, hashAt(i), carriedKeys[i]);
      } else if (stillLinked && keepRest?.(rel)) {
        add(rel, hashAt(i), keyAt(i));
        keptRest++;
      } else {
        // Not made by this build: it goes from the site.
        if (stillLinked) stale.push(rel);
        differs.add(rel);
      }
    }
    for (; a < fresh.length; a++) {
      const n = fresh[a]!;
      add(n, claimed.get(n)!, claimedKeys.get(n));
      differs.add(n);
    }
    merged = { files: new SortedFiles(paths, hashes), keys: new SortedFiles(paths, keyed), differs, stale, kept: keptRest };
    return merged;
  };
  const writer: SiteWriter = {
    staging,
    get written() {
      return written;
    },
    get kept() {
      return kept + (merged?.kept ?? 0);
    },
    get missing() {
      return missing.length;
    },
    get searchWritten() {
      return searchWritten;
    },
    get pagesWritten() {
      return pagesWritten;
    },
    async write(rel, text, key) {
      const abs = resolveRel(rel);
      // Encoded once, for the hash and the file (graph.json is ~12 MB at 10k notes).
      const contents = typeof text === 'string' ? Buffer.from(text) : text;
      const hash = contentHash(contents);
      if (unchanged(rel, hash)) {
        claim(rel, hash, key ?? claimedKeyOf(rel));
        kept++;
        return;
      }
      await replace(rel, abs);
      await fileCalls.writeFile(abs, contents);
      made(rel, hash, key);
    },
    reuse(rel, key) {
      return writer.carry(rel, key, key);
    },
    carry(rel, was, key) {
      if (carriedKeys && !claimed.has(rel)) {
        // A path of the previous site (whose manifest was read only if all its paths stay inside it).
        const i = linkedAt(rel);
        if (i < 0 || shared!.keys.values[i] !== was) return false;
        carriedKeys[i] = key;
        kept++;
        return true;
      }
      resolveRel(rel);
      const entry = linkedEntry(rel);
      if (entry === undefined || entry.key !== was) return false;
      const hash = entry.hash;
      claim(rel, hash, key);
      kept++;
      return true;
    },
    keepUnclaimed(which) {
      const earlier = keepRest;
      keepRest = earlier ? (rel) => earlier(rel) || which(rel) : which;
    },
    async copy(rel, from, key) {
      if (key !== undefined && writer.reuse(rel, key)) return;
      const abs = resolveRel(rel);
      if (key === undefined) return writer.write(rel, await fs.readFile(from));
      await replace(rel, abs);
      await fileCalls.copyFile(from, abs);
      // A copy keeps its source's mode: an attachment private in the vault (0600) is made readable as every file the
      // site writes is (the umask's), for a web server running as another user.
      await fileCalls.chmod(abs, 0o666 & ~process.umask());
      // A file copied by key is known by its key; its bytes are not read.
      made(rel, `key:${key}`, key);
    },
    async adoptFrom(dir, outputs) {
      const moved: { rel: string; hash: string; abs: string }[] = [];
      for (const { path: rel, hash, written } of outputs) {
        // With a read manifest's paths, one search gives the previous file's hash and the key this build claimed it
        // with (none yet, for most: carried only by the page and data files), not one search each.
        const at = shared && !claimed.has(rel) ? linkedAt(rel) : undefined;
        if (at === undefined ? unchanged(rel, hash) : at >= 0 && shared!.files.values[at] === hash) {
          claim(rel, hash, at === undefined ? claimedKeyOf(rel) : carriedKeys?.[at]);
          kept++;
          continue;
        }
        if (!written) throw new Error(`Emit: ${rel} was neither written nor kept from the previous site`);
        moved.push({ rel, hash, abs: resolveRel(rel) });
      }
      // All at once: one after the other, a text build's dozen files (an unlink, a folder and a rename each) took ~15 ms.
      await Promise.all(
        moved.map(async ({ rel, hash, abs }) => {
          await replace(rel, abs);
          await fileCalls.rename(path.join(dir, rel), abs);
          made(rel, hash);
        }),
      );
      await fs.rm(dir, { recursive: true, force: true });
    },
    linkedHashes(prefix) {
      const hashes: Record<string, string> = {};
      for (const [rel, hash] of filesUnder(before, prefix)) if (!unlinked.has(rel)) hashes[rel] = hash;
      return hashes;
    },
    async scratch() {
      const dir = await fs.mkdtemp(scratchPrefix(target));
      scratches.push(dir);
      return dir;
    },
    outputs() {
      const { files, keys } = merge();
      return { files, keys, ...(spare ? { spare } : {}) };
    },
    async commit() {
      const { stale, differs, files: siteFiles } = merge();
      await removeStale(staging, stale);
      await Promise.all(scratches.map((d) => fs.rm(d, { recursive: true, force: true })));
      const old = replacedName(target);
      const hadOld = await fs.stat(target).then(
        () => true,
        () => false,
      );
      // The two renames with no turn of the event loop between them: a build stopped by a signal
      // (src/interrupt.ts) leaves either the previous site in place or the new one, never no site.
      if (hadOld) renameSync(target, old);
      try {
        renameSync(staging, target);
      } catch (error) {
        if (hadOld) renameSync(old, target);
        throw error;
      }
      stopOnInterrupt();
      const left = hadOld ? await keepOrRemove(old, differs) : undefined;
      if (keepReplaced && !spare && siteFiles.size >= spareMin) {
        // No site to keep as the spare: one is made after the build, from this site (src/incremental/make-spare.ts).
        const { dev, ino } = statSync(target);
        toMake = { dir: newSpareDir(target, randomBytes(6).toString('hex')), site: { dev, ino } };
        spare = { dir: toMake.dir, differs: [] };
      }
      return left;
    },
    spareToMake: () => toMake,
    async abort() {
      await Promise.all([staging, ...scratches].map((d) => fs.rm(d, { recursive: true, force: true })));
      stopOnInterrupt();
    },
  };
  /** The replaced site `old`: kept as the spare, left for the caller to remove (returned), or removed. */
  async function keepOrRemove(old: string, differs: Set<string>): Promise<string | undefined> {
    if (keepReplaced && previous) {
      // The replaced site is the previous one, but for the files this build changed: the next build's staging folder.
      const dir = newSpareDir(target, randomBytes(6).toString('hex'));
      try {
        await fs.rename(old, dir);
        spare = { dir, differs: [...differs] };
        return undefined;
      } catch {
        return old;
      }
    }
    if (keepReplaced) return old;
    await fs.rm(old, { recursive: true, force: true });
    return undefined;
  }
  return writer;
}

/** Where a replaced site waits to be removed: a hidden folder beside the output, named for it and this process. */
export function replacedName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}-replaced-${process.pid}`);
}

/** Remove the previous site's files this build did not produce (`stale`, linked in staging), and the folders they leave empty. */
async function removeStale(staging: string, stale: readonly string[]): Promise<void> {
  await Promise.all(stale.map((rel) => unlinkIfThere(path.join(staging, rel))));
  const parents = new Set<string>();
  for (const rel of stale) for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) parents.add(d);
  // Deepest first, so a folder emptied by removing its empty subfolders goes too.
  for (const d of [...parents].sort((a, b) => b.split('/').length - a.split('/').length)) {
    await fs.rmdir(path.join(staging, d)).catch(() => undefined);
  }
}

/** Unlink the file `abs`; one already gone is no error. */
async function unlinkIfThere(abs: string): Promise<void> {
  try {
    await fileCalls.unlink(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
