/**
 * The output manifest: what the last build wrote into its output folder, kept beside the build
 * cache (not in the site). For every file, the hash of its bytes and, for files whose inputs are
 * declared, the hash of those inputs; and each note's content hash, to say what changed. A build
 * reuses the previous site's files only through a manifest written for exactly that site (same
 * folder, same build fingerprint in its record), so a stale or foreign manifest is ignored.
 *
 * It is stored as a base file and a delta beside it (`<base>.delta`): a build that changed a few of the site's
 * files writes only what differs from the base (a few KB), not the whole manifest again (6.9 MB of JSON at 10k
 * notes, ~0.15-0.2 s of a warm build's thread to join, stringify and write); once the delta has grown past a
 * sixteenth of the base, the build writes a new base. See {@link writeOutputManifest}.
 *
 * Keys of a family (`keyFamilies`: the local graph files, each keyed by the whole graph) that are all the same are
 * stored once: a link change gives every one of the 10k local graph files a new key, which would otherwise make every
 * link build's delta larger than the base, and the base 0.75 MB larger.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../store/cache.ts';
import type { NoteId } from '../shared/types.ts';
import { adjustDigest, isDigest, pathsDigest } from './spare-check.ts';

/** What a manifest holds of its files, by site-relative path (a `Map` is one; so is a read manifest's {@link SortedFiles}). */
export interface FileMap {
  get(rel: string): string | undefined;
  has(rel: string): boolean;
  /** The paths, in no particular order. */
  keys(): IterableIterator<string>;
  readonly size: number;
}

/**
 * Searches by halving among a list of paths before the list is indexed by path. A build of edited text looks up a few
 * hundred of the previous site's files; a link build looks up every page's, data and local graph file (~50k at 10k
 * notes, each search ~16 string comparisons among paths far apart in memory: ~35 ms of its thread by the clock), where
 * indexing the 44k paths once takes a few milliseconds and the lookups after it one each (100k lookups: 23 against 68 ms).
 */
export const searchesBeforeIndex = 4096;

/** How a list of sorted paths is searched: the searches so far, and the paths by name once they were many. */
interface PathIndex {
  searched: number;
  byPath?: Map<string, number>;
}

/** Each list's index, shared by the `SortedFiles` over it (a manifest's files and keys share their paths). */
const pathIndexes = new WeakMap<readonly string[], PathIndex>();

function newPathIndex(paths: readonly string[]): PathIndex {
  const index: PathIndex = { searched: 0 };
  pathIndexes.set(paths, index);
  return index;
}

/**
 * Paths in code-unit order with a value each ('' for none), read by binary search: how a read
 * manifest holds its 44k files at 10k notes without hashing each path into a map when read (~80 ms a
 * build; a map is made only once it is searched many times, {@link searchesBeforeIndex}), and how the
 * site writer gives the next manifest its files, in the order they are stored.
 */
export class SortedFiles implements FileMap {
  readonly size: number;
  constructor(
    readonly paths: readonly string[],
    readonly values: readonly string[],
  ) {
    // Indexed loops here and over every file below: a loop run once over 44k files runs unoptimised, where `for of`
    // allocates a result for each step (~4 MB and a few ms a loop, in every warm build).
    let size = 0;
    for (let i = 0; i < values.length; i++) if (values[i] !== '') size++;
    this.size = size;
  }

  /** The index of `rel` in `paths`, or -1. */
  indexOf(rel: string): number {
    const index = pathIndexes.get(this.paths) ?? newPathIndex(this.paths);
    if (index.byPath) return index.byPath.get(rel) ?? -1;
    if (++index.searched > searchesBeforeIndex) {
      const byPath = new Map<string, number>();
      for (let i = 0; i < this.paths.length; i++) byPath.set(this.paths[i]!, i);
      index.byPath = byPath;
      return byPath.get(rel) ?? -1;
    }
    let lo = 0;
    let hi = this.paths.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const p = this.paths[mid]!;
      if (p === rel) return mid;
      if (p < rel) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get(rel: string): string | undefined {
    const i = this.indexOf(rel);
    return i < 0 || this.values[i] === '' ? undefined : this.values[i];
  }

  has(rel: string): boolean {
    return this.get(rel) !== undefined;
  }

  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.paths.length; i++) if (this.values[i] !== '') yield this.paths[i]!;
  }
}

