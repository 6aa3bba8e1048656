/** RSS feed of recently tended notes and the sitemap. */
import { escapeHtml as esc } from '../shared/html.ts';
import type { SiteInfo } from '../shared/types.ts';
import type { ListNote } from './list-pages.ts';

/** `rss.xml` with the 30 most recently tended notes (notes without a date after the dated ones, by title). */
export function renderRss(notes: readonly ListNote[], site: SiteInfo): string {
  const origin = (site.url ?? '').replace(/\/$/, '');
  const recent = [...notes].sort((a, b) => (b.updated ?? '').localeCompare(a.updated ?? '') || a.title.localeCompare(b.title)).slice(0, 30);
  const items = recent
    .map((n) => {
      const link = origin + n.url;
      const date = n.updated ? `<pubDate>${new Date(n.updated).toUTCString()}</pubDate>` : '';
      return `<item><title>${esc(n.title)}</title><link>${esc(link)}</link><guid>${esc(link)}</guid>${date}<description>${esc(n.frontmatter.description ?? '')}</description></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>${esc(site.title)}</title><link>${esc(origin + '/')}</link><description>${esc(site.description ?? site.title)}</description>${items}</channel></rss>\n`;
}

/** `sitemap.xml` of every published note. */
export function renderSitemap(notes: readonly ListNote[], site: SiteInfo): string {
  const origin = (site.url ?? '').replace(/\/$/, '');
  const urls = notes.map((n) => `<url><loc>${esc(origin + n.url)}</loc>${n.updated ? `<lastmod>${esc(n.updated)}</lastmod>` : ''}</url>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>\n`;
}
