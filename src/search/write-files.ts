/** Write built search files under a folder, creating their directories. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentHash } from '../incremental/output-manifest.ts';
import type { NoteId, SearchDoc, SearchDocEntry, SearchFile } from '../shared/types.ts';
import type { KeptChunk, KeptPostings } from './kept-postings.ts';
import type { TextRef } from '../store/note-store.ts';
import { readText } from '../store/spill-store.ts';
import { writeSearchIndex } from './index.ts';
import { keptPostingsWriter, readKeptPostings } from './kept-postings-file.ts';
import { isLight } from './light-docs.ts';
import { keptChunkPath, lowerBound } from './chunk-docs.ts';

/**
 * Note bodies left in the build's store file (store/spill-store.ts) instead of copied into the docs:
 * `refs[i]` is where doc `i`'s body is in the file at `fd`, or in the file its third item names (a
 * kept model's segment: src/incremental/kept-model.ts); null: the doc carries its body.
 */
export interface SpilledBodies {
  fd: number;
  refs: (TextRef | null)[];
}

/** A file of the search index: its path (relative, POSIX), the hash of its bytes (output-manifest.ts), and whether it was written. */
export interface SearchOutput {
  path: string;
  hash: string;
  /** False when the previous site has the same bytes: nothing was written, the previous file is kept. */
  written: boolean;
}

/** What a build keeps for the next one and takes from the last. */
export interface KeepOptions {
  /** The previous site's `_search/` files, by path, with the output manifest's hash of their bytes: files with those bytes are not written. */
  previous?: Readonly<Record<string, string>>;
  /** The file the postings are kept in between builds (kept-postings-file.ts), and the code fingerprint they must have been made by. */
  kept?: { file: string; code: string };
  /**
   * The previous site's folder: a light doc's entry in a docs chunk made again is read from its chunk there (light-docs.ts).
   * Or the folder each of its files is in, by path (the dev server's versions: src/dev/dev-search.ts).
   */
  site?: string | Readonly<Record<string, string>>;
}

/**
 * Build the search index of `docs` and write its files under `outDir` as they are made; returns
 * them with their hashes. A file whose hash is its path's in `previous` (the previous site's
 * files, by the output manifest's hash) is not written: the caller keeps the previous one.
 * With `kept`, the notes whose indexed text is in the kept postings are not indexed again, and
 * this build's postings are kept for the next.
 * Bodies in `texts` are read from the spill file each time the index needs them (once for the
 * key and the body postings, three times for the docs chunks: chunk-docs.ts), so no thread holds them all.
 * `onPlan` is told how many notes will be indexed, before any is; `read` reads the kept postings
 * (a prepared worker has read them already).
 */
export function writeSearchFiles(
  docs: readonly SearchDoc[],
  outDir: string,
  texts?: SpilledBodies,
  options: KeepOptions = {},
  onPlan?: (indexed: number) => void,
  read: typeof readKeptPostings = readKeptPostings,
): SearchOutput[] {
  if (texts) {
    docs.forEach((doc, i) => {
      const ref = texts.refs[i];
      if (ref && !isLight(doc)) Object.defineProperty(doc, 'body', { get: () => readText(texts.fd, ref) });
    });
  }
  const writer = searchFileWriter(outDir, options.previous ?? {});
  const { kept } = options;
  const keptWriter = kept ? keptPostingsWriter(kept.file, kept.code) : undefined;
  try {
    const previous = kept ? read(kept.file, kept.code) : undefined;
    const entry = previous?.chunks && options.site ? previousEntries(options.site, previous, options.previous ?? {}) : undefined;
    writeSearchIndex(docs, writer.sink, undefined, {
      ...(previous ? { previous, files: { ...writer, ...(entry ? { entry } : {}) } } : {}),
      ...(keptWriter ? { writer: keptWriter } : {}),
      ...(onPlan ? { onPlan } : {}),
    });
    keptWriter?.finish();
  } catch (error) {
    keptWriter?.abort();
    throw error;
  }
  return writer.outputs;
}