/**
 * The files of `files` whose path begins with `prefix`, with their values, in path order for a {@link SortedFiles}:
 * there they are one run of its paths, found by halving (a pass over a read manifest's 44k paths for its ~3,500 search
 * files was ~20 ms of a warm build's thread).
 */
export function filesUnder(files: FileMap, prefix: string): [rel: string, value: string][] {
  const out: [string, string][] = [];
  if (files instanceof SortedFiles) {
    const { paths, values } = files;
    for (let i = lowerBound(paths, prefix, 0); i < paths.length && paths[i]!.startsWith(prefix); i++) if (values[i] !== '') out.push([paths[i]!, values[i]!]);
    return out;
  }
  for (const rel of files.keys()) if (rel.startsWith(prefix)) out.push([rel, files.get(rel)!]);
  return out;
}

/** Whether `paths` is in strictly increasing code-unit order (sorted, no path twice). */
export function isSorted(paths: readonly string[]): boolean {
  for (let i = 1; i < paths.length; i++) if (!(paths[i - 1]! < paths[i]!)) return false;
  return true;
}

/** What one build wrote. */
export interface OutputManifest {
  /** The output folder, absolute. */
  out: string;
  /** The build fingerprint recorded in that site's build record. */
  fingerprint: string;
  /** Site-relative path -> hash of its bytes. */
  files: FileMap;
  /** Site-relative path -> hash of the inputs it was made from (only files with declared inputs). */
  keys: FileMap;
  /** Note id -> content hash, for the build's summary of what changed. */
  notes: Record<string, string>;
  /**
   * The site replaced by this one, kept beside it to become the next build's staging folder
   * (src/incremental/link-previous.ts): its folder, and the files in which it differs from this
   * site (changed, added, removed, or missing from it).
   */
  spare?: { dir: string; differs: string[] };
  /** The garden's frame, its notes' shapes and mentions (text-only.ts): what tells the next build that only text changed. */
  shape?: GardenShape;
  /**
   * The digest of its files' paths (spare-check.ts), when it was read with one: what the site it describes, once it is
   * the next build's spare, is checked against. Each manifest written keeps it, a delta's made from the previous
   * manifest's and the paths the build added and removed, so a build does not hash its 44k paths (~15 ms at 10k notes).
   */
  digest?: string;
}

/** An empty manifest for `out`. */
export function emptyManifest(out: string, fingerprint = ''): OutputManifest {
  return { out: path.resolve(out), fingerprint, files: new Map(), keys: new Map(), notes: {} };
}

function manifestFile(gardenRoot: string, out: string): string {
  const which = createHash('sha256').update(path.resolve(out)).digest('hex').slice(0, 12);
  return `${cacheDir(gardenRoot)}-outputs-${which}.json`;
}

/**
 * The manifest as stored: a JSON object whose files are three strings, not an object of tens of
 * thousands of keys. `paths` is every file's path, one a line, in code-unit order; `hashes` its
 * hash on the same line; `keys` its inputs' key there (an empty line: none). At 10k notes (44k
 * files) V8 parses the 6.8 MB in about a third of the time it took for the same as two objects
 * keyed by path, and the paths are searched as read (`SortedFiles`), not hashed into maps. A path
 * holding a line break (possible on disk, never made by Trellis's URLs) leaves more paths than
 * hashes, and paths out of order or twice are not what was written: such a manifest is not read,
 * and that build writes every file.
 */
interface StoredManifest extends Omit<OutputManifest, 'files' | 'keys'> {
  format: typeof manifestFormat;
  /** Names this base: a delta applies to the base it names only. */
  generation: string;
  paths: string;
  hashes: string;
  keys: string;
  /** Each family whose files' keys are all one key, with that key: its files' keys are stored as the family's mark ({@link familyMark}). */
  families?: Families;
  /** The digest of `paths` (spare-check.ts). */
  digest?: string;
}

/** The stored form's version: a manifest of another form is not read (the build then writes every file). */
const manifestFormat = 5;

