import type { SearchShardRef } from '../../../src/shared/types.ts';
import { toPrefixEnd } from './to-prefix-end.ts';

/**
 * Indexes of the shards of a group that can hold `term` (exact) or any term starting with it
 * (prefix). Shards cover consecutive term ranges, so a prefix reads a contiguous, bounded run
 * of shards: from the one holding the prefix itself to the last one starting below the end of
 * the prefix's range.
 * @param shards sorted by `first`, the first one `''`
 */
export function routeShards(term: string, prefix: boolean, shards: readonly SearchShardRef[]): number[] {
  if (shards.length === 0) return [];
  const from = lastShardStartingAtOrBefore(term, shards);
  if (!prefix) return [from];
  const end = toPrefixEnd(term);
  const out = [from];
  for (let i = from + 1; i < shards.length && (end === undefined || shards[i]!.first < end); i++) out.push(i);
  return out;
}

function lastShardStartingAtOrBefore(term: string, shards: readonly SearchShardRef[]): number {
  let lo = 0;
  let hi = shards.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (shards[mid]!.first <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
