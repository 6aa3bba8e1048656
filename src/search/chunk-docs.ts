import type { SearchDoc, SearchDocEntry, SearchFile, SearchManifest } from '../shared/types.ts';
import { toDocsChunkFile } from '../shared/search/to-docs-chunk-file.ts';
import type { Settings } from './options.ts';
import { packRanges } from './pack-ranges.ts';
import { toContentHash } from './to-file-name.ts';

/** The docs chunks (their files went to the sink). */
export interface ChunkedDocs {
  docs: SearchManifest['docs'];
  maxCheckedGzipBytes: number;
  overBudget: string[];
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
): ChunkedDocs {
  // Each entry is serialised again whenever it is needed (for its size, unless `known` has it,
  // and for its chunk) rather than kept: held together, a large garden's entries would be a large
  // part of the search worker's heap.
  const entry = (i: number): string => docsEntry(docs[i]!, headingStride, settings.maxBodyChars);
  const sizes = docs.map((_, i) => (known[i] ?? Buffer.byteLength(entry(i))) + 1 + (i > 0 ? gapBytes * (numbers[i]! - numbers[i - 1]! - 1) : 0));
  const render = (from: number, to: number): string => {
    const entries: string[] = [];
    for (let i = from; i < to; i++) {
      if (i > from) for (let n = numbers[i - 1]! + 1; n < numbers[i]!; n++) entries.push('null');
      entries.push(entry(i));
    }
    return `{"version":1,"start":${numbers[from]!},"docs":[${entries.join(',')}]}`;
  };
  const result: ChunkedDocs = { docs: { starts: [], hashes: [] }, maxCheckedGzipBytes: 0, overBudget: [] };
  const keyOf = (i: number): string => docs[i]!.id;
  packRanges(sizes, keyOf, settings.targetDocsChunkBytes, settings.maxShardGzipBytes, render, (range) => {
    const hash = toContentHash(range.contents).slice(0, chunkHashDigits);
    const path = `_search/${toDocsChunkFile(numbers[range.from]!, hash)}`;
    result.docs.starts.push(numbers[range.from]!);
    result.docs.hashes.push(hash);
    sink({ path, contents: range.contents });
    result.maxCheckedGzipBytes = Math.max(result.maxCheckedGzipBytes, range.gzipBytes ?? 0);
    if (range.overBudget) result.overBudget.push(path);
  });
  return result;
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
    body: toBodyText(doc.body, maxBodyChars),
  };
}

/** Cut the body to `max` characters without leaving half of a surrogate pair. */
function toBodyText(body: string, max: number): string {
  if (body.length <= max) return body;
  const code = body.charCodeAt(max - 1);
  return body.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
