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
      // Told which numbers are not kept as they are (looked up by halving when few): the same merge, the same terms changed.
      const notKept = Array.from({ length: ids }, (_, n) => n).filter((n) => renumber[n] !== n);
      const told = mergePacked(packEntries(kept), renumber, 1, mine, notKept);
      expect(told.packed.terms).toEqual(result.packed.terms);
      expect([...told.packed.data]).toEqual([...result.packed.data]);
      expect([...told.changed].sort()).toEqual([...result.changed].sort());
    }
  });

  it('told the few notes a build indexed again, finds their heading ids (a run for each note) in long slots as a pass does', () => {
    const stride = 8;
    for (const seed of [4, 5, 6]) {
      const next = generator(seed);
      const notes = 3000;
      // Heading ids: a note's number times the stride, plus its heading; long slots, so that they are looked up by halving.
      const kept: SearchPostingEntry[] = [];
      for (let t = 0; t < 120; t++) {
        const slots: (number[] | null)[] = [];
        for (let s = 0; s < 1 + next(3); s++) {
          const set = new Set<number>();
          for (let k = 0; k < 40 + next(400); k++) set.add(next(notes) * stride + next(stride));
          slots.push([...set].sort((a, b) => a - b));
        }
        kept.push([`term${String(t).padStart(4, '0')}`, slots]);
      }
      const again = Array.from({ length: 1 + next(6) }, () => next(notes));
      const renumber = new Int32Array(notes).map((_, n) => (again.includes(n) ? -1 : n));
      const whole = mergePacked(packEntries(kept), renumber, stride, []);
      const told = mergePacked(
        packEntries(kept),
        renumber,
        stride,
        [],
        [...new Set(again)].sort((a, b) => a - b),
      );
      expect([...told.changed].sort()).toEqual([...whole.changed].sort());
      expect(told.changed.size).toBeGreaterThan(0);
      expect(told.packed.terms).toEqual(whole.packed.terms);
      expect([...told.packed.data]).toEqual([...whole.packed.data]);
    }
  });
});
