/**
 * Site-wide facts shown on some notes: each series in reading order and the
 * most recently tended notes (for the home page, found when first read). A series is either named by
 * frontmatter (`series`, ordered by `order`, then title) or listed by a
 * map-of-content note (tagged `moc` or `…/moc`): the notes it links to that
 * name no series themselves, in the order it links them, after the map itself.
 * Derived from the published notes, the same way by the emitter and the dev server.
 */
import type { BuiltNote } from '../build.ts';
import type { ListItem, NoteId, ResolvedLink } from '../shared/types.ts';
import type { NoteSiteContext } from './note-data.ts';
import { defaultDateSource, noteDates, type DateSource } from './note-dates.ts';
import { pushTo } from '../shared/multi-map.ts';

/** Notes listed as recently tended on the home page. */
export const recentCount = 10;

/** Build the site context from all notes (unpublished ones are ignored). */
export function buildSiteContext(
  notes: readonly BuiltNote[],
  linksOf: (id: NoteId) => readonly ResolvedLink[] = () => [],
  dates: DateSource = defaultDateSource,
): NoteSiteContext {
  const published = notes.filter((n) => n.publish);
  const series = new Map<string, BuiltNote[]>();
  const seriesOf = new Map<NoteId, string>();
  // Indexed loops over the notes: each runs once, unoptimised, where `for of` allocates a result for each step.
  for (let i = 0; i < published.length; i++) {
    const n = published[i]!;
    const name = n.parsed.frontmatter.series;
    if (!name) continue;
    pushTo(series, name, n);
    seriesOf.set(n.parsed.id, name);
  }
  for (const list of series.values()) {
    list.sort(
      (a, b) =>
        (a.parsed.frontmatter.order ?? 1e9) - (b.parsed.frontmatter.order ?? 1e9) ||
        a.parsed.title.localeCompare(b.parsed.title) ||
        (a.parsed.id < b.parsed.id ? -1 : 1),
    );
  }
  const byId = new Map(published.map((n) => [n.parsed.id, n]));
  for (let i = 0; i < published.length; i++) {
    const map = published[i]!;
    if (map.parsed.frontmatter.series || !map.parsed.tags.some((t) => t === 'moc' || t.endsWith('/moc'))) continue;
    const name = map.parsed.title;
    if (series.has(name)) continue;
    const members: BuiltNote[] = [map];
    for (const l of linksOf(map.parsed.id)) {
      const target = l.resolution.kind === 'note' ? byId.get(l.resolution.target) : undefined;
      if (!target || seriesOf.has(target.parsed.id) || members.includes(target)) continue;
      members.push(target);
    }
    if (members.length < 2) continue;
    series.set(name, members);
    for (const m of members) seriesOf.set(m.parsed.id, name);
  }
  let recent: ListItem[] | undefined;
  return {
    series,
    seriesOf,
    // Read by the home page alone: a build that does not look at it (an edit of text elsewhere) does not date every note.
    get recent() {
      return (recent ??= recentlyTended(published, dates));
    },
    dates,
    linksOf,
  };
}

/**
 * The most recently tended of `published`, newest first. Only dated notes are "recently tended": without dates there is
 * no such list (not an alphabetical one under that name). The newest few, kept in order as the notes are read (not every
 * note's dates sorted): dates are `YYYY-MM-DD` (date-properties.ts, note-dates.ts), so their code-unit order is their order in time.
 */
function recentlyTended(published: readonly BuiltNote[], dates: DateSource): ListItem[] {
  const newest: { n: BuiltNote; updated: string }[] = [];
  const before = (a: { n: BuiltNote; updated: string }, b: { n: BuiltNote; updated: string }) =>
    a.updated > b.updated || (a.updated === b.updated && a.n.parsed.id < b.n.parsed.id);
  for (let i = 0; i < published.length; i++) {
    const n = published[i]!;
    if (n.url === '/') continue;
    const updated = noteDates(n, dates).updated;
    if (!updated) continue;
    const entry = { n, updated };
    if (newest.length === recentCount && !before(entry, newest[recentCount - 1]!)) continue;
    let at = newest.length;
    while (at > 0 && before(entry, newest[at - 1]!)) at--;
    newest.splice(at, 0, entry);
    if (newest.length > recentCount) newest.pop();
  }
  return newest.map(({ n, updated }) => ({
    title: n.parsed.title,
    url: n.url,
    updated,
    ...(n.parsed.frontmatter.stage ? { stage: n.parsed.frontmatter.stage } : {}),
    ...(n.parsed.frontmatter.description ? { description: n.parsed.frontmatter.description } : {}),
  }));
}
