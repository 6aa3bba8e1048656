import { describe, expect, it } from 'vitest';
import { mergePacked, packEntries } from '../src/search/kept-postings.ts';
import type { SearchPostingEntry } from '../src/shared/types.ts';

/** A seeded generator, so a failure names entries that can be made again. */
function generator(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state * 1103515245 + 12345) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

/** Random entries over ids below `ids`: terms in order, slots of ids in order, some slots empty. */
function randomEntries(next: (below: number) => number, terms: number, ids: number): SearchPostingEntry[] {
  const entries: SearchPostingEntry[] = [];
  for (let t = 0; t < terms; t++) {
    const slots: (number[] | null)[] = [];
    const slotCount = 1 + next(4);
    for (let s = 0; s < slotCount; s++) {
      const set = new Set<number>();
      const count = s === slotCount - 1 ? 1 + next(40) : next(40);
      for (let k = 0; k < count; k++) set.add(next(ids));
      slots.push(set.size === 0 ? null : [...set].sort((a, b) => a - b));
    }
    entries.push([`term${String(t).padStart(4, '0')}`, slots]);
  }
  return entries;
}

describe('packed search entries', () => {
  it("a merge puts this build's ids among the kept ones in order, few or many, numbers kept or moved", () => {
    for (const [seed, fresh, moved] of [
      [1, 3, false],
      [2, 60, false],
      [3, 3, true],
    ] as const) {
      const next = generator(seed);
      const ids = 2000;
      const kept = randomEntries(next, 200, ids);
      // Notes dropped (indexed again: their ids come back among this build's), and, with `moved`, numbers reversed.
      const again = new Set(Array.from({ length: fresh }, () => next(ids)));
      const renumber = new Int32Array(ids).map((_, n) => (again.has(n) ? -1 : moved ? ids - 1 - n : n));
      const mine: SearchPostingEntry[] = [];
      const expected: SearchPostingEntry[] = [];
      for (const [term, slots] of kept) {
        const freshSlots = slots.map((slot) => (slot ?? []).filter((id) => again.has(id)));
        const hasFresh = freshSlots.some((slot) => slot.length > 0);
        if (hasFresh) mine.push([term, freshSlots.map((slot) => (slot.length > 0 ? slot : null))]);
        const merged = slots.map((slot) => (slot ?? []).map((id) => (again.has(id) ? id : renumber[id]!)).sort((a, b) => a - b));
        let filled = merged.length;
        while (filled > 0 && merged[filled - 1]!.length === 0) filled--;
        if (filled > 0) expected.push([term, merged.slice(0, filled).map((slot) => (slot.length > 0 ? slot : null))]);
      }
      const result = mergePacked(packEntries(kept), renumber, 1, mine);
      expect(result.packed.terms).toEqual(packEntries(expected).terms);
      expect([...result.packed.data]).toEqual([...packEntries(expected).data]);
    }
  });
});
