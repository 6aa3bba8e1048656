/**
 * Site-wide facts shown on some notes: each series in reading order
 * (frontmatter `order`, then title) and the most recently tended notes (for
 * the home page). Derived from the published notes, the same way by the
 * emitter and by the dev server.
 */
import type { BuiltNote } from '../build.ts';
import type { ListItem } from '../types.ts';
import { noteDates, type NoteSiteContext } from './note-data.ts';

/** Notes listed as recently tended on the home page. */
export const recentCount = 10;

/** Build the site context from all notes (unpublished ones are ignored). */
export function buildSiteContext(notes: readonly BuiltNote[]): NoteSiteContext {
  const published = notes.filter((n) => n.publish);
  const series = new Map<string, BuiltNote[]>();
  for (const n of published) {
    const name = n.parsed.frontmatter.series;
    if (!name) continue;
    const list = series.get(name) ?? [];
    list.push(n);
    series.set(name, list);
  }
  for (const list of series.values()) {
    list.sort((a, b) => (a.parsed.frontmatter.order ?? 1e9) - (b.parsed.frontmatter.order ?? 1e9) || a.parsed.title.localeCompare(b.parsed.title) || (a.parsed.id < b.parsed.id ? -1 : 1));
  }
  const dated = published.map((n) => ({ n, updated: noteDates(n).updated ?? '' }));
  dated.sort((a, b) => b.updated.localeCompare(a.updated) || (a.n.parsed.id < b.n.parsed.id ? -1 : 1));
  const recent: ListItem[] = dated
    .filter((d) => d.n.url !== '/')
    .slice(0, recentCount)
    .map(({ n, updated }) => ({
      title: n.parsed.title,
      url: n.url,
      ...(updated ? { updated } : {}),
      ...(n.parsed.frontmatter.stage ? { stage: n.parsed.frontmatter.stage } : {}),
      ...(n.parsed.frontmatter.description ? { description: n.parsed.frontmatter.description } : {}),
    }));
  return { series, recent };
}
