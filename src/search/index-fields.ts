import type { SearchDoc, SearchField, SearchPostingEntry } from '../shared/types.ts';
import { createEncoder } from '../shared/search/create-encoder.ts';
import { createFieldIndex } from '../shared/search/create-field-index.ts';
import { createNameEncoder } from '../shared/search/create-name-encoder.ts';
import { toNameKey } from '../shared/search/to-name-key.ts';
import { exportEntries } from './export-entries.ts';
import type { Settings } from './options.ts';

/**
 * Index one field of the notes with its own FlexSearch index, using the encoder the browser
 * uses for queries, and export its postings sorted by term. Note `i` of `docs` gets id
 * `numbers[i]`; its heading `h` gets id `numbers[i] * headingStride + h`. Notes are added in
 * number order, so each slot of a posting lists its notes ascending. One field at a time, so only
 * one index is held at once; without the encoder's cache, so each note is encoded on its own.
 * With `slice`, only the notes from `slice.from` on are indexed, up to the one whose body takes the bodies indexed to
 * `slice.maxChars` characters or more (index-in-slices.ts); `end` is where the next slice starts.
 * @param numbers ascending
 */
export function indexField(
  field: SearchField,
  docs: readonly SearchDoc[],
  numbers: readonly number[],
  headingStride: number,
  settings: Settings,
  slice: { from: number; maxChars: number } = { from: 0, maxChars: Infinity },
): { entries: SearchPostingEntry[]; end: number } {
  const encoder = createEncoder({ cache: false });
  const index = createFieldIndex(settings.resolution[field], field === 'names' ? createNameEncoder() : encoder);
  let chars = 0;
  let i = slice.from;
  while (i < docs.length && chars < slice.maxChars) {
    const doc = docs[i]!;
    const n = numbers[i++]!;
    switch (field) {
      case 'title':
        index.add(n, doc.title);
        break;
      case 'aliases':
        if (doc.aliases.length > 0) index.add(n, doc.aliases.join('\n'));
        break;
      case 'headings':
        doc.headings.slice(0, headingStride).forEach((heading, h) => index.add(n * headingStride + h, heading.text));
        break;
      case 'tags':
        if (doc.tags.length > 0) index.add(n, doc.tags.join('\n'));
        break;
      case 'body': {
        const body = doc.body.slice(0, settings.maxBodyChars);
        chars += body.length;
        index.add(n, body);
        break;
      }
      case 'names': {
        // One name key per line; the names encoder keeps lines whole.
        const keys = [doc.title, ...doc.aliases].map((name) => toNameKey(name, encoder)).filter((key) => key !== '');
        if (keys.length > 0) index.add(n, keys.join('\n'));
        break;
      }
    }
  }
  return { entries: exportEntries(index), end: i };
}
