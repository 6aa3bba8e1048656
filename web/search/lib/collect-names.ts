import type { Index } from 'flexsearch';
import { findPrefixTerms } from './find-prefix-terms.ts';
import type { ShardTerms } from './import-postings-shard.ts';
import type { NamePosting } from './rank-docs.ts';

/**
 * Look a query's name key (to-name-key.ts) up in the `names` field of the loaded shards: names
 * equal to it (tier 3) and names its last word completes to while it is being typed (tier 2;
 * at most `maxExpansions` per shard, the shortest first). A name that only starts with the query
 * (`Consensus note 7`, an alias, for `consensus`) gets no tier: its title words score as usual.
 */
export function collectNames(
  key: string,
  prefix: boolean,
  shards: readonly ShardTerms[],
  index: Index,
  maxExpansions: number,
  corrected = false,
): NamePosting[] {
  if (key === '') return [];
  const found: NamePosting[] = [];
  for (const shard of shards) {
    for (const name of findPrefixTerms(shard.names ?? [], key, maxExpansions)) {
      const tier = toTier(name, key, prefix);
      if (tier === 0) continue;
      const slots = index.search(name, { resolve: false }).result;
      // Postings hold note numbers: the builder adds every note with a number id.
      if (slots.length > 0) found.push({ tier, corrected, slots: slots as number[][] });
    }
  }
  return found;
}

function toTier(name: string, key: string, prefix: boolean): number {
  if (name === key) return 3;
  // The key's last word is the start of the name's last word (`calm wav` of `calm wave`).
  return prefix && !name.slice(key.length).includes(' ') ? 2 : 0;
}