/**
 * Prefixes of keys that many files share at once: each local graph file is keyed by the whole graph
 * (src/emit/local-graph-files.ts), so that a link change changes all of their keys together.
 */
const keyFamilies = ['local-graph:'] as const;

/** Family prefix -> the one key all of its files have (families whose files have more than one key are not listed). */
type Families = Partial<Record<string, string>>;

/** How a file's key is stored when it is its family's one key (no key is a prefix and a `*`). */
function familyMark(prefix: string): string {
  return `${prefix}*`;
}

/** The families of `keys` whose keys are all one key (a family no key is of is not listed). */
function uniformFamilies(keys: readonly string[]): Families {
  const found: Families = {};
  for (let f = 0; f < keyFamilies.length; f++) {
    const prefix = keyFamilies[f]!;
    let one: string | undefined;
    let mixed = false;
    for (let i = 0; i < keys.length && !mixed; i++) {
      const key = keys[i]!;
      if (key === one || !key.startsWith(prefix)) continue;
      if (one === undefined) one = key;
      else mixed = true;
    }
    if (one !== undefined && !mixed) found[prefix] = one;
  }
  return found;
}

/**
 * Each of `families`' keys with its family's mark. Keys are read and stored through these pairs, made once: a key
 * looked up by family, its mark made for each of 44k keys, was ~10-15 ms of a manifest's read and as much of its write.
 */
function familyPairs(families: Families): [key: string, mark: string][] {
  const pairs: [string, string][] = [];
  for (const prefix of keyFamilies) {
    const key = families[prefix];
    if (key !== undefined) pairs.push([key, familyMark(prefix)]);
  }
  return pairs;
}

/** `key` as stored beside the families of `pairs`: its family's mark when it is the family's one key. */
function storedKey(key: string, pairs: readonly [string, string][]): string {
  for (let i = 0; i < pairs.length; i++) if (pairs[i]![0] === key) return pairs[i]![1];
  return key;
}

/** A stored key as the key it stands for: a family's mark read with the families of `pairs`. */
function readKey(stored: string, pairs: readonly [string, string][]): string {
  for (let i = 0; i < pairs.length; i++) if (pairs[i]![1] === stored) return pairs[i]![0];
  return stored;
}

/** Whether `a` and `b` list the same families (with any keys). */
function sameFamilies(a: Families, b: Families): boolean {
  return keyFamilies.every((prefix) => (a[prefix] === undefined) === (b[prefix] === undefined));
}

/** What changed in a record (`notes`, a shape's `shapes` and `mentions`) since the base: the keys set, and the keys gone. */
interface RecordDelta<T> {
  set: Record<string, T>;
  gone: string[];
}

/**
 * A manifest as what differs from the base `base` names: its own fingerprint, spare and shape's scalars whole; its
 * files (path, hash, key: '' for none) set and gone, each list in path order; its records' keys set and gone.
 * A shape is in the delta when the base has one, and only then (else the build writes a new base).
 */
interface StoredDelta {
  format: typeof manifestFormat;
  base: string;
  out: string;
  fingerprint: string;
  spare?: OutputManifest['spare'];
  files: { set: [rel: string, hash: string, key: string][]; gone: string[] };
  /** The families of the manifest the delta makes (the base's, with their keys now): the base's and the set files' marks are read with them. */
  families?: Families;
  /** The digest of the paths of the manifest the delta makes (spare-check.ts). */
  digest?: string;
  notes: RecordDelta<string>;
  shape?: Omit<GardenShape, 'shapes' | 'mentions' | 'dates'> & { shapes: RecordDelta<string>; mentions: RecordDelta<NoteId[]>; dates?: RecordDelta<string> };
}

/** What a read manifest came from (kept out of the manifest itself): its base on disk, and the delta applied to it. */
interface ReadFrom {
  generation: string;
  /** The base file's identity when read ({@link statKey}): a delta is written only over that same file. */
  stat: string;
  /** Entries of the base (files, notes): how large a delta may grow before a new base is written. */
  entries: number;
  hasShape: boolean;
  /** Whether the base's shape has the notes' dates. */
  hasDates: boolean;
  delta: StoredDelta | undefined;
  /** The families of the manifest read (the delta's, else the base's): a delta over it lists the same ones. */
  families: Families;
}

