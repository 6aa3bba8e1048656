import { diff3Merge } from 'node-diff3';

/** A three-way merge: clean, or with Git-style markers around each overlap. */
export type MergeResult = { kind: 'clean'; text: string } | { kind: 'conflict'; text: string; conflicts: number };

/** Marker lines around an overlap: the editor's lines, then the disk's. */
export const markers = { mine: '<<<<<<< yours', split: '=======', disk: '>>>>>>> on disk' } as const;

/**
 * Merge the editor's text and the disk's, both derived from `base` (the text
 * the editor last read or wrote), line by line. Changes on one side only are
 * taken as they are; the same change on both sides is taken once; only lines
 * both sides changed differently (or side by side) are kept twice, between
 * markers for the user to settle, and the rest of the text stays merged.
 */
export function mergeText(base: string, mine: string, disk: string): MergeResult {
  if (mine === base || mine === disk) return { kind: 'clean', text: disk };
  if (disk === base) return { kind: 'clean', text: mine };
  const regions = diff3Merge(mine.split('\n'), base.split('\n'), disk.split('\n'), { excludeFalseConflicts: true });
  const lines: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) lines.push(...region.ok);
    if (region.conflict) {
      conflicts++;
      lines.push(markers.mine, ...region.conflict.a, markers.split, ...region.conflict.b, markers.disk);
    }
  }
  const text = lines.join('\n');
  return conflicts === 0 ? { kind: 'clean', text } : { kind: 'conflict', text, conflicts };
}
