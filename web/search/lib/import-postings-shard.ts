import type { Index } from 'flexsearch';
import type { SearchField, SearchPostingsShard } from '../../../src/shared/types.ts';
import './flexsearch-import.ts';

/** The sorted terms of a loaded postings shard, per field, for prefix expansion. */
export type ShardTerms = Partial<Record<SearchField, string[]>>;

/**
 * Import a postings shard into the per-field FlexSearch indexes (entries of different shards
 * never share a term, so imports add up) and return its terms.
 */
export function importPostingsShard(shard: SearchPostingsShard, indexes: Record<SearchField, Index>): ShardTerms {
  const terms: ShardTerms = {};
  for (const [field, entries] of Object.entries(shard.fields) as [SearchField, SearchPostingsShard['fields'][SearchField]][]) {
    if (!entries || !(field in indexes)) continue;
    indexes[field].import('map', entries);
    terms[field] = entries.map((entry) => entry[0]);
  }
  return terms;
}