const readFrom = new WeakMap<OutputManifest, ReadFrom>();

/** The stored manifest's bytes: its base, and its delta when there is one. */
export interface ManifestBytes {
  base: Buffer;
  delta?: Buffer;
  /** The base file's {@link statKey} as it was read. */
  stat: string;
}

function statKey(st: Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
}

/**
 * The stored manifest of `out`'s site, read as bytes off the builder's thread (the file is a few MB at 10k notes), for
 * {@link readOutputManifest} to decode once the build knows it needs it; undefined when there is none.
 */
export async function readManifestBytes(gardenRoot: string, out: string): Promise<ManifestBytes | undefined> {
  const file = manifestFile(gardenRoot, out);
  try {
    // Stat'ed first: a base replaced after its stat is taken differs from it, and no delta is written over it (only one build of `out` runs at a time).
    const stat = statKey(await fs.stat(file));
    const [base, delta] = await Promise.all([fs.readFile(file), fs.readFile(deltaFile(file)).catch(() => undefined)]);
    return { base, stat, ...(delta ? { delta } : {}) };
  } catch {
    return undefined;
  }
}

/** The delta stored beside the manifest's base `file`. */
function deltaFile(file: string): string {
  return `${file}.delta`;
}

function readManifestBytesSync(file: string): ManifestBytes {
  const stat = statKey(statSync(file));
  const base = readFileSync(file);
  let delta: Buffer | undefined;
  try {
    delta = readFileSync(deltaFile(file));
  } catch {
    delta = undefined;
  }
  return { base, stat, ...(delta ? { delta } : {}) };
}

/**
 * The manifest of the site now in `out`, if it was written for that very site (its record has `fingerprint`); from
 * `bytes` when given (read ahead by {@link readManifestBytes}), else read now.
 */
export function readOutputManifest(gardenRoot: string, out: string, fingerprint: string | undefined, bytes?: ManifestBytes): OutputManifest | undefined {
  if (!fingerprint) return undefined;
  try {
    const read = bytes ?? readManifestBytesSync(manifestFile(gardenRoot, out));
    const stored = JSON.parse(read.base.toString('utf8')) as StoredManifest;
    const target = path.resolve(out);
    if (stored.format !== manifestFormat || stored.out !== target || typeof stored.generation !== 'string') return undefined;
    // A delta of another base (left by a build that wrote a new base and stopped before removing it) is not this manifest's.
    const parsed = read.delta ? (JSON.parse(read.delta.toString('utf8')) as StoredDelta) : undefined;
    const delta = parsed?.format === manifestFormat && parsed.base === stored.generation && parsed.out === target ? parsed : undefined;
    const families = validFamilies(delta ? delta.families : stored.families);
    if (!families || (delta && !sameFamilies(families, validFamilies(stored.families) ?? {}))) return undefined;
    // The base's marks are read with the families the delta gives (their keys now).
    const base = fromStored(stored, families);
    if (!base) return undefined;
    const m = delta ? withDelta(base, delta, families) : base;
    if (!m || m.fingerprint !== fingerprint || !staysBeside(m)) return undefined;
    readFrom.set(m, {
      generation: stored.generation,
      stat: read.stat,
      entries: base.files.size + Object.keys(base.notes).length,
      hasShape: !!base.shape,
      hasDates: !!base.shape?.dates,
      delta,
      families,
    });
    return m;
  } catch {
    return undefined;
  }
}

