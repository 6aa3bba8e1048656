/**
 * Graph stage: the garden's link graph and everything derived from it.
 *
 * 1. Edges: each published note's links and embeds to other published notes
 *    (note-edges.ts); outgoing links and orphans (orphans.ts) from them.
 * 2. Backlinks with context (backlinks.ts), unlinked mentions.
 * 3. Importance (PageRank), topics (Louvain, named), layout (ForceAtlas2, seeded),
 *    on a graphology graph of the same edges (build-graph.ts).
 * 4. graph.json (graph-json.ts, docs/output.md).
 *
 * The per-note rules (edges, backlinks, mentions) are exported pure functions: the
 * dev server (src/dev) keeps its live state with the same ones.
 */
import { createHash } from 'node:crypto';
import type { Backlink, GraphJson, NoteId, ParsedNote, ResolvedLink, Topic } from '../shared/types.ts';
import type { NoteReader } from '../store/note-store.ts';
import { lazyBacklinks, type KnownBacklinks } from './backlinks.ts';
import { deriveUnlinkedMentions } from './unlinked-mentions.ts';
import { carriedMentions, keptMentions, linkedNotes, phraseIndexOf } from './kept-mentions-keys.ts';
import { graphJsonLinks, toGraphJson } from './graph-json.ts';
import { noteEdges, outgoingOf, type GraphNodes, type NoteEdge } from './note-edges.ts';
import { layoutInputOf, type LayoutInput } from './layout-input.ts';
import { findOrphans } from './orphans.ts';
import type { LayoutResult } from './layout-result.ts';
import { startLayoutOfInput } from './layout-start.ts';
import type { TopicSettings } from './topics-settings.ts';
import type { PreviousLayout } from './layout-update.ts';
import { placedLayout, type PlacedLayout } from './placed-layout.ts';

export type { LayoutResult } from './layout-result.ts';
export type { GraphNoteInput, MentionsMemo } from './graph-inputs.ts';
import type { GraphNoteInput, MentionsMemo } from './graph-inputs.ts';

/**
 * The graph stage's output. The graphology graph itself is not kept: everything
 * pages need is derived here, and keeping the graph would hold its memory
 * through the whole emit.
 */
export interface GardenGraph {
  /** Backlinks by target (derived for a target when first asked: src/graph/backlinks.ts). */
  backlinks: ReadonlyMap<NoteId, Backlink[]>;
  unlinkedMentions: Map<NoteId, Backlink[]>;
  outgoing: ReadonlyMap<NoteId, NoteId[]>;
  orphans: NoteId[];
  topicOf: Map<NoteId, number>;
  subtopicOf: Map<NoteId, number>;
  topics: Topic[];
  weights: Map<NoteId, number>;
  json: GraphJson;
  /** The key of the graph's layout (`layoutKey`: nodes, titles, tags, edges, topic settings), when a layout cache was given. */
  layoutKey?: string;
  /**
   * Only on a graph derived with `placeLater`: settles once the layout (on its worker) is in.
   * Until then `topicOf`, `subtopicOf` and `weights` are empty (they are filled in place), `topics`
   * is empty, `json` has every note and link but no placement or topics (it is replaced by the placed
   * one), and `layoutKey` is unset; the rest is complete from the start.
   */
  placed?: Promise<void>;
}

/** Where layouts of unchanged graphs are kept between builds. */
export interface LayoutCache {
  get(key: string): LayoutResult | undefined;
  /** Keep `value`; `edges` are its graph's edges as pairs of node indexes into `value.positions`. */
  set(key: string, value: LayoutResult, edges?: Uint32Array): void;
  /** The last layout kept with its edges: a slightly changed graph is placed from it (layout-update.ts). */
  last?(): PreviousLayout | undefined;
}

