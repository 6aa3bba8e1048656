import { hash } from 'node:crypto';
import type { NoteId } from '../shared/types.ts';

/** Note numbers: each note's number, and the size of the number space (numbers are below it). */
export interface NoteNumbers {
  /** Number of `ids[i]`. */
  numbers: number[];
  space: number;
}

/** The smallest number space: a garden of up to 32 notes gets 64 numbers. */
const minSpace = 64;

/**
 * Number the notes so that a note keeps its number when other notes change, come or go: postings
 * and docs chunks hold numbers, so a renumbered note would rewrite every search file it is in.
 *
 * The number space is the smallest power of two of at least twice the notes (64 at least), so it
 * changes only when the garden crosses a power of two (then every note is renumbered once, and
 * the whole index is written again). A note's home is a hash of its id in that space; the notes,
 * in order of home then id, each take the first free number from their home on (wrapping). The
 * space being at most half full, a note added or removed moves on average about one other note
 * (one whose home is just before its number). A pure function of the ids, so a cold build and
 * an incremental one agree.
 */
export function numberNotes(ids: readonly NoteId[], known?: ReadonlyMap<NoteId, { number: number }>): NoteNumbers {
  let space = minSpace;
  while (space < 2 * ids.length) space *= 2;
  // The same notes as a build that numbered them (`known`, the kept postings'): the same numbers, without hashing 10k ids.
  if (known && known.size === ids.length) {
    const numbers = ids.map((id) => known.get(id)?.number ?? -1);
    if (numbers.every((n) => n >= 0 && n < space)) return { numbers, space };
  }
  const homes = ids.map((id) => parseInt(hash('sha1', id).slice(0, 8), 16) % space);
  const order = ids.map((_, i) => i).sort((a, b) => homes[a]! - homes[b]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const taken = new Uint8Array(space);
  const numbers: number[] = new Array<number>(ids.length);
  for (const i of order) {
    let n = homes[i]!;
    while (taken[n] === 1) n = (n + 1) % space;
    taken[n] = 1;
    numbers[i] = n;
  }
  return { numbers, space };
}
