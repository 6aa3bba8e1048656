/**
 * The previous build's postings, kept beside the build cache so a warm build indexes only the
 * notes whose indexed text changed (kept-postings-file.ts stores them). Each field's postings
 * are kept whole, as FlexSearch exported them, with each note's number and the key of what it
 * indexed. A build takes the kept postings of the notes whose key is unchanged (renumbered when
 * their numbers moved), drops the others', indexes the changed and new notes alone and merges
 * their postings in: a note's postings depend on its own text only (the encoder runs without
 * its cache), and FlexSearch lists a slot's ids in the order notes were added, which is number
 * order, so the merge is what indexing every note gives.
 */
import { createHash } from 'node:crypto';
import type { NoteId, SearchDoc, SearchField, SearchGroup, SearchPostingEntry, SearchShardRef } from '../shared/types.ts';

/** One field's postings, packed: terms in order, and per term its slot count, then per slot its id count and ids. */
export interface PackedEntries {
  terms: string[];
  data: Uint32Array;
}

/** The postings of the last build, as read back. */
export interface KeptPostings {
  /** Note id -> the key of what it indexed, its number, and the doc's source and docs-chunk entry size (when its doc had a source). */
  notes: Map<NoteId, KeptNote>;
  fields: Map<SearchField, PackedEntries>;
  /** The docs chunks the build wrote (chunk-docs.ts), in order; absent in a file without them. */
  chunks?: KeptChunk[];
  /** Each group's shards and rows (partition-shards.ts). */
  groups?: Partial<Record<SearchGroup, KeptGroup>>;
}

/**
 * What a build keeps of a shard group for the next (partition-shards.ts): its shards, and each
 * row's bytes and term hash, by row (the group's terms, over all its fields, in order). A row
 * whose entries did not change keeps its bytes and hash; a run of such rows that began and ended
 * a shard before is those shards again.
 */
export interface KeptGroup {
  refs: SearchShardRef[];
  sizes: Uint32Array;
  hashes: Uint32Array;
}

/** A docs chunk as kept: its first note number, the hash its name holds, and the output manifest's hash of its bytes. */
export type KeptChunk = [start: number, hash: string, bytesHash: string];

/** What the kept postings record of a note. */
export interface KeptNote {
  key: string;
  number: number;
  /** The source of the doc indexed (SearchDoc.source), when it had one. */
  source?: string;
  /** Bytes of the note's docs-chunk entry (chunk-docs.ts), recorded with its source. */
  size?: number;
}

/** The fields the index has, in the order they are built. */
export const keptFields: readonly SearchField[] = ['title', 'aliases', 'headings', 'tags', 'names', 'body'];

/** The hash of what the index takes from a note: equal keys, equal postings (under equal code and settings). */
export function indexKey(doc: SearchDoc, headingStride: number, maxBodyChars: number): string {
  const indexed = [doc.title, doc.aliases, doc.headings.slice(0, headingStride).map((h) => h.text), doc.tags, doc.body.slice(0, maxBodyChars)];
  return createHash('sha256').update(JSON.stringify(indexed)).digest('base64url').slice(0, 27);
}

/** Pack entries (sorted by term) for keeping. */
export function packEntries(entries: readonly SearchPostingEntry[]): PackedEntries {
  let size = 0;
  for (const [, slots] of entries) {
    size += 1 + slots.length;
    for (const slot of slots) size += slot?.length ?? 0;
  }
  const data = new Uint32Array(size);
  let at = 0;
  for (const [, slots] of entries) {
    data[at++] = slots.length;
    for (const slot of slots) {
      data[at++] = slot?.length ?? 0;
      for (const id of slot ?? []) data[at++] = id;
    }
  }
  return { terms: entries.map((entry) => entry[0]), data };
}

/** A field's postings as a build made them: packed, with the terms whose entries are not the previous build's (all of them: undefined). */
export interface PackedField {
  packed: PackedEntries;
  changed?: ReadonlySet<string>;
}

