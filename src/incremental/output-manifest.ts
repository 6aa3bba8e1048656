/**
 * The output manifest: what the last build wrote into its output folder, kept beside the build
 * cache (not in the site). For every file, the hash of its bytes and, for files whose inputs are
 * declared, the hash of those inputs; and each note's content hash, to say what changed. A build
 * reuses the previous site's files only through a manifest written for exactly that site (same
 * folder, same build fingerprint in its record), so a stale or foreign manifest is ignored.
 */
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../store/cache.ts';
import type { NoteId } from '../shared/types.ts';

/** What a manifest holds of its files, by site-relative path (a `Map` is one; so is a read manifest's {@link SortedFiles}). */
export interface FileMap {
  get(rel: string): string | undefined;
  has(rel: string): boolean;
  /** The paths, in no particular order. */
  keys(): IterableIterator<string>;
  readonly size: number;
}

/**
 * Paths in code-unit order with a value each ('' for none), read by binary search: how a read
 * manifest holds its 44k files at 10k notes without hashing each path into a map (~80 ms a build),
 * and how the site writer gives the next manifest its files, in the order they are stored.
 */
export class SortedFiles implements FileMap {
  readonly size: number;
  constructor(
    readonly paths: readonly string[],
    readonly values: readonly string[],
  ) {
    let size = 0;
    for (const v of values) if (v !== '') size++;
    this.size = size;
  }

  /** The index of `rel` in `paths`, or -1. */
  indexOf(rel: string): number {
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
  paths: string;
  hashes: string;
  keys: string;
}

/** The stored form's version: a manifest of another form is not read (the build then writes every file). */
const manifestFormat = 3;

/**
 * The stored manifest of `out`'s site, read as bytes off the builder's thread (the file is a few MB at 10k notes), for
 * {@link readOutputManifest} to decode once the build knows it needs it; undefined when there is none.
 */
export function readManifestBytes(gardenRoot: string, out: string): Promise<Buffer | undefined> {
  return fs.readFile(manifestFile(gardenRoot, out)).catch(() => undefined);
}

/**
 * The manifest of the site now in `out`, if it was written for that very site (its record has `fingerprint`); from
 * `bytes` when given (read ahead by {@link readManifestBytes}), else read now.
 */
export function readOutputManifest(gardenRoot: string, out: string, fingerprint: string | undefined, bytes?: Buffer): OutputManifest | undefined {
  if (!fingerprint) return undefined;
  try {
    const stored = JSON.parse((bytes ?? readFileSync(manifestFile(gardenRoot, out))).toString('utf8')) as StoredManifest;
    if (stored.format !== manifestFormat || stored.out !== path.resolve(out) || stored.fingerprint !== fingerprint) return undefined;
    const m = fromStored(stored);
    return m && staysBeside(m) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** The stored form of `m` (see {@link StoredManifest}); a key of a path with no file has no place in it, and is dropped. */
function toStored({ files, keys, ...rest }: OutputManifest): StoredManifest {
  const { paths, hashes, keys: keyed } = inPathOrder(files, keys);
  return { ...rest, format: manifestFormat, paths: paths.join('\n'), hashes: hashes.join('\n'), keys: keyed.join('\n') };
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
function fromStored(stored: StoredManifest): OutputManifest | undefined {
  const { paths, hashes, keys: keyed, ...rest } = stored;
  delete (rest as Partial<StoredManifest>).format;
  if (typeof paths !== 'string' || typeof hashes !== 'string' || typeof keyed !== 'string') return undefined;
  if (paths === '') return hashes === '' && keyed === '' ? { ...rest, files: new SortedFiles([], []), keys: new SortedFiles([], []) } : undefined;
  const rels = paths.split('\n');
  const hashOf = hashes.split('\n');
  const keyOf = keyed.split('\n');
  if (hashOf.length !== rels.length || keyOf.length !== rels.length || !isSorted(rels) || hashOf.includes('')) return undefined;
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
  for (const rel of m.files.keys()) if (!inside(rel)) return false;
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

/** Record the manifest of a site just swapped into place. */
export async function writeOutputManifest(gardenRoot: string, manifest: OutputManifest): Promise<void> {
  const file = manifestFile(gardenRoot, manifest.out);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(toStored(manifest)));
  await fs.rename(`${file}.${process.pid}.tmp`, file);
}

/** Forget the manifest of `out` (before a build that may leave the site in another state). */
export async function removeOutputManifest(gardenRoot: string, out: string): Promise<void> {
  await fs.rm(manifestFile(gardenRoot, out), { force: true });
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
  /** Settings, code, attachments and every note's id, path, URL, publish state and dates, as one hash. */
  frame: string;
  /** Note id -> the hash of its shape. */
  shapes: Record<string, string>;
  /** The code that computed the shapes: a shape is a function of the note and the code. */
  code?: string;
}
