/**
 * What a page's `<head>` tells search engines, feed readers and the sites a link
 * is shared on: its description, canonical URL, OpenGraph and Twitter card
 * metadata, and the site's feeds. Absolute URLs (canonical, `og:url`,
 * `og:image`, feeds) need the site's URL; without it they are left out rather
 * than written relative (which those readers do not accept).
 */
import { absoluteUrl } from '../absolute-url.ts';
import { escapeHtml } from '../html.ts';
import type { SiteInfo } from '../types.ts';

/** What a page says about itself. */
export interface HeadMeta {
  /** The page's own title (without the site's). */
  title: string;
  /** Site-relative URL of the page. */
  url: string;
  description?: string;
  /** Site-relative URL of the page's image (a note's first embedded image). */
  image?: string;
  /** `article` for notes, `website` for the other pages. */
  type: 'article' | 'website';
  /** Pages that are not content (404) are kept out of search engines and get no canonical URL. */
  noindex?: boolean;
}

/** Feeds every page advertises (written only for a site with a URL; see src/emit/feeds.ts). */
const feeds = [
  { file: 'rss.xml', type: 'application/rss+xml', name: 'RSS' },
  { file: 'atom.xml', type: 'application/atom+xml', name: 'Atom' },
  { file: 'feed.json', type: 'application/feed+json', name: 'JSON Feed' },
];

/** The `<meta>` and `<link>` elements of a page's head. */
export function renderHeadMeta(page: HeadMeta, site: SiteInfo): string {
  const attr = escapeHtml;
  const abs = site.url ? (path: string) => absoluteUrl(site.url!, path) : undefined;
  const image = page.image && abs ? abs(page.image) : undefined;
  const tags: string[] = [];
  const meta = (key: 'name' | 'property', name: string, content: string | undefined) => {
    if (content) tags.push(`<meta ${key}="${name}" content="${attr(content)}">`);
  };
  meta('name', 'description', page.description);
  if (page.noindex) meta('name', 'robots', 'noindex');
  if (abs && !page.noindex) tags.push(`<link rel="canonical" href="${attr(abs(page.url))}">`);
  meta('property', 'og:type', page.type);
  meta('property', 'og:site_name', site.title);
  meta('property', 'og:title', page.title);
  meta('property', 'og:description', page.description);
  if (abs && !page.noindex) meta('property', 'og:url', abs(page.url));
  meta('property', 'og:image', image);
  if (site.lang) meta('property', 'og:locale', site.lang.replace('-', '_'));
  meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary');
  meta('name', 'twitter:title', page.title);
  meta('name', 'twitter:description', page.description);
  meta('name', 'twitter:image', image);
  if (abs) for (const f of feeds) tags.push(`<link rel="alternate" type="${f.type}" title="${attr(`${site.title} (${f.name})`)}" href="${attr(abs(f.file))}">`);
  return tags.join('');
}
