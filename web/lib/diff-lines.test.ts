import { describe, expect, it } from 'vitest';
import { diffLines, type LineHunk } from './diff-lines.ts';

/** Rebuild `b` from `a` and the hunks. */
function apply(a: string[], b: string[], hunks: LineHunk[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    expect(h.aStart).toBeGreaterThanOrEqual(at);
    expect(h.aStart - at).toBe(h.bStart - out.length);
    out.push(...a.slice(at, h.aStart), ...b.slice(h.bStart, h.bEnd));
    at = h.aEnd;
  }
  return [...out, ...a.slice(at)];
}

/** Length of a longest common subsequence, by the plain table. */
function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

/** A small deterministic pseudo-random generator, so failures repeat. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('diffLines', () => {
  it('finds an insertion, a deletion and a replacement', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'b', 'c'])).toEqual([{ aStart: 1, aEnd: 1, bStart: 1, bEnd: 2 }]);
    expect(diffLines(['a', 'b', 'c'], ['a', 'c'])).toEqual([{ aStart: 1, aEnd: 2, bStart: 1, bEnd: 1 }]);
    expect(diffLines(['a', 'b', 'c', 'd', 'e'], ['a', 'B', 'c', 'D', 'e'])).toEqual([
      { aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 },
      { aStart: 3, aEnd: 4, bStart: 3, bEnd: 4 },
    ]);
    expect(diffLines(['same'], ['same'])).toEqual([]);
    expect(diffLines([], ['new'])).toEqual([{ aStart: 0, aEnd: 0, bStart: 0, bEnd: 1 }]);
  });

  it('rebuilds the new lines and keeps a longest common subsequence, on random texts full of repeats', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const words = ['', '', 'a', 'b', 'c', 'd'];
      const make = () => Array.from({ length: Math.floor(next() * 30) }, () => words[Math.floor(next() * words.length)]!);
      const a = make();
      const b = make();
      const hunks = diffLines(a, b);
      expect(apply(a, b, hunks)).toEqual(b);
      const kept = a.length - hunks.reduce((sum, h) => sum + h.aEnd - h.aStart, 0);
      expect(kept).toBe(lcs(a, b));
    }
  });

  it('stays quick on a long note with many blank lines changed at both ends', () => {
    const note = Array.from({ length: 30_000 }, (_, i) => (i % 3 === 0 ? '' : `Line ${i}.`));
    const changed = ['---', 'tags: [x]', '---', ...note.slice(0, 15_000), 'Inserted.', ...note.slice(15_000), 'End.'];
    expect(diffLines(note, changed)).toEqual([
      { aStart: 0, aEnd: 0, bStart: 0, bEnd: 3 },
      { aStart: 15_000, aEnd: 15_000, bStart: 15_003, bEnd: 15_004 },
      { aStart: 30_000, aEnd: 30_000, bStart: 30_004, bEnd: 30_005 },
    ]);
  });
});