/** Options of the graph stage. */
export interface Options {
  /** Compute topics and layout (skipped by `trellis check`). */
  layout: boolean;
  /** Reuse the layout of a graph with the same nodes, titles, tags and edges. */
  cache?: LayoutCache;
  /** The configuration's topic names and mappings (`topics:`). */
  topics?: TopicSettings;
  /** Each note's unlinked mentions found by the previous build (src/incremental/kept-mentions.ts). */
  mentions?: MentionsMemo;
  /**
   * The notes whose text changed, when `mentions` was kept by the build of the previous site and no
   * note's outline changed since: every other source's mentions are as it kept them (its text,
   * title, URL and links, and every title and alias, are as they were), taken without a key.
   */
  carryMentionsBut?: ReadonlySet<NoteId>;
  /** Backlinks known without resolving every link (the previous build's numbers, the changed notes' made again): each target's derived from them when asked. */
  knownBacklinks?: KnownBacklinks;
  /**
   * Each note's edges (`noteEdges`' rule) known without resolving its links: from the same numbers
   * (`KeptLinkIndex.edgesOf`), given the graph's nodes. Without it they are made from `links`.
   */
  edgesOf?: (nodes: GraphNodes) => (id: NoteId) => NoteEdge[];
  /**
   * The layout key this graph is known to have without computing it (a build where only text
   * changed: the previous site's, src/incremental/text-only.ts); its layout is taken from `cache`
   * if kept there, else the key is computed as on any build.
   */
  layoutKey?: string;
  /**
   * Return before the layout is in (`GardenGraph.placed`): the caller goes on with what needs
   * only the links (embeds, the report, page keys) while the layout worker runs.
   */
  placeLater?: boolean;
}

/**
 * Build the graph and its derived data. Topics and layout of a large graph are
 * computed on a worker thread while this one derives backlinks and mentions (and,
 * with `placeLater`, while the caller goes on).
 */
export async function deriveGardenGraph(
  published: readonly GraphNoteInput[],
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
  store: Pick<NoteReader, 'text' | 'context'>,
  options: Options = { layout: true },
): Promise<GardenGraph> {
  const info = new Map(published.map((p) => [p.note.id, { title: p.note.title, url: p.url }]));
  const { layout, outgoing, orphans, jsonLinks } = fromEdges(published, links, options);
  const backlinks = options.knownBacklinks
    ? lazyBacklinks(links, info, store.context, Infinity, options.knownBacklinks)
    : lazyBacklinks(links, info, store.context);
  const unlinkedMentions = deriveUnlinkedMentions(
    published.map((p) => p.note.id),
    store.text,
    links,
    info,
    phraseIndexOf(published),
    options.mentions
      ? carriedMentions(
          options.mentions,
          keptMentions(options.mentions, published, (id) => linkedNotes(links.get(id) ?? []), options.carryMentionsBut !== undefined),
          options.carryMentionsBut,
        )
      : undefined,
  );

  const graph: GardenGraph = {
    backlinks,
    unlinkedMentions,
    outgoing,
    orphans,
    topicOf: new Map(),
    subtopicOf: new Map(),
    topics: [],
    weights: new Map(),
    // Placed later: until then, graph.json's notes and links without placements (what the local graph files read).
    json: options.placeLater ? toGraphJson(published, jsonLinks, undefined) : { version: 1, notes: [], links: [] },
  };
  const place = async (): Promise<void> => {
    const done = layout ? await layout : undefined;
    if (done?.key) graph.layoutKey = done.key;
    // Into the graph's own maps: whoever read them before the layout was placed sees it.
    const placed = placedLayout(done?.result, graph);
    graph.topics = placed.topics;
    graph.json = toGraphJson(published, jsonLinks, placed);
  };
  if (!options.placeLater) {
    await place();
    return graph;
  }
  const placed = place();
  // Awaited by the caller; marked handled here, so a build failing before it awaits does not also report this.
  placed.catch(() => undefined);
  graph.placed = placed;
  return graph;
}

/**
 * What the edges give (note-edges.ts, the rule the dev server shares): outgoing links, orphans,
 * graph.json's links, and the layout (started on a worker for large graphs). The edges and the
 * layout's graph are let go before backlinks and mentions are derived: they are a large part of
 * the build's heap at that point.
 */
