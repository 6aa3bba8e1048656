/**
 * Where the Markdown of a canvas's cards comes from in the file. All cards are
 * rendered as one tree, so each gets its own range of "virtual" lines in it:
 * card `k` starts at virtual line `base`. A position in the rendered tree (a
 * refused URL, bad math) is mapped back through its card to the file; a
 * position inside a card's own text goes through the string's escapes.
 */
import type { Point } from '../shared/types.ts';
import { indexLines, stringOffsets, type LineIndex } from './source-points.ts';

/** One card's place in the virtual document and in the file. */
export interface Segment {
  /** Virtual line of the card's first line. */
  base: number;
  lines: number;
  /** Virtual offset of the card's first character. */
  baseOffset: number;
  /** The file point of a 1-based line and column of the card's own text. */
  pointOf(line: number, column: number): Point;
  /** The file offset of an offset in the card's own text. */
  offsetOf(offset: number): number;
}

/** A segment for a card whose Markdown is the JSON string at `span` of `source`. */
export function stringSegment(source: string, file: LineIndex, span: [number, number], text: string, base: number, baseOffset: number): Segment {
  const offsets = stringOffsets(source, span[0], span[1]);
  const own = indexLines(text);
  const offsetOf = (o: number) => offsets[Math.max(0, Math.min(o, offsets.length - 1))]!;
  return {
    base,
    baseOffset,
    lines: own.pointAt(text.length).line,
    pointOf: (line, column) => file.pointAt(offsetOf(own.offsetOf(line, column))),
    offsetOf,
  };
}

/** A one-line segment for a card made by Trellis (a file, link or background card): every point is the value at `at`. */
export function valueSegment(file: LineIndex, at: number, base: number, baseOffset: number): Segment {
  return { base, baseOffset, lines: 1, pointOf: () => file.pointAt(at), offsetOf: () => at };
}

/** The file point of a virtual point, or undefined when no card holds that line. */
export function filePointOfVirtual(segments: readonly Segment[], line: number, column: number): Point | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (line < s.base) hi = mid - 1;
    else if (line >= s.base + s.lines) lo = mid + 1;
    else return s.pointOf(line - s.base + 1, column);
  }
  return undefined;
}
