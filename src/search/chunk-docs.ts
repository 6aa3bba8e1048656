import { createHash } from 'node:crypto';
import type { SearchDoc, SearchDocEntry, SearchFile, SearchManifest } from '../shared/types.ts';
import { toDocsChunkFile } from '../shared/search/to-docs-chunk-file.ts';
import type { Settings } from './options.ts';
import { packRanges, type PackedRange } from './pack-ranges.ts';

/** The docs chunks (their files went to the sink). */
export interface ChunkedDocs {
  docs: SearchManifest['docs'];
  maxCheckedGzipBytes: number;
  overBudget: string[];
}

/**
 * Cut the notes, in note-number order, into small chunks of what a hit shows: url, title,
 * indexed headings and body text for the snippet. A query fetches only the chunks of its top
 * hits, so chunks are kept small rather than few. Chunk names carry a hash of every chunk, so
 * the chunks are cut and hashed first, then rendered again one at a time into `sink`.
 */
export function chunkDocs(docs: readonly SearchDoc[], headingStride: number, settings: Settings, sink: (file: SearchFile) => void): ChunkedDocs {
  // Each entry is serialised again whenever it is needed (three times in all) rather than kept:
  // held together, a large garden's entries would be a large part of the search worker's heap.
  const entry = (i: number): string => JSON.stringify(toEntry(docs[i]!, headingStride, settings.maxBodyChars));
  const sizes = docs.map((_, i) => Buffer.byteLength(entry(i)) + 1);
  const render = (from: number, to: number): string => {
    const entries: string[] = [];
    for (let i = from; i < to; i++) entries.push(entry(i));
    return `{"version":1,"start":${from},"docs":[${entries.join(',')}]}`;
  };
  const digest = createHash('sha256');
  const ranges: Omit<PackedRange, 'contents'>[] = [];
  packRanges(sizes, settings.targetDocsChunkBytes, settings.maxShardGzipBytes, render, ({ contents, ...range }) => {
    digest.update(contents);
    ranges.push(range);
  });
  const hash = digest.digest('hex').slice(0, 10);
  const result: ChunkedDocs = { docs: { hash, starts: [] }, maxCheckedGzipBytes: 0, overBudget: [] };
  ranges.forEach((range, i) => {
    const path = `_search/${toDocsChunkFile(i, hash)}`;
    result.docs.starts.push(range.from);
    sink({ path, contents: render(range.from, range.to) });
    result.maxCheckedGzipBytes = Math.max(result.maxCheckedGzipBytes, range.gzipBytes ?? 0);
    if (range.overBudget) result.overBudget.push(path);
  });
  return result;
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
