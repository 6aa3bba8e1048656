import type { SearchGroup, SearchManifest } from '../../../src/shared/types.ts';
import { routeShards } from './route-shards.ts';

/** A postings shard to load for a term, and whether the term is expanded as a prefix there. */
export interface PlannedShard {
  file: string;
  prefix: boolean;
}

const allGroups: readonly SearchGroup[] = ['fields', 'body'];

/**
 * The shards that can hold a term, in each of `groups`: the one whose range holds it, or, for a
 * prefix, the few its range spans. A short non-CJK prefix (under `minBodyPrefix`) is expanded in
 * the small fields only: against bodies it would match too many words to be useful.
 */
export function routeTerm(
  term: string,
  prefix: boolean,
  manifest: Pick<SearchManifest, 'groups'>,
  settings: { minBodyPrefix: number },
  groups: readonly SearchGroup[] = allGroups,
  cjk = false,
): PlannedShard[] {
  return groups.flatMap((group) => {
    const expand = prefix && (group === 'fields' || cjk || term.length >= settings.minBodyPrefix);
    return routeShards(term, expand, manifest.groups[group]).map((i) => ({ file: manifest.groups[group][i]!.file, prefix: expand }));
  });
}
