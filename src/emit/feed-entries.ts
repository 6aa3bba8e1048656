/**
 * The notes a site's feeds list: the published notes with a date, newest first
 * by the date the author set (frontmatter `updated`, `date`, `created`; else the
 * note's last-tended date), each with its summary, image, tags and, when asked,
 * its full body with absolute URLs.
 */
import type { BuiltNote } from '../build.ts';
import type { NoteId, ResolvedLink, Slug } from '../shared/types.ts';
import { noteDates, type DateSource } from './note-dates.ts';
import { noteImage } from './note-image.ts';
import { noteSummary } from './note-summary.ts';
import type { NoteReader } from '../store/note-store.ts';

/** One entry of the feeds. */
export interface FeedEntry {
  title: string;
  /** Site-relative URL of the note. */
  url: Slug;
  /** The date the entry is sorted by (last tended). */
  date: Date;
  /** When the note was first written, when known. */
  published?: Date;
  summary?: string;
  /** The body HTML with absolute URLs (only when full content is asked for). */
  content?: string;
  /** Site-relative URL of the note's image. */
  image?: Slug;
  tags: string[];
}

/** What the entries are made from. */
export interface FeedSource {
  links: (id: NoteId) => readonly ResolvedLink[];
  /** Where notes' texts are read (summaries). */
  store: Pick<NoteReader, 'text'>;
  /** Where notes' dates come from (note-dates.ts). */
  dates?: DateSource;
  /** The note's body with its links below the site's absolute URL; full content is left out without it. */
  absoluteHtml?: (id: NoteId) => string;
}

/** The `limit` newest published notes as feed entries; notes with no date at all are left out. */
export function deriveFeedEntries(notes: readonly BuiltNote[], source: FeedSource, limit: number): FeedEntry[] {
  const dated = notes.flatMap((n) => {
    if (!n.publish) return [];
    const fm = n.parsed.frontmatter;
    const dates = noteDates(n, source.dates);
    const date = toDate(fm.updated) ?? toDate(fm.date) ?? toDate(fm.created) ?? toDate(dates.updated);
    return date ? [{ n, date, published: toDate(fm.date) ?? toDate(fm.created) ?? toDate(dates.created) }] : [];
  });
  dated.sort((a, b) => b.date.getTime() - a.date.getTime() || a.n.parsed.title.localeCompare(b.n.parsed.title) || (a.n.parsed.id < b.n.parsed.id ? -1 : 1));
  return dated.slice(0, limit).map(({ n, date, published }) => {
    const summary = noteSummary(n, source.store);
    const image = noteImage(source.links(n.parsed.id));
    return {
      title: n.parsed.title,
      url: n.url,
      date,
      ...(published && published.getTime() <= date.getTime() ? { published } : {}),
      ...(summary ? { summary } : {}),
      ...(source.absoluteHtml ? { content: source.absoluteHtml(n.parsed.id) } : {}),
      ...(image ? { image } : {}),
      tags: n.parsed.tags,
    };
  });
}

/** A date of frontmatter or history (`2024-05-01`, `2024-05-01T10:00:00Z`), if it is one. */
function toDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
