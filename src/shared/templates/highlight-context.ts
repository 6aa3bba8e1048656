import { escapeHtml } from '../html.ts';

/**
 * Escape a backlink's context paragraph and wrap the link text (the character
 * range `highlight`, when given and inside the text) in `<mark>`.
 */
export function highlightContext(context: string, highlight?: [number, number]): string {
  if (!highlight) return escapeHtml(context);
  const [start, end] = highlight;
  if (!(start >= 0 && end > start && end <= context.length)) return escapeHtml(context);
  return escapeHtml(context.slice(0, start)) + '<mark>' + escapeHtml(context.slice(start, end)) + '</mark>' + escapeHtml(context.slice(end));
}
