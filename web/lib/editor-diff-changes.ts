import { diffIndices } from 'node-diff3';

/** One replacement in the old text: `from`..`to` (offsets in the old text) becomes `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/**
 * The small changes that turn `before` into `after`, in order and not
 * overlapping, all in `before`'s offsets (the form CodeMirror takes in one
 * transaction). Lines are compared first (longest common subsequence), then
 * each changed run of lines is trimmed to the characters that differ, so text
 * around an outside change, and the cursor in it, is left where it is.
 */
export function diffChanges(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  // Lines shared at both ends need no comparison (and keep the LCS small).
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const offsets = lineOffsets(a);
  const changes: TextChange[] = [];
  for (const hunk of diffIndices(a.slice(head, a.length - tail), b.slice(head, b.length - tail))) {
    const [start, length] = hunk.buffer1;
    const from = offsets[head + start]!;
    const to = offsets[head + start + length]!;
    changes.push(trim(before.slice(from, to), hunk.buffer2Content.join(''), from));
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
