/**
 * Offsets to lines and columns, in a canvas file and inside one of its JSON
 * strings: a text card's Markdown is the decoded string, so a position in
 * the Markdown goes through the string's escapes back to the file.
 */
import { lastAtMost } from '../shared/sorted-search.ts';
import type { Point } from '../shared/types.ts';
import { readEscape } from './parse-json.ts';

/** 1-based line and column of offsets in one text. */
export interface LineIndex {
  /** The point of `offset` (clamped to the text). */
  pointAt(offset: number): Point;
  /** The offset of a 1-based line and column (clamped to the line's text). */
  offsetOf(line: number, column: number): number;
}

/** Index the line starts of `text` (`\n`, `\r\n` and `\r` end lines, as in micromark). */
export function indexLines(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return {
    pointAt(offset) {
      const o = Math.max(0, Math.min(offset, text.length));
      const line = lastAtMost(starts, o);
      return { line: line + 1, column: o - starts[line]! + 1 };
    },
    offsetOf(line, column) {
      const l = Math.max(1, Math.min(line, starts.length));
      const start = starts[l - 1]!;
      const end = l < starts.length ? starts[l]! : text.length;
      return Math.max(start, Math.min(start + column - 1, end));
    },
  };
}

/**
 * For the JSON string literal at `[start, end)` of `source` (quotes included): the source
 * offset of each character of the decoded string, plus one for its end. Escapes such as
 * `\n` or `\u00e9` take several source characters for one decoded character.
 */
export function stringOffsets(source: string, start: number, end: number): number[] {
  const out: number[] = [];
  let i = start + 1;
  const last = end - 1;
  while (i < last) {
    if (source.charCodeAt(i) === 0x5c) {
      const { value, length } = readEscape(source, i);
      for (let k = 0; k < value.length; k++) out.push(i);
      i += length;
    } else {
      out.push(i);
      i++;
    }
  }
  out.push(last);
  return out;
}
