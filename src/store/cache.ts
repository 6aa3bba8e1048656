/**
 * The content-hash cache of parse+render results, kept outside the garden
 * (users' vaults stay clean): `$TRELLIS_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/trellis`, else `~/.cache/trellis`, one folder per garden.
 * An entry's key covers the note's path and bytes and the fingerprint of the code that compiles it (`compileFingerprint`, src/version.ts: a change to Trellis elsewhere keeps every entry): a compiled
 * note depends on nothing else (its links are resolved later, by the resolve stage), so adding,
 * removing or renaming other notes leaves every other entry valid.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, promises as fs, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { compileFingerprint } from '../version.ts';
import type { LayoutCache, LayoutResult } from '../graph/index.ts';
import type { NoteJobResult } from '../compile/types.ts';
import type { HighlightedCode } from '../compile/render/highlight-memo.ts';

/** A cache bound to one garden. */
export interface NoteCache {
  get(id: string, hash: string): Promise<NoteJobResult | undefined>;
  /** Keep the entry of `id` with `hash` through {@link NoteCache.prune} without reading it (a note read from src/incremental/kept-model.ts). */
  keep(id: string, hash: string): void;
  set(id: string, hash: string, value: NoteJobResult): Promise<void>;
  /** The file of the entry of `id` with `hash`, if there is one; not kept by this (a parse worker reads its highlighted code: `readCachedCode`). */
  fileOf(id: string, hash: string): string;
  /**
   * Delete entries not read, kept or written since the cache was opened, once they are more than a few
   * (`pruneSlack`): a build that changed a few notes leaves their old entries for a later build to delete,
   * instead of naming every entry it used (a hash each, 10k of them at 10k notes) to find those few.
   */
  prune(): Promise<void>;
}

/** Unused entries a cache of `used` entries in use may hold before it is pruned: one in fifty, and at least 32. */
export function pruneSlack(used: number): number {
  return Math.max(32, Math.floor(used / 50));
}

/** The cache folder for a garden. */
export function cacheDir(gardenRoot: string): string {
  const base = process.env.TRELLIS_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'trellis');
  const id = createHash('sha256').update(path.resolve(gardenRoot)).digest('hex').slice(0, 16);
  return path.join(base, id);
}

/** Open the cache for `gardenRoot`. */
export async function openCache(gardenRoot: string): Promise<NoteCache> {
  const dir = cacheDir(gardenRoot);
  await fs.mkdir(dir, { recursive: true });
  const used = new Set<string>();
  // Entries kept without being read: named only when the cache is pruned.
  const keptUnnamed: [string, string][] = [];
  const nameOf = (id: string, hash: string) => createHash('sha256').update(`${compileFingerprint()}\u0000${id}\u0000${hash}`).digest('hex').slice(0, 40);
  const keyOf = (id: string, hash: string) => {
    const key = nameOf(id, hash);
    used.add(key);
    return key;
  };
  return {
    async get(id, hash) {
      try {
        return deserialize(await fs.readFile(path.join(dir, keyOf(id, hash)))) as NoteJobResult;
      } catch {
        return undefined;
      }
    },
    keep(id, hash) {
      keptUnnamed.push([id, hash]);
    },
    fileOf: (id, hash) => path.join(dir, nameOf(id, hash)),
    async prune() {
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      // At most this many entries can be unused: too few to be worth naming every entry used.
      if (names.length - (used.size + keptUnnamed.length) <= pruneSlack(used.size + keptUnnamed.length)) return;
      for (const [id, hash] of keptUnnamed.splice(0)) keyOf(id, hash);
      await Promise.all(names.filter((n) => !used.has(n)).map((n) => fs.rm(path.join(dir, n), { force: true })));
    },
    async set(id, hash, value) {
      const file = path.join(dir, keyOf(id, hash));
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, serialize(value));
      await fs.rename(tmp, file);
    },
  };
}

/** The highlighted code of the compiled note in cache file `file` (`NoteCache.fileOf`); none if it cannot be read. */
export function readCachedCode(file: string): HighlightedCode | undefined {
  try {
    return (deserialize(readFileSync(file)) as NoteJobResult).code;
  } catch {
    return undefined;
  }
}

/** A layout cache for the garden: the last layout, reused while the graph is unchanged. */
export function openLayoutCache(gardenRoot: string): LayoutCache {
  const dir = `${cacheDir(gardenRoot)}-layout`;
  return {
    get(key) {
      try {
        return JSON.parse(readFileSync(path.join(dir, `${key}.json`), 'utf8')) as LayoutResult;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(value));
    },
  };
}
