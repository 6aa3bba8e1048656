/**
 * Vite's client (HMR) goes into every page the dev server sends. Vite's
 * `transformIndexHtml` would also prefix every root-relative `src` and `href`
 * with its base, but the garden's pages are already written below the site's
 * base path (`/notes/…`), which it would double. So Vite transforms an empty
 * page, and what it puts in that page's head is copied into ours.
 */

/** The page Vite transforms. */
export const emptyPage = '<!doctype html><html><head></head><body></body></html>';

/** `html` with the head elements Vite added to {@link emptyPage} (`transformed`) at the start of its head. */
export function withViteHead(html: string, transformed: string): string {
  const start = transformed.indexOf('<head>');
  const end = transformed.indexOf('</head>');
  const at = html.indexOf('<head>');
  if (start < 0 || end < 0 || at < 0) return html;
  const head = transformed.slice(start + '<head>'.length, end);
  return html.slice(0, at + '<head>'.length) + head + html.slice(at + '<head>'.length);
}