/**
 * The kept postings `packed` with each note's ids renumbered by `renumber` (old number -> new
 * number, -1: dropped), merged with `fresh` (the postings of the other notes, indexed alone,
 * sorted by term): what indexing all of them together exports, packed. Heading ids are
 * `number × stride + heading`, so `stride` is the heading stride for headings and 1 for the other
 * fields. Slots left empty are empty, trailing ones and terms left without ids are dropped, as
 * FlexSearch exports them. `changed` lists the terms whose entry is not the kept one (an id
 * dropped or renumbered, or fresh ids): the other terms' entries are copied as they were.
 *
 * `moved`, when given, lists every kept note's old number that `renumber` does not keep as it is
 * (dropped or moved), ascending: a term whose slots hold none of them is kept as it was. A slot's
 * ids are ascending (FlexSearch adds notes in number order, and this merge keeps them so), so each
 * of a few such numbers is looked for by halving: a build of one edited note had every one of the
 * 1.4 million kept ids of a 10k garden looked at, in code that runs once, unoptimised (~0.1 s).
 */
export function mergePacked(
  packed: PackedEntries,
  renumber: Int32Array,
  stride: number,
  fresh: readonly SearchPostingEntry[],
  moved?: readonly number[],
): PackedField & { changed: Set<string> } {
  const { terms, data } = packed;
  // Room for every kept id and every fresh one: grown by doubling, the builder of a large merge held three times its postings.
  let freshSize = 0;
  for (const [, slots] of fresh) freshSize += 1 + slots.length + countOf(slots);
  const out = new PackedBuilder(data.length + freshSize + 1024);
  const changed = new Set<string>();
  const entry = new Scratch();
  // 1 for each old number whose note keeps it (ids are below 2^31: numbers × the heading stride).
  const unmoved = new Uint8Array(renumber.length);
  for (let n = 0; n < renumber.length; n++) if (renumber[n] === n) unmoved[n] = 1;
  // The ids of the notes that do not keep their number, as ranges [from, to) (a note's heading ids are a run), when few.
  const few = moved !== undefined && moved.length <= fewMoved ? Float64Array.from(moved, (n) => n * stride).sort() : undefined;
  // Every one of those few dropped (not moved): a slot made again is then its kept ids copied whole, less theirs.
  const dropOnly = few !== undefined && moved!.every((n) => n >= renumber.length || renumber[n] === -1);
  let at = 0;
  let j = 0;
  const flushFresh = (until: string | undefined) => {
    while (j < fresh.length && (until === undefined || fresh[j]![0] < until)) {
      const [term, freshSlots] = fresh[j++]!;
      out.entry(term, freshSlots);
      changed.add(term);
    }
  };
  for (const term of terms) {
    flushFresh(term);
    const start = at;
    const slotCount = data[at++]!;
    // First only looked at: most terms keep every id as it was, and are copied.
    let same = true;
    for (let s = 0; s < slotCount; s++) {
      const count = data[at++]!;
      const end = at + count;
      if (few !== undefined && count > 4 * few.length) {
        if (same) same = !holdsAny(data, at, end, few, stride);
      } else for (let k = at; same && k < end; k++) same = unmoved[stride === 1 ? data[k]! : (data[k]! / stride) | 0] === 1;
      at = end;
    }
    const mine = j < fresh.length && fresh[j]![0] === term ? fresh[j++]![1] : undefined;
    if (same && mine === undefined) {
      out.copy(term, data, start, at);
      continue;
    }
    // The entry made again in typed arrays (a changed note's common words hold thousands of ids each): each slot's kept ids
    // renumbered (dropped: -1), then this build's, sorted when they are not in order, then compared with the kept entry.
    let size = 0;
    const slotsNow = Math.max(slotCount, mine?.length ?? 0);
    entry.reserve(1 + slotsNow + (at - start) + (mine ? countOf(mine) : 0));
    const buf = entry.data;
    buf[size++] = 0;
    let filled = 0;
    for (let s = 0, from = start + 1; s < slotsNow; s++) {
      const countAt = size++;
      // Whether the kept ids stay in order as renumbered (they do unless numbers moved past each other).
      let inOrder = true;
      if (s < slotCount && dropOnly) {
        const count = data[from++]!;
        buf.set(data.subarray(from, from + count), size);
        from += count;
        size = dropIds(buf, size, size + count, few, stride);
      } else if (s < slotCount) {
        const count = data[from++]!;
        for (let k = 0; k < count; k++) {
          const id = data[from++]!;
          const old = stride === 1 ? id : Math.floor(id / stride);
          const number = old < renumber.length ? renumber[old]! : -1;
          if (number >= 0) {
            const now = stride === 1 ? number : number * stride + (id % stride);
            if (size > countAt + 1 && buf[size - 1]! > now) inOrder = false;
            buf[size++] = now;
          }
        }
      }
      const keptEnd = size;
      for (const id of mine?.[s] ?? []) buf[size++] = id;
      const n = size - countAt - 1;
      buf[countAt] = n;
      // A few of this build's ids go into the kept ones in place (a common word's slot holds thousands); else the slot is sorted.
      if (inOrder && size - keptEnd <= insertedAtMost) insertInOrder(buf, countAt + 1, keptEnd, size);
      else if (n > 1) sortRange(buf, countAt + 1, size);
      if (n > 0) filled = s + 1;
    }
    // Trailing empty slots are dropped, as FlexSearch exports them (they are at the end of the buffer: empty, one word each).
    size -= slotsNow - filled;
    buf[0] = filled;
    // A note indexed again whose postings for this term are what they were leaves the entry as it was.
    if (!sameRange(buf, size, data, start, at)) changed.add(term);
    if (filled > 0) out.append(term, buf, size);
  }
  flushFresh(undefined);
  if (at !== data.length) throw new Error('Search: kept postings do not match their terms');
  return { packed: out.done(), changed };
}

