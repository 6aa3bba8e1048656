import { escapeHtml } from '../../../src/shared/html.ts';
import type { MatchRange } from './find-matches.ts';

/**
 * Render `text.slice(start, end)` as HTML with each range wrapped in `<mark>`, everything
 * escaped and runs of whitespace (line breaks included) collapsed to one space.
 * @param ranges sorted and non-overlapping; parts outside [start, end) are cut off
 */
export function toMarkedHtml(text: string, start: number, end: number, ranges: readonly MatchRange[]): string {
  let html = '';
  let at = start;
  for (const range of ranges) {
    const from = Math.max(range.start, at);
    const to = Math.min(range.end, end);
    if (to <= from) continue;
    html += toPlain(text.slice(at, from)) + `<mark>${toPlain(text.slice(from, to))}</mark>`;
    at = to;
  }
  return html + toPlain(text.slice(at, end));
}

function toPlain(text: string): string {
  return escapeHtml(text.replace(/\s+/g, ' '));
}
