/**
 * Where the Markdown of a canvas's card comes from in the file: a position in
 * the card's own text (a link, a refused URL, bad math) goes through the JSON
 * string's escapes back to the file's line and column.
 */
import type { Point } from '../shared/types.ts';
import { indexLines, stringOffsets, type LineIndex } from './source-points.ts';

/** One card's text and its place in the file. */
export interface Segment {
  /** The file point of a 1-based line and column of the card's own text. */
  pointOf(line: number, column: number): Point;
  /** The file offset of an offset in the card's own text. */
  offsetOf(offset: number): number;
}

/** A segment for a card whose Markdown is the JSON string at `span` of `source`. */
export function stringSegment(source: string, file: LineIndex, span: [number, number], text: string): Segment {
  const offsets = stringOffsets(source, span[0], span[1]);
  const own = indexLines(text);
  const offsetOf = (o: number) => offsets[Math.max(0, Math.min(o, offsets.length - 1))]!;
  return { pointOf: (line, column) => file.pointAt(offsetOf(own.offsetOf(line, column))), offsetOf };
}

/** A segment for a card made by Trellis (a file, link or background card): every point is the value at `at`. */
export function valueSegment(file: LineIndex, at: number): Segment {
  return { pointOf: () => file.pointAt(at), offsetOf: () => at };
}
