/**
 * The URL policy of published pages (docs/syntax.md#urls-and-html): which
 * schemes a URL in a note may use. One list serves the pass that refuses
 * unsafe URLs with a diagnostic (refuse-unsafe-urls.ts) and the sanitiser
 * behind it (sanitize-schema.ts), so the two cannot disagree.
 */

/**
 * Schemes allowed in links (`href`); relative and fragment URLs have none and are always allowed.
 * `obsidian:` links open the reader's Obsidian app (the browser asks first) and run nothing in
 * the page; vaults use them to point at plugins and vaults, so they are kept.
 */
export const linkSchemes = ['http', 'https', 'mailto', 'tel', 'obsidian'] as const;

/** Schemes allowed in embedded media (`src`, `poster`): no `data:`, which can carry documents and scripts. */
export const mediaSchemes = ['http', 'https'] as const;

/** What a URL is used for: a link to follow, or media to load. */
export type UrlUse = 'link' | 'media';

/**
 * The scheme of a URL as a browser reads it, lower-cased, or undefined for a
 * relative URL. Browsers drop leading and trailing control characters and
 * spaces and every tab and newline before they look for the scheme, so
 * ` java\tscript:` is `javascript:` to them, and to this.
 */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match ? match[1]!.toLowerCase() : undefined;
}

/** Whether a URL may appear in a published page for the given use. */
export function isAllowedUrl(url: string, use: UrlUse): boolean {
  const scheme = urlScheme(url);
  if (scheme === undefined) return true;
  return (use === 'link' ? (linkSchemes as readonly string[]) : (mediaSchemes as readonly string[])).includes(scheme);
}
