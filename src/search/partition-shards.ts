import type { SearchField, SearchFile, SearchGroup, SearchShardRef } from '../shared/types.ts';
import { entryAt, entryOffsets, type KeptGroup, type PackedField } from './kept-postings.ts';
import type { Settings } from './options.ts';
import { hashOfKey, packRanges } from './pack-ranges.ts';
import { toContentHash } from './to-file-name.ts';

/** The postings shards of one group (their files went to the sink, or were kept). */
export interface PartitionedGroup {
  refs: SearchShardRef[];
  maxCheckedGzipBytes: number;
  overBudget: string[];
  /** What the next build takes from this one. */
  kept: KeptGroup;
}

/** The previous build's group, for a build over its site's files. */
export interface PreviousGroup {
  kept: KeptGroup;
  /** Its fields' terms (the kept postings'), from which its rows are known. */
  fields: Partial<Record<SearchField, readonly string[]>>;
  /** Keep the previous site's file at `path` (a shard's name is the hash of its bytes); false if the site has no such file. */
  keep(path: string): boolean;
}

/** A group's rows: its terms over all its fields, in order, and where each field has each row (-1: not there). */
interface Rows {
  terms: string[];
  at: Partial<Record<SearchField, Int32Array>>;
}

/**
 * Cut the postings of a group's fields into shards of consecutive terms, each under the gzip
 * budget. A shard holds every field's entries for its terms, so one term needs one shard per
 * group; a prefix needs the shards its term range spans. Where a shard ends is decided by its
 * own terms (pack-ranges.ts), so a changed note rewrites the shards of its terms and seldom
 * their neighbours, and a shard is named after its contents alone (`body-<hash>.json`). Each
 * shard goes to `sink` as soon as it is cut.
 *
 * With `previous` (the previous build's group, and its site's files), a row whose entries are
 * not changed (`PackedField.changed`) takes its bytes and hash from there, and a run of unchanged
 * rows that began and ended shards before, none gone from between them, is those shards: they are
 * kept, not rendered. Only the changed rows are serialised, and only the shards they are in.
 */
export function partitionShards(
  group: SearchGroup,
  fields: Partial<Record<SearchField, PackedField>>,
  settings: Settings,
  sink: (file: SearchFile) => void,
  previous?: PreviousGroup,
): PartitionedGroup {
  const names = Object.keys(fields) as SearchField[];
  const rows = toRows(Object.fromEntries(names.map((field) => [field, fields[field]!.packed.terms])));
  const n = rows.terms.length;
  const offsets = Object.fromEntries(names.map((field) => [field, entryOffsets(fields[field]!.packed)])) as Record<SearchField, Uint32Array>;
  const json = (field: SearchField, row: number): string | undefined => {
    const t = rows.at[field]![row]!;
    return t < 0 ? undefined : JSON.stringify(entryAt(fields[field]!.packed, t, offsets[field][t]!));
  };
  // Every field is asked, the term in it or not: a field that lost the term has it as changed.
  const changedRow = (row: number): boolean => names.some((field) => fields[field]!.changed?.has(rows.terms[row]!) !== false);
  const sizes = new Uint32Array(n);
  const hashes = new Uint32Array(n);
  // Rows that cannot be kept as part of a previous shard: changed, new, or beside a row gone since.
  const dirty = new Uint8Array(n);
  // The previous rows, when the kept group is theirs (one size and hash each).
  const rowsBefore = previous ? toRows(previous.fields) : undefined;
  const before =
    rowsBefore && rowsBefore.terms.length === previous!.kept.sizes.length && rowsBefore.terms.length === previous!.kept.hashes.length ? rowsBefore : undefined;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const term = rows.terms[i]!;
    let gone = false;
    while (before && j < before.terms.length && before.terms[j]! < term) {
      j++;
      gone = true;
    }
    if (gone) {
      dirty[i] = 1;
      if (i > 0) dirty[i - 1] = 1;
    }
    const kept = before !== undefined && before.terms[j] === term && !changedRow(i);
    if (kept) {
      sizes[i] = previous!.kept.sizes[j]!;
      hashes[i] = previous!.kept.hashes[j]!;
      j++;
      continue;
    }
    dirty[i] = 1;
    if (before?.terms[j] === term) j++;
    let bytes = 0;
    for (const field of names) {
      const entry = json(field, i);
      if (entry !== undefined) bytes += Buffer.byteLength(entry) + 1;
    }
    sizes[i] = bytes;
    hashes[i] = hashOfKey(term);
  }
  if (before && j < before.terms.length && n > 0) dirty[n - 1] = 1;
  const render = (from: number, to: number): string => renderShard(names, json, from, to);
  const result: PartitionedGroup = { refs: [], maxCheckedGzipBytes: 0, overBudget: [], kept: { refs: [], sizes, hashes } };
  const keep = before ? keptRun(previous!, rows.terms, dirty, result) : undefined;
  packRanges(
    sizes,
    (i) => hashes[i]! / 2 ** 32,
    settings.targetShardBytes,
    settings.maxShardGzipBytes,
    render,
    (range) => {
      const file = `${group}-${toContentHash(range.contents)}.json`;
      result.refs.push({ file, first: result.refs.length === 0 ? '' : rows.terms[range.from]! });
      sink({ path: `_search/${file}`, contents: range.contents });
      result.maxCheckedGzipBytes = Math.max(result.maxCheckedGzipBytes, range.gzipBytes ?? 0);
      if (range.overBudget) result.overBudget.push(`_search/${file}`);
    },
    keep,
  );
  result.kept.refs = result.refs;
  return result;
}

