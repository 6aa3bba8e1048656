/**
 * Importance (PageRank), topics (Louvain) and positions (ForceAtlas2): the
 * expensive part of the graph stage. Large graphs are laid out on a worker
 * thread while the builder's thread derives backlinks and mentions.
 */
import * as pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { NoteId, Topic } from '../shared/types.ts';
import { keyAsNoteId, type LinkGraph } from './build-graph.ts';
import { fromLayoutInput, nodeIdOf } from './layout-graph.ts';
import type { LayoutInput } from './layout-input.ts';
import { computeLayout } from './layout.ts';
import { updatedPositions, type PreviousLayout } from './layout-update.ts';
import { computeTopics } from './topics.ts';
import type { TopicSettings } from './topics-settings.ts';

// CommonJS package: under ESM its function is the namespace's default.
const pagerank = pagerankModule.default as unknown as (graph: unknown, options?: { getEdgeWeight: null }) => Record<string, number>;

/** Topics, importance and positions of every node. */
export interface LayoutResult {
  weights: [NoteId, number][];
  topicOf: [NoteId, number][];
  subtopicOf: [NoteId, number][];
  topics: Topic[];
  positions: [NoteId, number, number][];
}

/**
 * Compute the layout of `graph` on this thread (`inPlace`: the graph may be changed, see computeLayout).
 * Importance and topics are always computed; positions come from `previous` when few nodes and edges
 * changed since (layout-update.ts), else from ForceAtlas2. `idOf` gives a node key's note id (the keys
 * are note ids but in a graph made by `fromLayoutInput`); the result is by note id either way.
 */
export function computeLayoutResult(
  graph: LinkGraph,
  tagsOf: (id: NoteId) => readonly string[],
  inPlace = false,
  topicSettings?: TopicSettings,
  previous?: PreviousLayout,
  idOf: (key: string) => NoteId = keyAsNoteId,
): LayoutResult {
  const weights = new Map<NoteId, number>();
  const ranks = graph.size > 0 ? pagerank(graph, { getEdgeWeight: null }) : {};
  let max = 1e-12;
  for (const v of Object.values(ranks)) if (v > max) max = v;
  graph.forEachNode((key) => weights.set(idOf(key), round3((ranks[key] ?? 0) / max)));
  const { topicOf, subtopicOf, topics } = computeTopics(graph, weights, tagsOf, topicSettings, idOf);
  const topicCount = topics.filter((t) => t.parent === undefined).length;
  const positions = (previous && updatedPositions(graph, previous, topicOf, topicCount, idOf)) ?? computeLayout(graph, topicOf, topicCount, inPlace, idOf);
  // In node order, whichever way they were found (the kept layout's edges index them).
  const placed: [NoteId, number, number][] = [];
  graph.forEachNode((key) => {
    const id = idOf(key);
    const p = positions.get(id)!;
    placed.push([id, p.x, p.y]);
  });
  return { weights: [...weights], topicOf: [...topicOf], subtopicOf: [...subtopicOf], topics, positions: placed };
}

/** Compute the layout a layout input describes (what the worker runs). */
export function computeLayoutOfInput(input: LayoutInput): LayoutResult {
  const tags = new Map(input.ids.map((id, n) => [id, input.tags[n]!]));
  return computeLayoutResult(fromLayoutInput(input), (id) => tags.get(id) ?? [], true, input.topicSettings, input.previous, nodeIdOf(input));
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
