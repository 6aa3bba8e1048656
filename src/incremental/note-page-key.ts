/**
 * The key of a note's page and data file: one hash of everything they are made from, gathered
 * from facts the build already holds (content hashes, ids, titles, URLs, numbers), so that a page
 * whose inputs did not change is known without making its data. What goes in:
 *
 * - the site settings, the app's assets and the code that renders them (the same for every page);
 * - the hash of the body's inputs (html-inputs.ts): the note's path, content hash, URL and publish
 *   state, its links' resolutions and their targets' state, and its embeds to the assembler's depth.
 *   The content hash stands for everything the note's own text gives its data: title, tags,
 *   aliases, headings, frontmatter, properties, word count, summary;
 * - its backlinks: each source, its title and URL, the link's kind and number, and the hash of the
 *   source's link contexts (`CompiledNote.contextsHash`), which fixes that link's context and
 *   highlight (they are not read from the store): an edit of a source away from its links keeps
 *   the pages of the notes it links to;
 * - its unlinked mentions as found (they are in memory), before the reader filter (for-readers.ts);
 * - its outgoing links' targets with their titles and URLs, its dates, its place in its series,
 *   and on the home page the recently tended list. Not its topic: a page and its data do not carry it
 *   (list pages take it from the graph stage), so a reshuffle of the garden's topics keeps them.
 *
 * `pageKeyCoverage` names, for every field of NoteData, the part of the key that covers it: a field
 * added to NoteData does not compile until it is placed there (and, if it is new input, added here).
 */
import { createHash } from 'node:crypto';
import type { BuiltNote } from '../build.ts';
import { backlinkLinkNumber } from '../graph/backlinks.ts';
import type { AppAssets, Backlink, ListItem, ListPage, NoteData, NoteId, SiteInfo, Slug } from '../shared/types.ts';
import { noteDates } from '../emit/note-dates.ts';
import { seriesPosition, type NoteGraphFacts, type NoteSiteContext } from '../emit/note-data.ts';
import { codeFingerprint } from '../version.ts';

/** Which part of the key covers each field of a note's data (see the module comment). */
export const pageKeyCoverage = {
  id: 'body',
  path: 'body',
  title: 'body',
  url: 'body',
  tags: 'body',
  aliases: 'body',
  html: 'body',
  headings: 'body',
  backlinks: 'backlinks',
  unlinkedMentions: 'mentions',
  outgoing: 'outgoing',
  frontmatter: 'body',
  properties: 'body',
  created: 'dates',
  updated: 'dates',
  wordCount: 'body',
  series: 'series',
  recent: 'recent',
} as const satisfies Record<keyof NoteData, 'body' | 'backlinks' | 'mentions' | 'outgoing' | 'dates' | 'series' | 'recent'>;

/** What the keys are made from: the model's facts, read, never copied. */
export interface PageKeyInputs {
  site: SiteInfo;
  assets: AppAssets;
  /** The hash of a note's link contexts (`GardenModel.contextsHash`): a backlink's source gives its context so. */
  contextsHash: (id: NoteId) => string | undefined;
  graph: NoteGraphFacts;
  /** Published notes' titles and URLs. */
  info: Pick<ReadonlyMap<NoteId, { title: string; url: Slug }>, 'get'>;
  siteContext: NoteSiteContext;
  /** The hash of a note's body inputs (html-inputs.ts); undefined when it has none (a note showing a base). */
  bodyInputs: (id: NoteId) => string | undefined;
}

/** A function giving the key of a published note's page and data file; undefined when it cannot be known without making them. */
export function notePageKeys(inputs: PageKeyInputs): (note: BuiltNote) => string | undefined {
  const { graph, info, siteContext: site } = inputs;
  const shared = sharedInputs(inputs.site, inputs.assets);
  const backlink = (b: Backlink): string => {
    const link = backlinkLinkNumber(b);
    // A backlink made from a source's link is fixed by the source's link contexts; any other carries its context.
    const context = link === undefined ? JSON.stringify([b.context, b.highlight ?? null]) : `${link}\u0003${inputs.contextsHash(b.source) ?? ''}`;
    return `\u0002${b.source}\u0003${b.title}\u0003${b.url}\u0003${b.kind}\u0003${context}`;
  };
  return (note) => {
    const p = note.parsed;
    const id = p.id;
    const body = inputs.bodyInputs(id);
    if (body === undefined) return undefined;
    let s = `${shared}\u0000${body}\u0000${id}\u0000`;
    for (const b of graph.backlinks.get(id) ?? []) s += backlink(b);
    s += '\u0000';
    const mentions = graph.unlinkedMentions.get(id) ?? [];
    if (mentions.length > 0) s += JSON.stringify(mentions);
    s += '\u0000';
    for (const target of graph.outgoing.get(id) ?? []) {
      const t = info.get(target);
      s += t ? `\u0002${target}\u0003${t.title}\u0003${t.url}` : `\u0002${target}`;
    }
    const { created, updated } = noteDates(note, site.dates);
    s += `\u0000${created ?? ''}\u0000${updated ?? ''}\u0000`;
    const series = site.seriesOf.get(id);
    if (series !== undefined) s += JSON.stringify(seriesPosition(note, series, site.series.get(series) ?? []) ?? null);
    if (note.url === '/') s += `\u0000${JSON.stringify(site.recent)}`;
    return createHash('sha256').update(s).digest('base64url');
  };
}

/** A function giving the key of a list page (list-pages.ts): the page as data, with what every page shares. */
export function listPageKeys(site: SiteInfo, assets: AppAssets): (page: ListPage) => string {
  const shared = sharedInputs(site, assets);
  // A note's item is on several pages (src/emit/list-pages.ts): its JSON is made once. The page is its head, each
  // section's head and each item, as JSON (which holds no raw control character) between \u0001 and \u0002 marks:
  // one text for one page. (The page's JSON whole, for each of ~150 list pages, was ~70 ms of a 10k link build.)
  const itemJson = new WeakMap<ListItem, string>();
  return (page) => {
    const { sections, ...head } = page;
    const parts = [shared, JSON.stringify(head)];
    for (const { items, ...section } of sections) {
      parts.push(`\u0001${JSON.stringify(section)}`);
      for (const item of items) {
        let json = itemJson.get(item);
        if (json === undefined) itemJson.set(item, (json = JSON.stringify(item)));
        parts.push(json);
      }
    }
    return createHash('sha256').update(parts.join('\u0002')).digest('base64url');
  };
}

/** What every page shares: the code that renders it, the site settings and the app's assets, hashed once. */
function sharedInputs(site: SiteInfo, assets: AppAssets): string {
  return createHash('sha256')
    .update(codeFingerprint())
    .update('\u0000')
    .update(JSON.stringify(site))
    .update('\u0000')
    .update(JSON.stringify(assets))
    .digest('base64url');
}