/** The manifest `base` with `delta` applied; undefined when the delta is not well formed (its lists out of order, a file without a hash). */
function withDelta(base: OutputManifest, delta: StoredDelta, families: Families): OutputManifest | undefined {
  const { set, gone } = delta.files;
  if (!Array.isArray(set) || !Array.isArray(gone) || !isSorted(set.map((e) => e[0])) || !isSorted(gone)) return undefined;
  if (set.some((e) => !Array.isArray(e) || e.length !== 3 || e.some((x) => typeof x !== 'string') || e[1] === '')) return undefined;
  if (!!delta.shape !== !!base.shape) return undefined;
  const { paths, hashes, keys } = inPathOrder(base.files, base.keys);
  // The base's columns copied in runs between the delta's paths (each found by halving), not path by path: ~1 ms, not ~40, at 44k files.
  const pairs = familyPairs(families);
  const ops: [rel: string, entry: [string, string] | null][] = [
    ...set.map(([r, h, k]): [string, [string, string]] => [r, [h, readKey(k, pairs)]]),
    ...gone.map((r): [string, null] => [r, null]),
  ];
  ops.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // Runs of the three columns, joined once at the end.
  const runs: [string[], string[], string[]][] = [];
  let at = 0;
  for (const [rel, entry] of ops) {
    const i = lowerBound(paths, rel, at);
    if (i > at) runs.push([paths.slice(at, i), hashes.slice(at, i), keys.slice(at, i)]);
    at = i < paths.length && paths[i] === rel ? i + 1 : i;
    if (entry) runs.push([[rel], [entry[0]], [entry[1]]]);
  }
  if (paths.length > at) runs.push([paths.slice(at), hashes.slice(at), keys.slice(at)]);
  const column = (c: 0 | 1 | 2) => ([] as string[]).concat(...runs.map((r) => r[c]));
  const [rels, hashOf, keyOf] = [column(0), column(1), column(2)];
  // A path both set and gone is not a delta this module writes.
  if (!isSorted(rels)) return undefined;
  const m: OutputManifest = {
    out: base.out,
    fingerprint: delta.fingerprint,
    files: new SortedFiles(rels, hashOf),
    keys: new SortedFiles(rels, keyOf),
    notes: applied(base.notes, delta.notes),
    ...(delta.spare ? { spare: delta.spare } : {}),
    ...(isDigest(delta.digest) ? { digest: delta.digest } : {}),
  };
  if (delta.shape && base.shape) {
    const { shapes, mentions, dates, ...scalars } = delta.shape;
    m.shape = {
      ...scalars,
      shapes: applied(base.shape.shapes, shapes),
      mentions: applied(base.shape.mentions, mentions),
      ...(dates && base.shape.dates ? { dates: applied(base.shape.dates, dates) } : {}),
    };
  }
  return m;
}

/** `record` (a base's, just read: changed in place) with `delta`'s keys set and gone (a key gone that `record` does not have is none). */
function applied<T>(record: Record<string, T>, delta: RecordDelta<T>): Record<string, T> {
  // Defined, not assigned: a note may be named `__proto__`, which assignment would take for the record's prototype.
  for (const [k, v] of Object.entries(delta.set)) Object.defineProperty(record, k, { value: v, writable: true, enumerable: true, configurable: true });
  for (const k of delta.gone) delete record[k];
  return record;
}

