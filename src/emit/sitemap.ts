/** `sitemap.xml`: every published note by its absolute URL, with its last-tended date (sitemaps.org protocol). */
import { escapeHtml as esc } from '../shared/html.ts';
import type { Slug } from '../shared/types.ts';
import { absoluteUrl } from '../shared/absolute-url.ts';

/** The sitemap of `pages` (site-relative URLs) of the site at absolute URL `siteUrl`. */
export function renderSitemap(pages: readonly { url: Slug; updated?: string }[], siteUrl: string): string {
  const urls = pages.map((p) => {
    const lastmod = w3cDate(p.updated);
    return `<url><loc>${esc(absoluteUrl(siteUrl, p.url))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** A date as the protocol wants it (W3C datetime): `2024-05-01` kept, other dates in full ISO form, anything else left out. */
function w3cDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
