/**
 * One field's postings, packed, indexed in slices of the notes rather than all at once. FlexSearch's index of every body
 * and its export, held together, were ~7× the packed postings they make: ~250 and ~170 MB against 62 MB for the bodies
 * of the 100k-note bench garden (docs/performance.md). A slice's index is exported, and its entries are merged into the
 * postings packed so far (`mergePacked`, the merge a warm build's fresh notes go through), then let go: the worker holds
 * the packed postings, one slice's index and its entries. Notes are in number order and a note's postings depend on
 * its own text only (kept-postings.ts), so the merge is what one index of every note exports.
 */
import type { SearchDoc, SearchField } from '../shared/types.ts';
import { indexField } from './index-fields.ts';
import { mergePacked, packEntries, type PackedEntries, type PackedField } from './kept-postings.ts';
import type { Settings } from './options.ts';

/** Body characters of a slice: ~15 MB of FlexSearch index and ~10 MB of entries at the 100k bench garden's rates. */
export const sliceChars = 32_000_000;

/** No note's number changes (with no number listed as moved, `mergePacked` does not look). */
const noRenumbering = new Int32Array(0);

/** Kept postings the first slice is merged into (see `mergePacked`). */
export interface MergeInto {
  packed: PackedEntries;
  renumber: Int32Array;
  moved?: readonly number[];
}

/**
 * The postings of `field` for `docs` (numbers ascending), packed; with `into`, merged into those kept postings. Each
 * slice ends with the note whose body takes it to `maxChars` (only bodies are sliced: the other fields are small).
 * `changed` (with `into`) holds every term a slice's merge changed: a term whose entry ends as the kept one, after a
 * slice dropped a note's ids and a later one put them back, is listed too (its shard is made again, to the same bytes).
 */
export function indexInSlices(
  field: SearchField,
  docs: readonly SearchDoc[],
  numbers: readonly number[],
  headingStride: number,
  settings: Settings,
  into: MergeInto | undefined,
  maxChars: number,
): PackedField {
  const stride = field === 'headings' ? headingStride : 1;
  const limit = field === 'body' ? maxChars : Infinity;
  let result: PackedField | undefined;
  let from = 0;
  do {
    const { entries, end } = indexField(field, docs, numbers, headingStride, settings, { from, maxChars: limit });
    if (result === undefined) result = into ? mergePacked(into.packed, into.renumber, stride, entries, into.moved) : { packed: packEntries(entries) };
    else {
      // The ids so far are this build's: told that no number moved, the merge copies them as they are.
      const merged = mergePacked(result.packed, noRenumbering, stride, entries, []);
      result = { packed: merged.packed, ...(result.changed ? { changed: new Set([...result.changed, ...merged.changed]) } : {}) };
    }
    from = end;
  } while (from < docs.length);
  return result;
}
