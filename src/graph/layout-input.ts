/**
 * What the layout needs of the link graph, in a form that crosses a thread
 * boundary cheaply: node ids, titles and tags in node order, and edges as
 * pairs of node numbers in edge order. Rebuilt in that order, the graph gives
 * the same topics, weights and positions as the original.
 */
import type { NoteId } from '../shared/types.ts';
import type { LinkGraph } from './build-graph.ts';
import type { NoteEdge } from './note-edges.ts';
import type { TopicSettings } from './topics-settings.ts';
import type { PreviousLayout } from './layout-update.ts';

/** The layout's input. */
export interface LayoutInput {
  ids: NoteId[];
  titles: string[];
  tags: string[][];
  /** Source and target node numbers of each edge, flattened. */
  edges: Uint32Array;
  /** The configuration's topic names and mappings. */
  topicSettings?: TopicSettings;
  /** The previous build's layout, to place a slightly changed graph from (layout-update.ts). */
  previous?: PreviousLayout;
}

/** Collect the layout input of `graph`; `tagsOf` gives a note's tags. */
export function toLayoutInput(graph: LinkGraph, tagsOf: (id: NoteId) => readonly string[]): LayoutInput {
  const ids: NoteId[] = [];
  const titles: string[] = [];
  const tags: string[][] = [];
  const numberOf = new Map<string, number>();
  graph.forEachNode((id, attrs) => {
    numberOf.set(id, ids.length);
    ids.push(id as NoteId);
    titles.push(attrs.title);
    tags.push([...tagsOf(id as NoteId)]);
  });
  const edges = new Uint32Array(graph.size * 2);
  let i = 0;
  graph.forEachEdge((_key, _attrs, source, target) => {
    edges[i++] = numberOf.get(source)!;
    edges[i++] = numberOf.get(target)!;
  });
  return { ids, titles, tags, edges };
}

/**
 * The layout input of the graph `buildGraph` would make of `notes` and `edgesOf`, without making
 * it: nodes in note order, edges in each note's edge order (the graph's own edge order). A
 * large garden's graph would be built on the builder's thread only to be copied here.
 */
export function layoutInputOf(
  notes: readonly { id: NoteId; title: string; tags: readonly string[] }[],
  edgesOf: (id: NoteId) => readonly NoteEdge[],
): LayoutInput {
  const numberOf = new Map<NoteId, number>(notes.map((n, i) => [n.id, i]));
  let size = 0;
  for (const n of notes) size += edgesOf(n.id).length;
  const edges = new Uint32Array(size * 2);
  let i = 0;
  for (const n of notes) {
    for (const e of edgesOf(n.id)) {
      edges[i++] = numberOf.get(n.id)!;
      edges[i++] = numberOf.get(e.target)!;
    }
  }
  return { ids: notes.map((n) => n.id), titles: notes.map((n) => n.title), tags: notes.map((n) => [...n.tags]), edges };
}
