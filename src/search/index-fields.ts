import type { SearchDoc, SearchField, SearchPostingEntry } from '../types.ts';
import { createEncoder } from '../../web/search/lib/create-encoder.ts';
import { createFieldIndex } from '../../web/search/lib/create-field-index.ts';
import { exportEntries } from './export-entries.ts';
import type { Settings } from './options.ts';

/**
 * Index each field of the notes with its own FlexSearch index, using the encoder the browser
 * uses for queries, and export each field's postings sorted by term. Note `n` of `docs` gets
 * id `n`; heading `h` of note `n` gets id `n * headingStride + h`.
 */
export function indexFields(
  docs: readonly SearchDoc[],
  headingStride: number,
  settings: Settings,
): Record<SearchField, SearchPostingEntry[]> {
  const encoder = createEncoder();
  const index = (field: SearchField) => createFieldIndex(settings.resolution[field], encoder);
  const title = index('title');
  const aliases = index('aliases');
  const headings = index('headings');
  const tags = index('tags');
  const body = index('body');
  docs.forEach((doc, n) => {
    title.add(n, doc.title);
    if (doc.aliases.length > 0) aliases.add(n, doc.aliases.join('\n'));
    doc.headings.slice(0, headingStride).forEach((heading, h) => headings.add(n * headingStride + h, heading.text));
    if (doc.tags.length > 0) tags.add(n, doc.tags.join('\n'));
    body.add(n, doc.body.slice(0, settings.maxBodyChars));
  });
  return {
    title: exportEntries(title),
    aliases: exportEntries(aliases),
    headings: exportEntries(headings),
    tags: exportEntries(tags),
    body: exportEntries(body),
  };
}
