/**
 * Per-note JSON for the web app (`<url>index.json`): rendered body, headings,
 * backlinks with context, outgoing links, frontmatter and dates.
 */
import type { BuiltNote } from '../build.ts';
import type { Backlink, NoteData, NoteId, Slug } from '../types.ts';

/** What a note's data needs from the graph: lookups only, so the dev server can answer them lazily. */
export interface NoteGraphFacts {
  backlinks: Pick<ReadonlyMap<NoteId, Backlink[]>, 'get'>;
  unlinkedMentions: Pick<ReadonlyMap<NoteId, Backlink[]>, 'get'>;
  outgoing: Pick<ReadonlyMap<NoteId, NoteId[]>, 'get'>;
  topicOf: Pick<ReadonlyMap<NoteId, number>, 'get'>;
}

/** Build the NoteData of a published note (without the body when `withHtml` is false, for list pages). */
export function toNoteData(note: BuiltNote, graph: NoteGraphFacts, info: Pick<ReadonlyMap<NoteId, { title: string; url: Slug }>, 'get'>, withHtml = true): NoteData {
  const p = note.parsed;
  const fm = p.frontmatter;
  const fileDate = note.mtimeMs ? new Date(note.mtimeMs).toISOString().slice(0, 10) : undefined;
  // Frontmatter, else git history, else the file.
  const created = fm.created ?? fm.date ?? note.git?.created ?? fileDate;
  const updated = fm.updated ?? note.git?.updated ?? fileDate ?? created;
  const topic = graph.topicOf.get(p.id);
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
    ...(topic !== undefined ? { topic } : {}),
    ...(created ? { created } : {}),
    ...(updated ? { updated } : {}),
    wordCount: p.wordCount,
  };
}
