import type { NoteId, SearchDoc, SearchDocEntry, SearchFile, SearchManifest } from '../shared/types.ts';
import { isLight, LightDocNeeded } from './light-docs.ts';
import { toDocsChunkFile } from '../shared/search/to-docs-chunk-file.ts';
import type { Settings } from './options.ts';
import { packRanges, unitOfKey } from './pack-ranges.ts';
import { toContentHash } from './to-file-name.ts';
import { contentHash } from '../incremental/output-manifest.ts';
import type { KeptChunk } from './kept-postings.ts';

/** The docs chunks (their files went to the sink, or were kept). */
export interface ChunkedDocs {
  docs: SearchManifest['docs'];
  maxCheckedGzipBytes: number;
  overBudget: string[];
  /** Every chunk, as the kept postings record it for the next build. */
  kept: KeptChunk[];
}

/**
 * The previous build's chunks, for a build that keeps the postings: a run of notes that are all
 * as they were (the same doc source and number), with no note of that build among them gone,
 * whose chunks began and ended where this run does, is the same bytes as those chunks; when the
 * previous site still has them, they are kept (`keep`), not rendered again (one changed note
 * renders its own chunk, not the garden's thousands).
 */
export interface PreviousChunks {
  /** Whether doc `i` (of the sorted docs) is as the previous build indexed it, under the same number. */
  unchanged: readonly boolean[];
  /** The previous build's note numbers, ascending. */
  numbers: readonly number[];
  /** The previous build's chunks, in order. */
  chunks: readonly KeptChunk[];
  /** Keep the previous site's file `path` if it has the bytes `bytesHash`; false when it has not (nothing kept). */
  keep(path: string, bytesHash: string): boolean;
  /** Whether the previous site has the file `path` with the bytes `bytesHash`. */
  has(path: string, bytesHash: string): boolean;
  /** The entry of note `id` in the previous site's chunks, when it was made from the doc source `source` (for a light doc: light-docs.ts). */
  entry?: (id: NoteId, source: string) => string | undefined;
}

/** Bytes of the `null,` a number without a note takes in a chunk. */
const gapBytes = 5;

/**
 * Hex digits of a chunk's content hash kept in its name and the manifest: the name is unique by
 * its start already, so the hash only has to change with the contents, and the manifest lists
 * one per chunk (thousands at 10k notes).
 */
const chunkHashDigits = 6;

/**
 * Cut the notes, in note-number order, into small chunks of what a hit shows: url, title,
 * indexed headings and body text for the snippet. A query fetches only the chunks of its top
 * hits, so chunks are kept small rather than few. Where a chunk ends is decided by the notes in
 * it (pack-ranges.ts, by note id), and each chunk is named after its contents, so a changed note
 * rewrites its own chunk and seldom a neighbour.
 * @param numbers note number of each of `docs`, ascending
 * @param known the bytes of each doc's entry, where known (the kept postings'), so its body need not be read for them
 */
export function chunkDocs(
  docs: readonly SearchDoc[],
  numbers: readonly number[],
  headingStride: number,
  settings: Settings,
  sink: (file: SearchFile) => void,
  known: readonly (number | undefined)[] = [],
  previous?: PreviousChunks,
): ChunkedDocs {
  // Each entry is serialised again whenever it is needed (for its size, unless `known` has it,
  // and for its chunk) rather than kept: held together, a large garden's entries would be a large
  // part of the search worker's heap.
  // A light doc's entry is the one its previous chunk holds, made from the same source (wherever its number is now).
  const entry = (i: number): string => {
    const doc = docs[i]!;
    if (!isLight(doc)) return docsEntry(doc, headingStride, settings.maxBodyChars);
    const kept = doc.source === undefined ? undefined : previous?.entry?.(doc.id, doc.source);
    if (kept === undefined) throw new LightDocNeeded(doc.id, 'docs-chunk entry');
    return kept;
  };
  const sizes = docs.map((_, i) => (known[i] ?? Buffer.byteLength(entry(i))) + 1 + (i > 0 ? gapBytes * (numbers[i]! - numbers[i - 1]! - 1) : 0));
  const render = (from: number, to: number): string => {
    const entries: string[] = [];
    for (let i = from; i < to; i++) {
      if (i > from) for (let n = numbers[i - 1]! + 1; n < numbers[i]!; n++) entries.push('null');
      entries.push(entry(i));
    }
    return `{"version":1,"start":${numbers[from]!},"docs":[${entries.join(',')}]}`;
  };
  const result: ChunkedDocs = { docs: { starts: [], hashes: [] }, maxCheckedGzipBytes: 0, overBudget: [], kept: [] };
  const unitOf = (i: number): number => unitOfKey(docs[i]!.id);
  const kept = previous ? keptRange(previous, numbers, result) : undefined;
  packRanges(
    sizes,
    unitOf,
    settings.targetDocsChunkBytes,
    settings.maxShardGzipBytes,
    render,
    (range) => {
      const hash = toContentHash(range.contents).slice(0, chunkHashDigits);
      const path = `_search/${toDocsChunkFile(numbers[range.from]!, hash)}`;
      result.docs.starts.push(numbers[range.from]!);
      result.docs.hashes.push(hash);
      result.kept.push([numbers[range.from]!, hash, contentHash(range.contents)]);
      sink({ path, contents: range.contents });
      result.maxCheckedGzipBytes = Math.max(result.maxCheckedGzipBytes, range.gzipBytes ?? 0);
      if (range.overBudget) result.overBudget.push(path);
    },
    kept,
  );
  return result;
}