/** Most numbers not kept as they were for which {@link mergePacked} looks each one up in a slot. */
const fewMoved = 64;

/** Whether the ascending ids `data[from, to)` hold one in any range [start, start + stride) of `starts`. */
function holdsAny(data: Uint32Array, from: number, to: number, starts: Float64Array, stride: number): boolean {
  for (let j = 0; j < starts.length; j++) {
    const start = starts[j]!;
    const lo = firstAtLeast(data, from, to, start);
    if (lo < to && data[lo]! < start + stride) return true;
  }
  return false;
}

/** The first index in [from, to) of the ascending `ids` whose id is at least `value` (`to` if none). */
function firstAtLeast(ids: Uint32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `buf[0, size)` is `data[start, end)` (compared as bytes: a common word's entry holds thousands of ids). */
function sameRange(buf: Uint32Array, size: number, data: Uint32Array, start: number, end: number): boolean {
  if (size !== end - start) return false;
  return Buffer.from(buf.buffer, buf.byteOffset, size * 4).equals(Buffer.from(data.buffer, data.byteOffset + start * 4, size * 4));
}

/**
 * The ascending ids `buf[from, to)` without those in a range [start, start + stride) of `starts` (ascending), moved up
 * in place; the new end.
 */
function dropIds(buf: Uint32Array, from: number, to: number, starts: Float64Array, stride: number): number {
  let end = to;
  for (let j = 0; j < starts.length && from < end; j++) {
    const start = starts[j]!;
    const lo = firstAtLeast(buf, from, end, start);
    let past = lo;
    while (past < end && buf[past]! < start + stride) past++;
    if (past > lo) {
      buf.copyWithin(lo, past, end);
      end -= past - lo;
    }
  }
  return end;
}

/** How many ids the slots hold. */
function countOf(slots: readonly (readonly number[] | null)[]): number {
  let n = 0;
  for (const slot of slots) n += slot?.length ?? 0;
  return n;
}

/** How many ids {@link mergePacked} inserts into a slot one at a time, rather than sorting the slot. */
const insertedAtMost = 32;

/** `buf[from, to)` ascending, when `buf[from, sorted)` is: each id after `sorted` moved to its place. */
function insertInOrder(buf: Uint32Array, from: number, sorted: number, to: number): void {
  for (let j = sorted; j < to; j++) {
    const id = buf[j]!;
    if (j === from || buf[j - 1]! <= id) continue;
    let lo = from;
    let hi = j;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (buf[mid]! <= id) lo = mid + 1;
      else hi = mid;
    }
    buf.copyWithin(lo + 1, lo, j);
    buf[lo] = id;
  }
}

/** Sort `buf[from, to)` ascending, unless it already is. */
function sortRange(buf: Uint32Array, from: number, to: number): void {
  for (let k = from + 1; k < to; k++) if (buf[k - 1]! > buf[k]!) return void buf.subarray(from, to).sort();
}

/** A buffer reused for each entry made again. */
class Scratch {
  data = new Uint32Array(1024);
  reserve(size: number): void {
    if (size > this.data.length) this.data = new Uint32Array(Math.max(size, this.data.length * 2));
  }
}

/** How many ids each term of `packed` has (over all its slots), by term index. */
export function countIds(packed: PackedEntries): Uint32Array {
  const { terms, data } = packed;
  const counts = new Uint32Array(terms.length);
  let at = 0;
  for (let t = 0; t < terms.length; t++) {
    const slotCount = data[at++]!;
    let sum = 0;
    for (let s = 0; s < slotCount; s++) {
      const count = data[at++]!;
      sum += count;
      at += count;
    }
    counts[t] = sum;
  }
  return counts;
}

/** Where each term's entry starts in `packed.data`, by term index. */
export function entryOffsets(packed: PackedEntries): Uint32Array {
  const { terms, data } = packed;
  const offsets = new Uint32Array(terms.length);
  let at = 0;
  for (let t = 0; t < terms.length; t++) {
    offsets[t] = at;
    const slotCount = data[at++]!;
    for (let s = 0; s < slotCount; s++) at += data[at]! + 1;
  }
  return offsets;
}

/** Term `t` of `packed` as the entry FlexSearch exports (`offset`: from {@link entryOffsets}). */
export function entryAt(packed: PackedEntries, t: number, offset: number): SearchPostingEntry {
  const { data } = packed;
  let at = offset;
  const slotCount = data[at++]!;
  const slots: (number[] | null)[] = [];
  for (let s = 0; s < slotCount; s++) {
    const count = data[at++]!;
    slots.push(count === 0 ? null : Array.from(data.subarray(at, at + count)));
    at += count;
  }
  return [packed.terms[t]!, slots];
}

/** Packed entries appended one at a time into a growing buffer. */
class PackedBuilder {
  private data: Uint32Array;
  private at = 0;
  private readonly terms: string[] = [];
  private run: { from: Uint32Array; start: number; end: number } | undefined;

  constructor(capacity: number) {
    this.data = new Uint32Array(capacity);
  }

  entry(term: string, slots: readonly (readonly number[] | null)[]): void {
    this.flush();
    let size = 1 + slots.length;
    for (const slot of slots) size += slot?.length ?? 0;
    this.room(size);
    this.terms.push(term);
    this.data[this.at++] = slots.length;
    for (const slot of slots) {
      this.data[this.at++] = slot?.length ?? 0;
      for (const id of slot ?? []) this.data[this.at++] = id;
    }
  }

  /** Append `term` whose packed entry is `from[start, end)`; runs of such entries are copied at once. */
  copy(term: string, from: Uint32Array, start: number, end: number): void {
    this.terms.push(term);
    if (this.run !== undefined && this.run.from === from && this.run.end === start) {
      this.run.end = end;
      return;
    }
    this.flush();
    this.run = { from, start, end };
  }

  /**
   * Append `term` whose packed entry is `from[0, size)`, copied now: `from` is a scratch buffer used again for the next
   * entry. (A copy of each such entry, kept until the run it began was copied, was a buffer of its own: a merge of a large
   * slice made one for most terms, and their memory, outside V8's heap, stayed with the worker.)
   */
  append(term: string, from: Uint32Array, size: number): void {
    this.flush();
    this.room(size);
    this.terms.push(term);
    this.data.set(from.subarray(0, size), this.at);
    this.at += size;
  }

  done(): PackedEntries {
    this.flush();
    // A view, not a copy: the body field's postings are ~5.5 MB at 10k notes, and fresh memory costs its page faults again.
    return { terms: this.terms, data: this.data.subarray(0, this.at) };
  }

  /** Copy the pending run of copied entries. */
  private flush(): void {
    if (this.run === undefined) return;
    const { from, start, end } = this.run;
    this.run = undefined;
    this.room(end - start);
    this.data.set(from.subarray(start, end), this.at);
    this.at += end - start;
  }

  private room(size: number): void {
    if (this.at + size <= this.data.length) return;
    const grown = new Uint32Array(Math.max(this.data.length * 2, this.at + size));
    grown.set(this.data.subarray(0, this.at));
    this.data = grown;
  }
}
