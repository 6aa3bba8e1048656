/**
 * The graph of a garden whose links all lead where they led at the previous build (only text
 * changed: src/incremental/text-only.ts). Edges, orphans, topics and layout are the previous
 * build's, and the emitter keeps every file made of them; what a page shows is made when the page
 * asks for it: a note's backlinks from the sources the previous build found, its outgoing links from
 * its own resolved links. Unlinked mentions are derived as in any build, from the kept mentions
 * of each source, keyed by the notes it links to as the previous build resolved them.
 */
import type { Backlink, NoteId, ResolvedLink } from '../shared/types.ts';
import type { NoteReader } from '../store/note-store.ts';
import { AskedMap } from '../incremental/asked-map.ts';
import { lazyBacklinks, type KnownBacklinks } from './backlinks.ts';
import type { GardenGraph } from './index.ts';
import type { GraphNoteInput, MentionsMemo } from './graph-inputs.ts';
import { carriedMentions, keptMentions, phraseIndexOf } from './kept-mentions-keys.ts';
import { noteEdges, outgoingOf } from './note-edges.ts';
import { deriveUnlinkedMentions } from './unlinked-mentions.ts';

/** What the previous build found of the links, as `graphOfKeptLinks` reads it. */
export interface KeptLinks {
  /**
   * Each published target's published sources with a `note` link to it, in note order (none: an
   * empty list or undefined), and each source's links as backlinks read them.
   */
  backlinks: KnownBacklinks;
  orphans: NoteId[];
  /** The notes a source's links lead to (`note` and `unpublished` resolutions), in link order. */
  linkedOf(id: NoteId): readonly NoteId[];
  /** The previous graph's layout key. */
  layoutKey?: string;
  /**
   * The notes whose text changed, when the kept mentions were kept by the previous build (`MentionsMemo.builtBy`):
   * every other source's are as it kept them (its text, title, URL and links, and every title and alias, are as they were), taken without a key.
   */
  carryMentionsBut?: ReadonlySet<NoteId>;
}

/** The graph of `published` over `kept` (see the module comment); `links` is asked only for the notes pages show. */
export function graphOfKeptLinks(
  published: readonly GraphNoteInput[],
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
  store: Pick<NoteReader, 'text' | 'context'>,
  kept: KeptLinks,
  mentions?: MentionsMemo,
): GardenGraph {
  const ids = published.map((p) => p.note.id);
  const info = new Map(published.map((p) => [p.note.id, { title: p.note.title, url: p.url }]));
  const nodes = new Set(ids);
  // Asked for by a handful of pages: never the whole garden's at once, however many pages ask.
  const backlinks = lazyBacklinks(links, info, store.context, Infinity, kept.backlinks);
  const outgoing = new AskedMap(ids, (id) => outgoingOf(noteEdges(id, links.get(id) ?? [], nodes)));
  const unlinkedMentions: Map<NoteId, Backlink[]> = deriveUnlinkedMentions(
    ids,
    store.text,
    links,
    info,
    phraseIndexOf(published),
    mentions
      ? carriedMentions(mentions, keptMentions(mentions, published, kept.linkedOf, kept.carryMentionsBut !== undefined), kept.carryMentionsBut)
      : undefined,
  );
  return {
    backlinks,
    unlinkedMentions,
    outgoing,
    orphans: kept.orphans,
    topicOf: new Map(),
    subtopicOf: new Map(),
    topics: [],
    weights: new Map(),
    json: { version: 1, notes: [], links: [] },
    ...(kept.layoutKey ? { layoutKey: kept.layoutKey } : {}),
  };
}