/** Whether the docs [from, to) (a run cut by content) are the previous build's chunks, kept then (see `PreviousChunks`). */
function keptRange(previous: PreviousChunks, numbers: readonly number[], result: ChunkedDocs): (from: number, to: number) => boolean {
  const starts = previous.chunks.map((c) => c[0]);
  return (from, to) => {
    for (let i = from; i < to; i++) if (!previous.unchanged[i]) return false;
    const first = numbers[from]!;
    const end = to < numbers.length ? numbers[to]! : Infinity;
    // The previous build had exactly these notes in [first, end): none of its notes there is gone.
    if (lowerBound(previous.numbers, end) - lowerBound(previous.numbers, first) !== to - from) return false;
    // Its chunks began at `first` and the next one after them at `end` (or none followed).
    const j = lowerBound(starts, first);
    if (starts[j] !== first) return false;
    let k = j;
    while (k < starts.length && starts[k]! < end) k++;
    if (end !== Infinity && starts[k] !== end) return false;
    const chunks = previous.chunks.slice(j, k);
    if (!chunks.every((c) => previous.has(keptChunkPath(c), c[2]))) return false;
    for (const c of chunks) {
      previous.keep(keptChunkPath(c), c[2]);
      result.docs.starts.push(c[0]);
      result.docs.hashes.push(c[1]);
      result.kept.push(c);
    }
    return true;
  };
}

/** The site path of a kept docs chunk. */
export function keptChunkPath(c: KeptChunk): string {
  return `_search/${toDocsChunkFile(c[0], c[1])}`;
}

/** The first index of sorted `list` whose value is at least `value`. */
export function lowerBound(list: readonly number[], value: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A note's entry in its docs chunk, as the chunk holds it. */
export function docsEntry(doc: SearchDoc, headingStride: number, maxBodyChars: number): string {
  return JSON.stringify(toEntry(doc, headingStride, maxBodyChars));
}

function toEntry(doc: SearchDoc, headingStride: number, maxBodyChars: number): SearchDocEntry {
  return {
    id: doc.id,
    url: doc.url,
    title: doc.title,
    headings: doc.headings.slice(0, headingStride).map((heading) => ({ text: heading.text, id: heading.id })),
    body: toBodyText(snippetText(doc), maxBodyChars),
  };
}

/**
 * The body text a snippet is cut from: without the `# h1` that repeats the title at its start, which
 * the page leaves out (`SearchDoc.titleHeading`), so a hit does not read "Raft Raft elects…". The index keeps it.
 */
function snippetText(doc: SearchDoc): string {
  const first = doc.titleHeading ? doc.headings[0]?.text : undefined;
  return first !== undefined && doc.body.startsWith(first + '\n') ? doc.body.slice(first.length + 1) : doc.body;
}

/** Cut the body to `max` characters without leaving half of a surrogate pair. */
function toBodyText(body: string, max: number): string {
  if (body.length <= max) return body;
  const code = body.charCodeAt(max - 1);
  return body.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
