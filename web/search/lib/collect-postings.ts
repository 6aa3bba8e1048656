import type { Index } from 'flexsearch';
import type { SearchField } from '../../../src/shared/types.ts';
import { findPrefixTerms } from './find-prefix-terms.ts';
import type { ShardTerms } from './import-postings-shard.ts';
import type { FieldPosting } from './rank-docs.ts';

/** A loaded shard to look a term up in, and whether prefix expansion is allowed there. */
export interface ShardLookup {
  terms: ShardTerms;
  prefix: boolean;
}

/**
 * Look a query term up in the given loaded shards: the term itself, or, where prefix expansion
 * is allowed, up to `maxExpansions` completions per shard and field. Postings come from the
 * FlexSearch field indexes the shards were imported into.
 */
export function collectPostings(term: string, shards: readonly ShardLookup[], indexes: Record<SearchField, Index>, maxExpansions: number): FieldPosting[] {
  const postings: FieldPosting[] = [];
  for (const shard of shards) {
    for (const [field, terms] of Object.entries(shard.terms) as [SearchField, string[]][]) {
      // Whole titles are looked up as one key (collect-names.ts), never word by word.
      if (field === 'names') continue;
      const candidates = shard.prefix ? findPrefixTerms(terms, term, maxExpansions) : findExact(terms, term);
      for (const candidate of candidates) {
        const slots = indexes[field].search(candidate, { resolve: false }).result;
        // Postings hold note (or heading) numbers: the builder adds every document with a number id.
        if (slots.length > 0) postings.push({ field, term: candidate, slots: slots as number[][] });
      }
    }
  }
  return postings;
}

function findExact(terms: readonly string[], term: string): string[] {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return terms[lo] === term ? [term] : [];
}
