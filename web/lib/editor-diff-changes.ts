import { diffLines } from './diff-lines.ts';

/** One replacement in the old text: `from`..`to` (offsets in the old text) becomes `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/**
 * The small changes that turn `before` into `after`, in order and not
 * overlapping, all in `before`'s offsets (the form CodeMirror takes in one
 * transaction). Lines are compared first (diff-lines.ts), then each changed
 * run of lines is trimmed to the characters that differ, so text around an
 * outside change, and the cursor in it, is left where it is.
 */
export function diffChanges(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const offsets = lineOffsets(a);
  const changes: TextChange[] = [];
  for (const hunk of diffLines(a, b)) {
    const from = offsets[hunk.aStart]!;
    const to = offsets[hunk.aEnd]!;
    changes.push(trim(before.slice(from, to), b.slice(hunk.bStart, hunk.bEnd).join(''), from));
  }
  return changes;
}

/** Lines with their line break kept, so they join back to the exact text. */
function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/** Start offset of each line, plus the end of the text. */
function lineOffsets(lines: string[]): number[] {
  const offsets = [0];
  for (const line of lines) offsets.push(offsets[offsets.length - 1]! + line.length);
  return offsets;
}

/** Narrow a replacement of `removed` (at `from`) by `insert` to the characters that differ. */
function trim(removed: string, insert: string, from: number): TextChange {
  let start = 0;
  while (start < removed.length && start < insert.length && removed[start] === insert[start]) start++;
  let end = 0;
  while (end < removed.length - start && end < insert.length - start && removed[removed.length - 1 - end] === insert[insert.length - 1 - end]) end++;
  return { from: from + start, to: from + removed.length - end, insert: insert.slice(start, insert.length - end) };
}