/** The first index at or after `from` whose path in `paths` (in order) is not below `rel`. */
function lowerBound(paths: readonly string[], rel: string, from: number): number {
  let lo = from;
  let hi = paths.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (paths[mid]! < rel) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The stored form of `m` (see {@link StoredManifest}); a key of a path with no file has no place in it, and is dropped.
 * `digest` is that of its paths when known (spare-check.ts), else they are hashed.
 */
function toStored({ files, keys, ...rest }: OutputManifest, generation: string, digest?: string): StoredManifest {
  const { paths, hashes, keys: keyed } = inPathOrder(files, keys);
  delete rest.digest;
  const families = uniformFamilies(keyed);
  const pairs = familyPairs(families);
  const stored = pairs.length > 0 ? keyed.map((key) => storedKey(key, pairs)) : keyed;
  return {
    ...rest,
    format: manifestFormat,
    generation,
    paths: paths.join('\n'),
    hashes: hashes.join('\n'),
    keys: stored.join('\n'),
    ...(Object.keys(families).length > 0 ? { families } : {}),
    digest: digest ?? pathsDigest(paths),
  };
}

/** `families` as read from a file: a record of keys of the known families (none: an empty one); undefined when it is not one. */
function validFamilies(families: unknown): Families | undefined {
  if (families === undefined) return {};
  if (typeof families !== 'object' || families === null || Array.isArray(families)) return undefined;
  const out: Families = {};
  for (const [prefix, key] of Object.entries(families)) {
    if (!(keyFamilies as readonly string[]).includes(prefix) || typeof key !== 'string' || !key.startsWith(prefix)) return undefined;
    out[prefix] = key;
  }
  return out;
}

/**
 * `files` with their hashes and `keys` ('' for none) as columns in path order: a read manifest's as read (no path
 * searched), a map's sorted. A key of a path with no file has no place in them.
 */
export function inPathOrder(files: FileMap, keys: FileMap): { paths: readonly string[]; hashes: readonly string[]; keys: readonly string[] } {
  let paths: readonly string[];
  let hashes: readonly string[];
  if (files instanceof SortedFiles && files.size === files.paths.length) ({ paths, values: hashes } = files);
  else {
    paths = [...files.keys()].sort();
    hashes = paths.map((rel) => files.get(rel)!);
  }
  const keyed = keys instanceof SortedFiles && keys.paths === paths ? keys.values : paths.map((rel) => keys.get(rel) ?? '');
  return { paths, hashes, keys: keyed };
}

/** The manifest `stored` holds; undefined when its lines do not pair up, or its paths are not in order (a damaged file). */
function fromStored(stored: StoredManifest, families: Families): OutputManifest | undefined {
  const { paths, hashes, keys: keyed, ...rest } = stored;
  delete (rest as Partial<StoredManifest>).format;
  delete (rest as Partial<StoredManifest>).generation;
  delete (rest as Partial<StoredManifest>).families;
  if (!isDigest(rest.digest)) delete rest.digest;
  if (typeof paths !== 'string' || typeof hashes !== 'string' || typeof keyed !== 'string') return undefined;
  if (paths === '') return hashes === '' && keyed === '' ? { ...rest, files: new SortedFiles([], []), keys: new SortedFiles([], []) } : undefined;
  const rels = paths.split('\n');
  const hashOf = hashes.split('\n');
  const keyOf = keyed.split('\n');
  if (hashOf.length !== rels.length || keyOf.length !== rels.length || !isSorted(rels) || hashOf.includes('')) return undefined;
  const pairs = familyPairs(families);
  if (pairs.length > 0) for (let i = 0; i < keyOf.length; i++) keyOf[i] = readKey(keyOf[i]!, pairs);
  return { ...rest, files: new SortedFiles(rels, hashOf), keys: new SortedFiles(rels, keyOf) };
}

/**
 * Whether every path the manifest names stays where the builder works: its files inside the site
 * (no absolute path, no `..` part), its spare a spare folder beside it. A build links, moves and
 * removes these paths, so a damaged or planted manifest must not reach outside them.
 */
function staysBeside(m: OutputManifest): boolean {
  // Without splitting each of tens of thousands of paths: a `..` part is the whole path, its start, its end or between slashes.
  const inside = (rel: string) => rel !== '' && rel !== '..' && !rel.startsWith('/') && !rel.startsWith('../') && !rel.endsWith('/..') && !rel.includes('/../');
  if (m.files instanceof SortedFiles) {
    const { paths, values } = m.files;
    for (let i = 0; i < paths.length; i++) if (values[i] !== '' && !inside(paths[i]!)) return false;
  } else for (const rel of m.files.keys()) if (!inside(rel)) return false;
  return !m.spare || (isSpareOf(m.out, m.spare.dir) && m.spare.differs.every(inside));
}

/** The folder a build keeps the replaced site of `out` in, as the next build's staging folder (write-site.ts). */
export function newSpareDir(out: string, random: string): string {
  const target = path.resolve(out);
  return path.join(path.dirname(target), `.${path.basename(target)}-spare-${random}`);
}

/** Whether `dir` is a spare folder of `out` (named by {@link newSpareDir}). */
export function isSpareOf(out: string, dir: string): boolean {
  const target = path.resolve(out);
  const prefix = `.${path.basename(target)}-spare-`;
  const name = path.basename(dir);
  return path.dirname(dir) === path.dirname(target) && name.startsWith(prefix) && /^[0-9a-f]{12}$/.test(name.slice(prefix.length));
}

/**
 * Record the manifest of a site just swapped into place. Given the manifest the build read (`previous`, the
 * manifest of the site it replaced), and when the base that was read from is still the file on disk, only what
 * differs from that base is written (its delta, with the delta read folded in), unless that has grown past
 * {@link deltaShare} of the base; otherwise a new base is written, and then the delta of the old one removed.
 * Each file is replaced whole (written aside, renamed): a build stopped at any point leaves a base, alone or with a
 * delta, whose fingerprint says which site it describes. Returns the digest of the paths it recorded, when it has one.
 */
export async function writeOutputManifest(gardenRoot: string, manifest: OutputManifest, previous?: OutputManifest): Promise<string | undefined> {
  const file = manifestFile(gardenRoot, manifest.out);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const from = previous && previous.out === manifest.out ? readFrom.get(previous) : undefined;
  // A base without a shape, or a shape without dates (written by other code), is written again with them, not carried under deltas.
  const delta =
    from && from.hasShape === !!manifest.shape && from.hasDates === !!manifest.shape?.dates && sameFile(file, from.stat)
      ? deltaOver(from, previous!, manifest)
      : undefined;
  // (A manifest whose families are not the base's is written as a new base: `deltaOver` gives none.)
  if (delta && deltaSize(delta) <= deltaShare * from!.entries + minDelta) {
    await writeAtomic(deltaFile(file), JSON.stringify(delta));
    return delta.digest;
  }
  // A delta too large to write gave the new manifest's digest already: the base takes it, its paths not hashed again.
  const stored = toStored(manifest, randomBytes(8).toString('hex'), delta?.digest);
  await writeAtomic(file, JSON.stringify(stored));
  await fs.rm(deltaFile(file), { force: true });
  return stored.digest;
}

/** A delta larger than this share of its base's entries (plus {@link minDelta}) is written as a new base. */
const deltaShare = 1 / 16;
const minDelta = 256;

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, text);
  await fs.rename(tmp, file);
}

