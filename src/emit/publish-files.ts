/**
 * The files that tell the world about a site: `robots.txt` always; `sitemap.xml`
 * and the feeds (`rss.xml`, `atom.xml`, `feed.json`) only for a site with a URL,
 * since both need absolute URLs (a sitemap or feed with relative links is invalid).
 * The feed writer (the `feed` package and its XML writer, ~20 ms to load) is loaded only then.
 */
import type { GardenModel } from '../build.ts';
import type { SiteInfo } from '../shared/types.ts';
import { deriveFeedEntries } from './feed-entries.ts';
import type { DateSource } from './note-dates.ts';
import type { FeedSettings } from '../config/types.ts';
import type { ListNote } from './list-note.ts';
import { renderRobots } from './robots.ts';
import { renderSitemap } from './sitemap.ts';

/** File name -> contents of the site's robots.txt, sitemap and feeds; without `notes`, no sitemap (the caller keeps the previous one). */
export async function publishFiles(
  model: GardenModel,
  notes: readonly ListNote[] | undefined,
  site: SiteInfo,
  feed: FeedSettings = {},
  dates?: DateSource,
): Promise<Record<string, string>> {
  const files: Record<string, string> = { 'robots.txt': renderRobots(site.url) };
  const siteUrl = site.url;
  if (!siteUrl) return files;
  if (notes) files['sitemap.xml'] = renderSitemap(notes, siteUrl);
  const entries = deriveFeedEntries(
    model.notes,
    {
      links: (id) => model.links.get(id) ?? [],
      store: model.store,
      ...(dates ? { dates } : {}),
      ...(feed.fullContent && model.assembleAt ? { absoluteHtml: (id) => model.assembleAt!(id, siteUrl) } : {}),
    },
    feed.limit ?? 30,
  );
  const { renderFeeds } = await import('./feeds.ts');
  return { ...files, ...renderFeeds(entries, { ...site, url: siteUrl }) };
}