/**
 * Whether the rows [from, to) (a run cut by content) are shards of the previous build, kept
 * then: none of them changed or beside a row gone, a previous shard began at the first and the
 * shard after them at `to` (or none followed), and the previous site has them all.
 */
function keptRun(previous: PreviousGroup, terms: readonly string[], dirty: Uint8Array, result: PartitionedGroup): (from: number, to: number) => boolean {
  const refs = previous.kept.refs;
  const startOf = new Map(refs.map((ref, i) => [i === 0 ? '' : ref.first, i]));
  return (from, to) => {
    for (let i = from; i < to; i++) if (dirty[i]) return false;
    const a = startOf.get(from === 0 ? '' : terms[from]!);
    const b = to === terms.length ? refs.length : startOf.get(terms[to]!);
    if (a === undefined || b === undefined || b <= a) return false;
    const files = refs.slice(a, b);
    if (!files.every((ref) => previous.keep(`_search/${ref.file}`))) return false;
    for (const ref of files) result.refs.push({ file: ref.file, first: result.refs.length === 0 ? '' : ref.first });
    return true;
  };
}

/** The rows of fields whose terms are `terms` (each sorted): every term once, in order. */
function toRows(terms: Partial<Record<SearchField, readonly string[]>>): Rows {
  const names = Object.keys(terms) as SearchField[];
  if (names.length === 1) {
    const only = terms[names[0]!]!;
    return { terms: [...only], at: { [names[0]!]: Int32Array.from(only, (_, i) => i) } };
  }
  // A merge of the fields' sorted terms, each field's row of each term noted on the way.
  const lists = names.map((field) => terms[field]!);
  const all: string[] = [];
  const rowsOf = lists.map((list) => new Int32Array(list.length));
  const next = new Int32Array(lists.length);
  for (;;) {
    let least: string | undefined;
    for (let f = 0; f < lists.length; f++) {
      const term = lists[f]![next[f]!];
      if (term !== undefined && (least === undefined || term < least)) least = term;
    }
    if (least === undefined) break;
    for (let f = 0; f < lists.length; f++) if (lists[f]![next[f]!] === least) rowsOf[f]![next[f]!++] = all.length;
    all.push(least);
  }
  const at: Partial<Record<SearchField, Int32Array>> = {};
  names.forEach((field, f) => {
    const rowOf = new Int32Array(all.length).fill(-1);
    rowsOf[f]!.forEach((row, t) => (rowOf[row] = t));
    at[field] = rowOf;
  });
  return { terms: all, at };
}

/** `{"version":1,"fields":{...}}` with each field's entries in term order (a SearchPostingsShard). */
function renderShard(names: readonly SearchField[], json: (field: SearchField, row: number) => string | undefined, from: number, to: number): string {
  const perField = new Map<string, string[]>();
  for (let i = from; i < to; i++) {
    for (const field of names) {
      const entry = json(field, i);
      if (entry === undefined) continue;
      let list = perField.get(field);
      if (!list) perField.set(field, (list = []));
      list.push(entry);
    }
  }
  const rendered = [...perField].map(([field, list]) => `${JSON.stringify(field)}:[${list.join(',')}]`);
  return `{"version":1,"fields":{${rendered.join(',')}}}`;
}
