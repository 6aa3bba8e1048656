import { diffLines, type LineHunk } from './diff-lines.ts';

/** A three-way merge: clean, or with Git-style markers around each overlap. */
export type MergeResult = { kind: 'clean'; text: string } | { kind: 'conflict'; text: string; conflicts: number };

/** Marker lines around an overlap: the editor's lines, then the disk's. */
export const markers = { mine: '<<<<<<< yours', split: '=======', disk: '>>>>>>> on disk' } as const;

/** A changed run of base lines, from one side. */
interface SideHunk extends LineHunk {
  side: 'mine' | 'disk';
}

/**
 * Merge the editor's text and the disk's, both derived from `base` (the text
 * the editor last read or wrote), line by line (diff3). Changes on one side
 * only are taken as they are; the same change on both sides is taken once;
 * only base lines both sides changed differently, or changes side by side
 * with no unchanged line between them, are kept twice, between markers for
 * the user to settle, and the rest of the text stays merged.
 */
export function mergeText(base: string, mine: string, disk: string): MergeResult {
  if (mine === base || mine === disk) return { kind: 'clean', text: disk };
  if (disk === base) return { kind: 'clean', text: mine };
  const o = base.split('\n');
  const sides = { mine: mine.split('\n'), disk: disk.split('\n') };
  const hunks: SideHunk[] = [
    ...diffLines(o, sides.mine).map((h) => ({ ...h, side: 'mine' as const })),
    ...diffLines(o, sides.disk).map((h) => ({ ...h, side: 'disk' as const })),
  ].sort((x, y) => x.aStart - y.aStart || x.aEnd - y.aEnd);
  const out: string[] = [];
  // Where each side's lines stand against the base's, after the hunks taken so far.
  const shift = { mine: 0, disk: 0 };
  let at = 0;
  let conflicts = 0;
  for (let i = 0; i < hunks.length;) {
    // A group: hunks whose base ranges overlap or touch.
    const lo = hunks[i]!.aStart;
    let hi = hunks[i]!.aEnd;
    const group: SideHunk[] = [];
    while (i < hunks.length && hunks[i]!.aStart <= hi) {
      hi = Math.max(hi, hunks[i]!.aEnd);
      group.push(hunks[i++]!);
    }
    out.push(...o.slice(at, lo));
    const range = (side: 'mine' | 'disk'): string[] => {
      const start = lo + shift[side];
      for (const h of group) if (h.side === side) shift[side] = h.bEnd - h.aEnd;
      return sides[side].slice(start, hi + shift[side]);
    };
    const ours = range('mine');
    const theirs = range('disk');
    const touched = (side: 'mine' | 'disk') => group.some((h) => h.side === side);
    if (!touched('disk') || (touched('mine') && same(ours, theirs))) out.push(...ours);
    else if (!touched('mine')) out.push(...theirs);
    else {
      conflicts++;
      out.push(markers.mine, ...ours, markers.split, ...theirs, markers.disk);
    }
    at = hi;
  }
  out.push(...o.slice(at));
  const text = out.join('\n');
  return conflicts === 0 ? { kind: 'clean', text } : { kind: 'conflict', text, conflicts };
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