/** Whether `file` is the one whose {@link statKey} was `stat`. */
function sameFile(file: string, stat: string): boolean {
  try {
    return statKey(statSync(file)) === stat;
  } catch {
    return false;
  }
}

/**
 * The delta of `next` over the base `from` names: what `next` changes of `previous` (read from that base and its
 * delta), over that delta. A path or key set back to its value in the base stays in the delta (as set): it costs a
 * line, not a wrong file.
 */
function deltaOver(from: ReadFrom, previous: OutputManifest, next: OutputManifest): StoredDelta | undefined {
  const was = inPathOrder(previous.files, previous.keys);
  const now = inPathOrder(next.files, next.keys);
  // The base's marks stand for the families' keys now: the same families, or a new base. Every file of a family has the
  // family's key (else it is not one), in the base, the delta read and this manifest, so keys are compared as stored.
  const families = uniformFamilies(now.keys);
  if (!sameFamilies(families, from.families)) return undefined;
  const pairs = familyPairs(families);
  const pairsBefore = familyPairs(from.families);
  const files = new Map<string, [string, string] | null>();
  for (const [rel, hash, key] of from.delta?.files.set ?? []) files.set(rel, [hash, key]);
  for (const rel of from.delta?.files.gone ?? []) files.set(rel, null);
  const added: string[] = [];
  const removed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < was.paths.length || j < now.paths.length) {
    const a = was.paths[i];
    const b = now.paths[j];
    if (b !== undefined && (a === undefined || b < a)) {
      files.set(b, [now.hashes[j]!, storedKey(now.keys[j]!, pairs)]);
      added.push(b);
      j++;
    } else if (a !== undefined && (b === undefined || a < b)) {
      files.set(a, null);
      removed.push(a);
      i++;
    } else {
      const key = storedKey(now.keys[j]!, pairs);
      if (was.hashes[i] !== now.hashes[j] || storedKey(was.keys[i]!, pairsBefore) !== key) files.set(b!, [now.hashes[j]!, key]);
      i++;
      j++;
    }
  }
  const set: StoredDelta['files']['set'] = [];
  const gone: string[] = [];
  for (const rel of [...files.keys()].sort()) {
    const entry = files.get(rel)!;
    if (entry) set.push([rel, ...entry]);
    else gone.push(rel);
  }
  const delta: StoredDelta = {
    format: manifestFormat,
    base: from.generation,
    out: next.out,
    fingerprint: next.fingerprint,
    ...(next.spare ? { spare: next.spare } : {}),
    files: { set, gone },
    ...(Object.keys(families).length > 0 ? { families } : {}),
    // From the previous manifest's digest when it was read with one (a manifest written before there were digests: every path).
    digest: (previous.digest !== undefined ? adjustDigest(previous.digest, added, removed) : undefined) ?? pathsDigest(now.paths),
    notes: recordDelta(from.delta?.notes, previous.notes, next.notes),
  };
  if (next.shape && previous.shape) {
    const { shapes, mentions, dates, ...scalars } = next.shape;
    delta.shape = {
      ...scalars,
      shapes: recordDelta(from.delta?.shape?.shapes, previous.shape.shapes, shapes),
      mentions: recordDelta(from.delta?.shape?.mentions, previous.shape.mentions, mentions),
      ...(previous.shape.dates && dates ? { dates: recordDelta(from.delta?.shape?.dates, previous.shape.dates, dates) } : {}),
    };
  }
  return delta;
}

