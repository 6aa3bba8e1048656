/**
 * Search stage: build the sharded full-text index the browser queries in a Web Worker.
 *
 * 1. Number the notes in `NoteId` order (postings hold these numbers; output is deterministic).
 * 2. Index title, aliases, headings, tags and body, each in its own FlexSearch `Index`
 *    (strict tokenizer, the encoder shared with the browser: normalised, CJK bigrams).
 * 3. Export each index's map (chunked `export`) and re-cut the entries by term range into
 *    shards under the gzip budget: one group for the four small fields, one for bodies. A query
 *    term needs one shard per group; a prefix needs the few shards its range spans.
 * 4. Cut the notes into small docs chunks (url, title, headings, body text) by note number;
 *    a query fetches only the chunks of its top hits, for titles and snippets.
 * 5. Write `_search/manifest.json`: shard boundaries, chunk starts, weights and resolutions.
 *
 * Nothing here runs in pages: a page fetches the manifest on its first search keystroke.
 */
import type { SearchArtifacts, SearchDoc, SearchField, SearchFile, SearchManifest, SearchStats } from '../shared/types.ts';
import { chunkDocs } from './chunk-docs.ts';
import { indexField } from './index-fields.ts';
import { type Options, toSettings } from './options.ts';
import { partitionShards } from './partition-shards.ts';

export type { Options } from './options.ts';

/** Build the search index files (`_search/manifest.json`, postings shards, docs chunks) for the notes. */
export function buildSearchIndex(docs: readonly SearchDoc[], options?: Options): SearchArtifacts {
  const files: SearchFile[] = [];
  const stats = writeSearchIndex(docs, (file) => files.push(file), options);
  // The manifest comes last from the writer; list it first.
  return { files: [files.pop()!, ...files], stats };
}

/**
 * Build the search index and hand each file to `sink` as soon as it is made (the manifest
 * last), holding one group's index at a time: the small fields, then the bodies, then the
 * docs chunks. What the build's search worker runs, writing each file and letting it go.
 */
export function writeSearchIndex(docs: readonly SearchDoc[], sink: (file: SearchFile) => void, options?: Options): SearchStats {
  const settings = toSettings(options);
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const mostHeadings = sorted.reduce((most, doc) => Math.max(most, doc.headings.length), 0);
  const headingStride = Math.max(1, Math.min(settings.maxHeadings, mostHeadings));
  const entries = (field: SearchField) => indexField(field, sorted, headingStride, settings);
  const fields = partitionShards(
    'fields',
    { title: entries('title'), aliases: entries('aliases'), headings: entries('headings'), tags: entries('tags') },
    settings,
    sink,
  );
  const body = partitionShards('body', { body: entries('body') }, settings, sink);
  const chunks = chunkDocs(sorted, headingStride, settings, sink);
  const manifest: SearchManifest = {
    version: 1,
    docCount: sorted.length,
    headingStride,
    resolution: settings.resolution,
    weights: settings.weights,
    groups: { fields: fields.refs, body: body.refs },
    docs: chunks.docs,
  };
  sink({ path: '_search/manifest.json', contents: JSON.stringify(manifest) });
  return {
    postingsShards: fields.refs.length + body.refs.length,
    docsChunks: chunks.docs.starts.length,
    maxCheckedGzipBytes: Math.max(fields.maxCheckedGzipBytes, body.maxCheckedGzipBytes, chunks.maxCheckedGzipBytes),
    overBudget: [...fields.overBudget, ...body.overBudget, ...chunks.overBudget],
  };
}
