import type { SearchField } from '../../../src/shared/types.ts';
import type { QueryTerm } from './query-terms.ts';
import type { RankArrays } from './rank-arrays.ts';
import type { FieldPosting, RankSettings } from './rank-types.ts';

/** Fields in the order their postings are folded in (fixed, so sums and ties are the same every time). */
const scoredFields: readonly SearchField[] = ['title', 'aliases', 'headings', 'tags', 'body'];

/** Fold one query term's postings into the per-term arrays, field by field; returns the notes it touched. */
export function foldTermPostings(query: QueryTerm, postings: readonly FieldPosting[], settings: RankSettings, a: RankArrays): number[] {
  const docs: number[] = [];
  const stride = settings.headingStride;
  const seenHeadings = new Set<number>();
  for (const field of scoredFields) {
    const fieldDocs: number[] = [];
    const resolution = Math.max(1, settings.resolution[field]);
    for (const posting of postings) {
      if (posting.field !== field) continue;
      const distance = posting.distance ?? 0;
      const weight = settings.weights[field] * toCompletionFactor(query, posting.term, distance) * 0.5 ** distance;
      for (let slot = 0; slot < posting.slots.length; slot++) {
        const value = weight * (1 - (0.5 * slot) / resolution);
        for (const id of posting.slots[slot] ?? []) {
          const doc = field === 'headings' ? Math.floor(id / stride) : id;
          if (!(doc >= 0 && doc < a.fieldMax.length)) continue;
          if (a.fieldMax[doc] === 0) fieldDocs.push(doc);
          if (value > a.fieldMax[doc]!) a.fieldMax[doc] = value;
          if (distance === 0) a.termExact[doc] = 1;
          if (field === 'headings' && !seenHeadings.has(id)) {
            seenHeadings.add(id);
            let counts = a.headings.get(doc);
            if (!counts) a.headings.set(doc, (counts = new Map()));
            counts.set(id % stride, (counts.get(id % stride) ?? 0) + 1);
          }
        }
      }
    }
    for (const doc of fieldDocs) {
      const value = a.fieldMax[doc]!;
      a.fieldMax[doc] = 0;
      if (a.termSum[doc] === 0) docs.push(doc);
      if (value > a.termMax[doc]!) a.termMax[doc] = value;
      a.termSum[doc] = a.termSum[doc]! + value;
      if (field === 'body') a.termBody[doc] = 1;
      if (field === 'title') a.termTitle[doc] = 1;
    }
  }
  return docs;
}

/** 1 for the term itself or a correction; for a completion, more the more of it was typed (`rep` of `repo` > of `replication`). */
function toCompletionFactor(query: QueryTerm, term: string, distance: number): number {
  if (term === query.term || distance > 0) return 1;
  return 0.5 + (0.5 * query.term.length) / term.length;
}