/**
 * A sink that writes each search file under `outDir` when it is handed over (synchronously:
 * it runs on the search worker's own thread) unless `previous` has its bytes, and the files.
 */
function searchFileWriter(
  outDir: string,
  previous: Readonly<Record<string, string>>,
): {
  sink: (file: SearchFile) => void;
  outputs: SearchOutput[];
  has(path: string, hash: string): boolean;
  keep(path: string, hash: string): boolean;
  keepNamed(path: string): boolean;
  hasNamed(path: string): boolean;
} {
  const dirs = new Set<string>();
  const outputs: SearchOutput[] = [];
  const sink = (file: SearchFile) => {
    const hash = contentHash(file.contents);
    if (previous[file.path] === hash) {
      outputs.push({ path: file.path, hash, written: false });
      return;
    }
    const abs = path.join(outDir, file.path);
    const dir = path.dirname(abs);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(abs, file.contents);
    outputs.push({ path: file.path, hash, written: true });
  };
  const has = (file: string, hash: string) => previous[file] === hash;
  // A file of the previous site kept as it is, its bytes not made again (a docs chunk whose notes are as they were).
  const keep = (file: string, hash: string) => {
    if (!has(file, hash)) return false;
    outputs.push({ path: file, hash, written: false });
    return true;
  };
  // A file of the previous site whose name is the hash of its bytes (a postings shard), kept as it is.
  const keepNamed = (file: string) => {
    const hash = previous[file];
    return hash !== undefined && keep(file, hash);
  };
  const hasNamed = (file: string) => previous[file] !== undefined;
  return { sink, outputs, has, keep, keepNamed, hasNamed };
}

/**
 * The entry of the note `id` in the previous site's docs chunks (in `site`, or where it says each is), as its chunk holds it at the number the
 * kept postings gave the note, when they record it made from the doc source `source`: undefined when they do not, when
 * that chunk is not the site's as they recorded it (its bytes' hash, in `previous` and on disk), or holds another note
 * there. Each chunk is read once.
 */
function previousEntries(
  site: NonNullable<KeepOptions['site']>,
  kept: KeptPostings,
  previous: Readonly<Record<string, string>>,
): (id: NoteId, source: string) => string | undefined {
  const chunks = kept.chunks ?? [];
  const starts = chunks.map((c) => c[0]);
  const read = new Map<number, (SearchDocEntry | null)[] | undefined>();
  const entriesOf = (c: KeptChunk): (SearchDocEntry | null)[] | undefined => {
    const [start, hash, bytesHash] = c;
    const rel = keptChunkPath(c);
    const folder = typeof site === 'string' ? site : Object.hasOwn(site, rel) ? site[rel] : undefined;
    if (!/^[0-9a-f]+$/.test(hash) || previous[rel] !== bytesHash || folder === undefined) return undefined;
    try {
      const bytes = readFileSync(path.join(folder, rel));
      if (contentHash(bytes) !== bytesHash) return undefined;
      const chunk = JSON.parse(bytes.toString('utf8')) as { start: number; docs: (SearchDocEntry | null)[] };
      return chunk.start === start && Array.isArray(chunk.docs) ? chunk.docs : undefined;
    } catch {
      return undefined;
    }
  };
  return (id, source) => {
    const note = kept.notes.get(id);
    if (note?.source !== source) return undefined;
    const { number } = note;
    // The last chunk starting at or before `number`.
    const c = chunks[lowerBound(starts, number + 1) - 1];
    if (!c) return undefined;
    if (!read.has(c[0])) read.set(c[0], entriesOf(c));
    const entry = read.get(c[0])?.[number - c[0]];
    // The entry as the chunk holds it: what JSON.stringify made of it, so made again the same.
    return entry && entry.id === id ? JSON.stringify(entry) : undefined;
  };
}
