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
import type { NoteId, SearchDoc, SearchField, SearchPostingEntry } from '../shared/types.ts';

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

/**
 * The kept postings of the notes `renumber` maps (old number -> new number), renumbered, other
 * notes' ids dropped. Heading ids are `number × stride + heading`, so `stride` is the heading
 * stride for headings and 1 for the other fields. Slots left empty are null, trailing ones and
 * terms left without ids are dropped, as FlexSearch exports them.
 */
export function keptEntries(packed: PackedEntries, renumber: ReadonlyMap<number, number>, stride: number): SearchPostingEntry[] {
  const { terms, data } = packed;
  const entries: SearchPostingEntry[] = [];
  let at = 0;
  for (const term of terms) {
    const slotCount = data[at++]!;
    const slots: (number[] | null)[] = [];
    for (let s = 0; s < slotCount; s++) {
      const count = data[at++]!;
      const ids: number[] = [];
      for (let k = 0; k < count; k++) {
        const id = data[at++]!;
        const number = renumber.get(Math.floor(id / stride));
        if (number !== undefined) ids.push(number * stride + (id % stride));
      }
      slots.push(ids.length > 0 ? sortAscending(ids) : null);
    }
    while (slots.length > 0 && slots.at(-1) === null) slots.pop();
    if (slots.length > 0) entries.push([term, slots]);
  }
  if (at !== data.length) throw new Error('Search: kept postings do not match their terms');
  return entries;
}

/** Entries of two disjoint sets of notes merged (both sorted by term): what indexing them together exports. */
export function mergeEntries(a: readonly SearchPostingEntry[], b: readonly SearchPostingEntry[]): SearchPostingEntry[] {
  const merged: SearchPostingEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x[0] < y[0])) {
      merged.push(x!);
      i++;
    } else if (x === undefined || y[0] < x[0]) {
      merged.push(y);
      j++;
    } else {
      const slots: (number[] | null)[] = [];
      for (let s = 0; s < Math.max(x[1].length, y[1].length); s++) {
        const ids = [...(x[1][s] ?? []), ...(y[1][s] ?? [])];
        slots.push(ids.length > 0 ? sortAscending(ids) : null);
      }
      merged.push([x[0], slots]);
      i++;
      j++;
    }
  }
  return merged;
}

function sortAscending(ids: number[]): number[] {
  for (let k = 1; k < ids.length; k++) if (ids[k - 1]! > ids[k]!) return ids.sort((p, q) => p - q);
  return ids;
}
