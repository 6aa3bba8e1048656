/**
 * Per-note JSON for the web app (`<url>index.json`): rendered body, headings,
 * backlinks with context, outgoing links, frontmatter and dates.
 */
import type { BuiltNote } from '../build.ts';
import type { Backlink, ListItem, NoteData, NoteId, ResolvedLink, SeriesPosition, Slug } from '../shared/types.ts';
import { plainBacklinks } from '../graph/backlinks.ts';
import { noteDates, type DateSource } from './note-dates.ts';
import { resolveProperties } from './resolve-properties.ts';

/** What a note's data needs from the graph: lookups only, so the dev server can answer them lazily. */
export interface NoteGraphFacts {
  backlinks: Pick<ReadonlyMap<NoteId, Backlink[]>, 'get'>;
  unlinkedMentions: Pick<ReadonlyMap<NoteId, Backlink[]>, 'get'>;
  outgoing: Pick<ReadonlyMap<NoteId, NoteId[]>, 'get'>;
  /** The note's topic, for list pages: not in its data, which must not change when the garden's topics shift. */
  topicOf: Pick<ReadonlyMap<NoteId, number>, 'get'>;
  /** Absent: no subtopics known (the dev server before its layout). */
  subtopicOf?: Pick<ReadonlyMap<NoteId, number>, 'get'>;
}

/** Site-wide facts some notes show: series orders and the recently tended list (see site-context.ts). */
export interface NoteSiteContext {
  /** Series name -> its notes in reading order. */
  series: ReadonlyMap<string, readonly BuiltNote[]>;
  /** Note -> the series it belongs to. */
  seriesOf: ReadonlyMap<NoteId, string>;
  recent: readonly ListItem[];
  /** Where the notes' dates come from (note-dates.ts). */
  dates: DateSource;
  /** A note's resolved links, numbered as its `ParsedNote.links` (for the links of its properties panel). */
  linksOf(id: NoteId): readonly ResolvedLink[];
}

/** Build the NoteData of a published note (without the body when `withHtml` is false, for list pages). */
export function toNoteData(
  note: BuiltNote,
  graph: NoteGraphFacts,
  info: Pick<ReadonlyMap<NoteId, { title: string; url: Slug }>, 'get'>,
  withHtml = true,
  site?: NoteSiteContext,
): NoteData {
  const p = note.parsed;
  const fm = p.frontmatter;
  const { created, updated } = noteDates(note, site?.dates);
  const seriesName = site?.seriesOf.get(p.id);
  const series = site && seriesName ? seriesPosition(note, seriesName, site.series.get(seriesName) ?? []) : undefined;
  return {
    id: p.id,
    path: p.path,
    title: p.title,
    url: note.url,
    tags: p.tags,
    aliases: fm.aliases,
    html: withHtml ? note.html : '',
    headings: p.headings,
    backlinks: graph.backlinks.get(p.id) ?? [],
    unlinkedMentions: graph.unlinkedMentions.get(p.id) ?? [],
    outgoing: (graph.outgoing.get(p.id) ?? []).flatMap((id) => {
      const t = info.get(id);
      return t ? [{ id, title: t.title, url: t.url }] : [];
    }),
    frontmatter: fm,
    ...(withHtml && site && p.properties ? { properties: resolveProperties(p.properties, site.linksOf(p.id), info) } : {}),
    ...(created ? { created } : {}),
    ...(updated ? { updated } : {}),
    wordCount: p.wordCount,
    ...(series ? { series } : {}),
    ...(site && note.url === '/' ? { recent: [...site.recent] } : {}),
  };
}

/**
 * `data` with its backlinks made plain (graph/backlinks.ts), for a page that shows them and sends them as JSON: each
 * backlink's context is read from the store once, not at each use.
 */
export function withPlainBacklinks(data: NoteData): NoteData {
  return { ...data, backlinks: plainBacklinks(data.backlinks) };
}

/** Where `note` is in the series `name` (its notes `list`, in reading order). */
export function seriesPosition(note: BuiltNote, name: string, list: readonly BuiltNote[]): SeriesPosition | undefined {
  const i = list.indexOf(note);
  if (i < 0) return undefined;
  const link = (n: BuiltNote | undefined) => (n ? { title: n.parsed.title, url: n.url } : undefined);
  const prev = link(list[i - 1]);
  const next = link(list[i + 1]);
  return { name, position: i + 1, total: list.length, ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}