/** Whether two records' values are the same: lists (a note's mentions) item by item, anything else as JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
    return true;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What `next` changes of `previous`, over `over` (the delta `previous` was read with); values compare by `sameValue`. */
function recordDelta<T>(over: RecordDelta<T> | undefined, previous: Record<string, T>, next: Record<string, T>): RecordDelta<T> {
  // Without a prototype: a key `__proto__` (a note of that name) is a key like another.
  const set = Object.assign(Object.create(null) as Record<string, T>, over?.set);
  const gone = new Set(over?.gone);
  const same = (a: T | undefined, b: T) => a === b || (typeof b === 'object' && sameValue(a, b));
  const nextKeys = Object.keys(next);
  for (let i = 0; i < nextKeys.length; i++) {
    const k = nextKeys[i]!;
    if (Object.hasOwn(previous, k) && same(previous[k], next[k]!)) continue;
    set[k] = next[k]!;
    gone.delete(k);
  }
  const previousKeys = Object.keys(previous);
  for (let i = 0; i < previousKeys.length; i++) {
    const k = previousKeys[i]!;
    if (Object.hasOwn(next, k)) continue;
    delete set[k];
    gone.add(k);
  }
  return { set, gone: [...gone] };
}

function deltaSize(d: StoredDelta): number {
  const record = (r: RecordDelta<unknown> | undefined) => (r ? Object.keys(r.set).length + r.gone.length : 0);
  return d.files.set.length + d.files.gone.length + record(d.notes) + record(d.shape?.shapes) + record(d.shape?.mentions) + record(d.shape?.dates);
}

/** Forget the manifest of `out` (before a build that may leave the site in another state). */
export async function removeOutputManifest(gardenRoot: string, out: string): Promise<void> {
  const file = manifestFile(gardenRoot, out);
  await fs.rm(deltaFile(file), { force: true });
  await fs.rm(file, { force: true });
}

/** The hash a manifest keeps of a file's bytes. */
export function contentHash(contents: string | Uint8Array): string {
  return createHash('sha256').update(contents).digest('base64url').slice(0, 27);
}

/** What a build records of its garden's shape (src/incremental/text-only.ts). */
export interface GardenShape extends FrameAndShapes {
  /** Source note id -> the notes its text mentions without linking them (unlinked mentions), for sources with any. */
  mentions: Record<string, NoteId[]>;
  /** The key of the site's graph layout (src/graph/index.ts), which a build changing only text shares: its layout is taken by that key. */
  layout?: string;
}

/** The garden's frame and its notes' shapes: known once the notes are compiled, before links are resolved. */
export interface FrameAndShapes {
  /** Settings, code, attachments and every note's id, path, URL and publish state, as one hash. */
  frame: string;
  /** Note id -> the hash of its shape. */
  shapes: Record<string, string>;
  /**
   * Note id -> what its dates read besides its frontmatter (its git dates, its file's day: `datesBesideFrontmatter`), for
   * the notes with any; its frontmatter is in its shape.
   * Always made (`frameAndShapes`); a manifest without them is taken for no build of changed text or links.
   */
  dates?: Record<string, string>;
  /** The code that computed the shapes: a shape is a function of the note and the code. */
  code?: string;
}
