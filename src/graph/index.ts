/**
 * Graph stage: the garden's link graph and everything derived from it.
 *
 * 1. graphology graph of published notes; links and embeds as edges (build-graph.ts).
 * 2. Backlinks with context (backlinks.ts), outgoing links, orphans.
 * 3. Importance (PageRank), topics (Louvain, named), layout (ForceAtlas2, seeded).
 * 4. graph.json (docs/output.md).
 */
import * as pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { Backlink, GraphJson, NoteId, ParsedNote, ResolvedLink, Slug, Topic } from '../types.ts';
import { deriveBacklinks } from './backlinks.ts';
import { buildGraph, type LinkGraph } from './build-graph.ts';
import { computeLayout } from './layout.ts';
import { computeTopics } from './topics.ts';

// CommonJS package: under ESM its function is the namespace's default.
const pagerank = pagerankModule.default as unknown as (graph: unknown, options?: { getEdgeWeight: null }) => Record<string, number>;

/** A published note as the graph stage sees it. */
export interface GraphNoteInput {
  note: ParsedNote;
  url: Slug;
}

/** The graph stage's output. */
export interface GardenGraph {
  graph: LinkGraph;
  backlinks: Map<NoteId, Backlink[]>;
  outgoing: Map<NoteId, NoteId[]>;
  orphans: NoteId[];
  topicOf: Map<NoteId, number>;
  topics: Topic[];
  weights: Map<NoteId, number>;
  json: GraphJson;
}

/** Options of the graph stage. */
export interface Options {
  /** Compute topics and layout (skipped by `trellis check`). */
  layout: boolean;
}

/** Build the graph and its derived data. */
export function deriveGardenGraph(published: readonly GraphNoteInput[], links: ReadonlyMap<NoteId, readonly ResolvedLink[]>, options: Options = { layout: true }): GardenGraph {
  const info = new Map(published.map((p) => [p.note.id, { title: p.note.title, url: p.url }]));
  const graph = buildGraph(published.map((p) => ({ id: p.note.id, title: p.note.title })), links);
  const backlinks = deriveBacklinks(links, info);
  const outgoing = new Map<NoteId, NoteId[]>();
  graph.forEachNode((id) => outgoing.set(id as NoteId, [...new Set(graph.outNeighbors(id))] as NoteId[]));
  const orphans = graph.filterNodes((id) => graph.degree(id) === 0) as NoteId[];

  const weights = new Map<NoteId, number>();
  let topicOf = new Map<NoteId, number>();
  let topics: Topic[] = [];
  let positions = new Map<NoteId, { x: number; y: number }>();
  if (options.layout && graph.order > 0) {
    const ranks = graph.size > 0 ? pagerank(graph, { getEdgeWeight: null }) : {};
    const max = Math.max(1e-12, ...Object.values(ranks));
    graph.forEachNode((id) => weights.set(id as NoteId, round3((ranks[id] ?? 0) / max)));
    const tagsOf = new Map(published.map((p) => [p.note.id, p.note.tags]));
    ({ topicOf, topics } = computeTopics(graph, weights, (id) => tagsOf.get(id) ?? []));
    positions = computeLayout(graph, topicOf, topics.length);
  }

  const json: GraphJson = {
    version: 1,
    notes: published.map(({ note, url }) => {
      const pos = positions.get(note.id);
      const topic = topicOf.get(note.id);
      return {
        id: note.id,
        path: note.path,
        title: note.title,
        url,
        tags: note.tags,
        aliases: note.frontmatter.aliases,
        ...(topic !== undefined ? { topic } : {}),
        ...(pos ? { x: pos.x, y: pos.y } : {}),
        ...(weights.has(note.id) ? { weight: weights.get(note.id)! } : {}),
      };
    }),
    links: graph.reduceEdges<GraphJson['links']>((acc, _key, attrs, source, target) => {
      for (const kind of attrs.kinds) acc.push({ source: source as NoteId, target: target as NoteId, kind });
      return acc;
    }, []),
    topics,
  };
  return { graph, backlinks, outgoing, orphans, topicOf, topics, weights, json };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
