import type { SearchField, SearchFile, SearchGroup, SearchPostingEntry, SearchShardRef } from '../shared/types.ts';
import type { Settings } from './options.ts';
import { packRanges } from './pack-ranges.ts';
import { toContentHash } from './to-file-name.ts';

/** The postings shards of one group (their files went to the sink). */
export interface PartitionedGroup {
  refs: SearchShardRef[];
  maxCheckedGzipBytes: number;
  overBudget: string[];
}

interface TermRow {
  term: string;
  /** Each field's entry for the term, already serialised. */
  json: Partial<Record<SearchField, string>>;
}

/**
 * Cut the postings of a group's fields into shards of consecutive terms, each under the gzip
 * budget. A shard holds every field's entries for its terms, so one term needs one shard per
 * group; a prefix needs the shards its term range spans. Where a shard ends is decided by its
 * own terms (pack-ranges.ts), so a changed note rewrites the shards of its terms and seldom
 * their neighbours, and a shard is named after its contents alone (`body-<hash>.json`). Each
 * shard goes to `sink` as soon as it is cut.
 * @param entries per field, sorted by term; emptied here (they are serialised once, then let go)
 */
export function partitionShards(
  group: SearchGroup,
  entries: Partial<Record<SearchField, SearchPostingEntry[]>>,
  settings: Settings,
  sink: (file: SearchFile) => void,
): PartitionedGroup {
  const rows = mergeRows(entries);
  for (const field of Object.keys(entries) as SearchField[]) delete entries[field];
  const sizes = rows.map((row) => Object.values(row.json).reduce((sum, json) => sum + Buffer.byteLength(json) + 1, 0));
  const render = (from: number, to: number): string => renderShard(rows, from, to);
  const result: PartitionedGroup = { refs: [], maxCheckedGzipBytes: 0, overBudget: [] };
  const keyOf = (i: number): string => rows[i]!.term;
  packRanges(sizes, keyOf, settings.targetShardBytes, settings.maxShardGzipBytes, render, (range) => {
    const file = `${group}-${toContentHash(range.contents)}.json`;
    result.refs.push({ file, first: result.refs.length === 0 ? '' : rows[range.from]!.term });
    sink({ path: `_search/${file}`, contents: range.contents });
    result.maxCheckedGzipBytes = Math.max(result.maxCheckedGzipBytes, range.gzipBytes ?? 0);
    if (range.overBudget) result.overBudget.push(`_search/${file}`);
  });
  return result;
}

function mergeRows(entries: Partial<Record<SearchField, SearchPostingEntry[]>>): TermRow[] {
  const byTerm = new Map<string, TermRow>();
  for (const [field, list] of Object.entries(entries) as [SearchField, SearchPostingEntry[]][]) {
    for (const entry of list) {
      let row = byTerm.get(entry[0]);
      if (!row) byTerm.set(entry[0], (row = { term: entry[0], json: {} }));
      row.json[field] = JSON.stringify(entry);
    }
  }
  return [...byTerm.values()].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/** `{"version":1,"fields":{...}}` with each field's entries in term order (a SearchPostingsShard). */
function renderShard(rows: readonly TermRow[], from: number, to: number): string {
  const perField = new Map<string, string[]>();
  for (let i = from; i < to; i++) {
    for (const [field, json] of Object.entries(rows[i]!.json)) {
      let list = perField.get(field);
      if (!list) perField.set(field, (list = []));
      list.push(json);
    }
  }
  const fields = [...perField].map(([field, list]) => `${JSON.stringify(field)}:[${list.join(',')}]`);
  return `{"version":1,"fields":{${fields.join(',')}}}`;
}
