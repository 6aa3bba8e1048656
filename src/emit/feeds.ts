/**
 * The site's feeds, written by the `feed` library: RSS 2.0 (`rss.xml`), Atom 1.0
 * (`atom.xml`) and JSON Feed 1 (`feed.json`), all with absolute URLs, so they are
 * only made for a site with a URL.
 */
import { Feed, type Item } from 'feed';
import { escapeHtml } from '../shared/html.ts';
import type { SiteInfo } from '../shared/types.ts';
import { absoluteUrl } from '../shared/absolute-url.ts';
import type { FeedEntry } from './feed-entries.ts';

/** File names of the feeds, relative to the site's root; pages link them as alternates. */
export const feedFiles = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/** The three feeds of `entries` (newest first), by file name. */
export function renderFeeds(entries: readonly FeedEntry[], site: SiteInfo & { url: string }): Record<string, string> {
  const abs = (path: string): string => absoluteUrl(site.url, path);
  // Atom titles are `type="html"`, RSS and JSON titles are text; summaries are plain text made into HTML for all three.
  // RSS has one date an item, its pubDate, which the library takes from `published` when given: left out there, so
  // RSS items carry the date they are ordered by, as Atom's `updated` and JSON's `date_modified` do.
  const make = (title: (t: string) => string, summary: (s: string) => string, published: boolean): Feed => {
    const feed = new Feed({
      id: site.url,
      link: site.url,
      title: xmlSafe(site.title),
      // RSS requires a channel description.
      description: xmlSafe(site.description ?? site.title),
      language: site.lang ?? 'en',
      // The newest entry's date, so an unchanged garden rebuilds to the same feed.
      updated: entries[0]?.date ?? new Date(0),
      generator: 'Trellis',
      author: { name: xmlSafe(site.title) },
      feedLinks: { rss: abs(feedFiles.rss), atom: abs(feedFiles.atom), json: abs(feedFiles.json) },
    });
    for (const e of entries) feed.addItem(item(published ? e : { ...e, published: undefined }, abs, title, summary));
    return feed;
  };
  const html = (s: string): string => escapeHtml(xmlSafe(s));
  const text = (s: string): string => xmlSafe(s);
  return {
    [feedFiles.rss]: make(text, html, false).rss2() + '\n',
    [feedFiles.atom]: make(html, html, true).atom1() + '\n',
    [feedFiles.json]: make(text, html, true).json1() + '\n',
  };
}

function item(e: FeedEntry, abs: (path: string) => string, title: (t: string) => string, summary: (s: string) => string): Item {
  const link = abs(e.url);
  return {
    title: title(e.title),
    id: link,
    link,
    date: e.date,
    ...(e.published ? { published: e.published } : {}),
    ...(e.summary ? { description: summary(e.summary) } : {}),
    ...(e.content ? { content: xmlSafe(e.content) } : {}),
    ...(e.image ? { image: abs(e.image) } : {}),
    category: e.tags.map((name) => ({ name: xmlSafe(name) })),
  };
}

/** `text` without the characters XML 1.0 cannot carry at all, even escaped (control characters, lone surrogates). */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching the characters XML forbids is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