function fromEdges(
  published: readonly GraphNoteInput[],
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
  options: Options,
): { layout?: Promise<KeyedLayout>; outgoing: Map<NoteId, NoteId[]>; orphans: NoteId[]; jsonLinks: GraphJson['links'] } {
  const ids = published.map((p) => p.note.id);
  const nodes = new Set(ids);
  const known = options.edgesOf?.(nodes);
  const edges = new Map(ids.map((id) => [id, known ? known(id) : noteEdges(id, links.get(id) ?? [], nodes)]));
  const edgesOf = (id: NoteId) => edges.get(id) ?? [];
  const layout =
    options.layout && ids.length > 0
      ? layoutOf(
          published.map((p) => p.note),
          edgesOf,
          options.cache,
          options.topics,
          options.layoutKey,
        )
      : undefined;
  const outgoing = new Map(ids.map((id) => [id, outgoingOf(edgesOf(id))]));
  return { ...(layout ? { layout } : {}), outgoing, orphans: findOrphans(ids, edgesOf), jsonLinks: graphJsonLinks(ids, edgesOf) };
}

/**
 * The layout of the published notes' graph, from the cache or started. It is given the graph as
 * a layout input (typed arrays of edges), never as a graphology graph: at 100k notes that graph
 * is hundreds of MB on this thread, built only to be copied to the worker. A function of its
 * own: the callback that caches the result lives until the layout is done, and must not share a
 * scope (a closure context) that holds the edges.
 */
function layoutOf(
  published: readonly LayoutNote[],
  edgesOf: (id: NoteId) => readonly NoteEdge[],
  cache: LayoutCache | undefined,
  topics: TopicSettings | undefined,
  known: string | undefined,
): Promise<KeyedLayout> {
  const kept = known === undefined ? undefined : cache?.get(known);
  if (kept) return Promise.resolve({ result: kept, key: known });
  const input: LayoutInput = {
    ...layoutInputOf(published, edgesOf),
    ...(topics ? { topicSettings: topics } : {}),
  };
  const key = cache ? layoutKey(input, topics) : undefined;
  const cached = key === undefined ? undefined : cache?.get(key);
  if (cached) return Promise.resolve({ result: cached, key });
  const previous = cache?.last?.();
  // Started now, on its worker for a large graph (src/graph/layout-start.ts). The layout's modules (graphology, Louvain,
  // ForceAtlas2, PageRank) load only where it is computed: a build whose layout is kept, or that makes none (only text
  // changed), does not load them.
  return startLayoutOfInput(previous ? { ...input, previous } : input).then((result) => {
    // The input's edges are node-index pairs in the order of the result's positions.
    if (key !== undefined) cache?.set(key, result, input.edges);
    return { result, key };
  });
}

/** What the layout reads of a published note: its id, title and tags. */
export type LayoutNote = Pick<ParsedNote, 'id' | 'title' | 'tags'>;

/**
 * Topics, importance and positions of the graph of `published` (in note order) and their edges
 * (`noteEdges`' rule): the layout the graph stage computes for the same notes and edges, from `cache`
 * when kept there. The dev server settles its garden with it (src/dev/garden-state.ts).
 */
export async function layoutOfNotes(
  published: readonly LayoutNote[],
  edgesOf: (id: NoteId) => readonly NoteEdge[],
  options: { cache?: LayoutCache; topics?: TopicSettings } = {},
): Promise<PlacedLayout> {
  if (published.length === 0) return placedLayout(undefined);
  return placedLayout((await layoutOf(published, edgesOf, options.cache, options.topics, undefined)).result);
}

/** A layout and its key (when a cache was given). */
interface KeyedLayout {
  result: LayoutResult;
  key: string | undefined;
}

/**
 * Everything the layout depends on: the topic settings, nodes in order with titles and tags, and edges. The nodes
 * are one string hashed once; the edges, node-number pairs in the order of the nodes, are hashed as their bytes:
 * a string for each of ~75k edges at 10k notes, joined and encoded, cost ~0.1 s more of the builder's thread.
 */
function layoutKey(input: LayoutInput, topics: TopicSettings | undefined): string {
  const parts: string[] = [JSON.stringify(topics ?? null)];
  input.ids.forEach((id, n) => parts.push(`${id}\u0001${input.titles[n]!}\u0001${input.tags[n]!.join('\u0002')}`));
  const edges = input.edges;
  return createHash('sha256')
    .update(parts.join('\u0000'))
    .update(`\u0000${edges.length}\u0000`)
    .update(new Uint8Array(edges.buffer, edges.byteOffset, edges.byteLength))
    .digest('hex');
}
