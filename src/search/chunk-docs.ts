import { createHash } from 'node:crypto';
import type { SearchDoc, SearchDocEntry, SearchFile, SearchManifest } from '../types.ts';
import { toDocsChunkFile } from '../../web/search/lib/to-docs-chunk-file.ts';
import type { Settings } from './options.ts';
import { packRanges } from './pack-ranges.ts';

/** The docs chunks. */
export interface ChunkedDocs {
  docs: SearchManifest['docs'];
  files: SearchFile[];
  maxCheckedGzipBytes: number;
  overBudget: string[];
}

/**
 * Cut the notes, in note-number order, into small chunks of what a hit shows: url, title,
 * indexed headings and body text for the snippet. A query fetches only the chunks of its top
 * hits, so chunks are kept small rather than few.
 */
export function chunkDocs(docs: readonly SearchDoc[], headingStride: number, settings: Settings): ChunkedDocs {
  const json = docs.map((doc) => JSON.stringify(toEntry(doc, headingStride, settings.maxBodyChars)));
  const sizes = json.map((entry) => Buffer.byteLength(entry) + 1);
  const render = (from: number, to: number): string =>
    `{"version":1,"start":${from},"docs":[${json.slice(from, to).join(',')}]}`;
  const packed = packRanges(sizes, settings.targetDocsChunkBytes, settings.maxShardGzipBytes, render);
  const digest = createHash('sha256');
  for (const range of packed) digest.update(range.contents);
  const hash = digest.digest('hex').slice(0, 10);
  const result: ChunkedDocs = { docs: { hash, starts: [] }, files: [], maxCheckedGzipBytes: 0, overBudget: [] };
  packed.forEach((range, i) => {
    const path = `_search/${toDocsChunkFile(i, hash)}`;
    result.docs.starts.push(range.from);
    result.files.push({ path, contents: range.contents });
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
