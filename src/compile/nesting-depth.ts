/**
 * How deep a note nests block quotes and lists, measured from line prefixes before the note is
 * parsed, so that a nesting bomb is refused instead of parsed. micromark's cost grows much faster
 * than the text with container depth: one line of thousands of `>` takes the parser to gigabytes
 * and then overflows the stack. This is not a Markdown parser and renders nothing: it only
 * decides whether a note is handed to remark at all. It looks at each character a bounded number
 * of times (finding the line's end, reading its leading markers up to the first other character,
 * telling a run of `-` or `*` from a thematic break), so it is linear in the text and a small
 * fraction of the parse's cost (docs/performance.md). It keeps at most `limit + 1` open list items.
 *
 * Per line it counts `>` markers, plus the list items it is inside: those opened by list markers
 * on this line (`-`, `+`, `*`, `1.`, `1)` followed by a space, a tab or the line's end) and those
 * opened on earlier lines whose content starts at or left of this line's first character after
 * its `>` markers (as CommonMark nests items by indentation). It over-counts rather than under-:
 * fenced code is not told apart, and a quote after a list counts the list's items. A line of
 * `- - -` or `* * *` is a thematic break, not lists, and is not counted (`+ + +` is lists).
 * Checked against remark's trees in test/note-bounds.test.ts.
 */

/** Where a note first nests deeper than the limit, and how deep that line goes. */
export interface DeepNesting {
  line: number;
  /** Column of the marker that went past the limit. */
  column: number;
  /** Quotes and lists open at the end of that line's markers. */
  depth: number;
}

const tab = 9;
const newline = 10;
const carriageReturn = 13;
const space = 32;

/** The first line nesting quotes and lists deeper than `limit`, or undefined. */
export function findDeepNesting(text: string, limit: number): DeepNesting | undefined {
  const items: number[] = []; // content columns of the open list items, increasing
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && !isLineEnding(text.charCodeAt(end))) end++;
    const found = measureLine(text, start, end, items, limit);
    if (found) return { line, ...found };
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === carriageReturn && text.charCodeAt(end + 1) === newline ? 2 : 1);
    line++;
  }
  return undefined;
}

function measureLine(text: string, start: number, end: number, items: number[], limit: number): { column: number; depth: number } | undefined {
  let quotes = 0;
  let col = 0; // visual column: tabs stop every 4
  let content = false; // past the `>` markers, where list items are matched by indentation
  let over: number | undefined;
  let beyond = 0; // list markers past the limit: counted, not kept
  let plainUntil = start; // markers before this start no thematic break (see markerRun)
  for (let i = start; i < end;) {
    const c = text.charCodeAt(i);
    if (c === space || c === tab) {
      col = c === tab ? col + 4 - (col % 4) : col + 1;
      i++;
      continue;
    }
    if (c !== 0x3e /* > */ && !content) {
      content = true;
      while (items.length > 0 && items[items.length - 1]! > col) items.pop();
    }
    let width = 1;
    if (c === 0x3e) quotes++;
    else {
      width = listMarkerWidth(text, i, end);
      if (width === 0) break;
      if (i >= plainUntil && (c === 0x2d || c === 0x2a)) {
        const run = markerRun(text, i, end);
        if (run.end === end && run.markers >= 3) break; // `- - -`: a thematic break
        plainUntil = run.end;
      }
      if (over === undefined) items.push(col + width + 1);
      else beyond++;
    }
    i += width;
    col += width;
    if (over === undefined && quotes + items.length > limit) over = i - width - start + 1;
  }
  return over === undefined ? undefined : { column: over, depth: quotes + items.length + beyond };
}

/** Characters of a list marker at `i` (`-`, `+`, `*`, or up to 9 digits and `.` or `)`), 0 if none. */
function listMarkerWidth(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  let width = 0;
  if (c === 0x2d || c === 0x2b || c === 0x2a) width = 1;
  else {
    while (width < 9 && isDigit(text.charCodeAt(i + width))) width++;
    const close = text.charCodeAt(i + width);
    if (width === 0 || (close !== 0x2e && close !== 0x29)) return 0;
    width++;
  }
  const after = i + width;
  return after >= end || text.charCodeAt(after) === space || text.charCodeAt(after) === tab ? width : 0;
}

/**
 * The run of `text[i]` (`-` or `*`) and blanks from `i`: where it ends and how many markers it
 * has. It is a thematic break if it reaches the line's end with three markers or more. A marker
 * later in the run gives the same answer, so the caller skips the check until the run's end:
 * each line is read once.
 */
function markerRun(text: string, i: number, end: number): { end: number; markers: number } {
  const marker = text.charCodeAt(i);
  let markers = 0;
  let k = i;
  for (; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === marker) markers++;
    else if (c !== space && c !== tab) break;
  }
  return { end: k, markers };
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLineEnding(c: number): boolean {
  return c === newline || c === carriageReturn;
}
