/**
 * The link graph as a graphology graph, for the layout (importance, topics,
 * positions): published notes as nodes, and the edges note-edges.ts defines.
 */
import { DirectedGraph } from 'graphology';
import type { LinkKind, NoteId } from '../shared/types.ts';
import type { NoteEdge } from './note-edges.ts';

/** Node attributes. */
export interface NodeAttributes {
  title: string;
}

/** Edge attributes. */
export interface EdgeAttributes {
  /** Kinds of link from source to target (`link`, `embed` or both), in first-seen order. */
  kinds: readonly LinkKind[];
}

/** The garden's graph type. */
export type LinkGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

/**
 * A node key as its note id, in a graph keyed by note id: the default `idOf` of the layout's functions
 * (the layout worker's graph is keyed by node number, and gives its own: layout-input.ts, `nodeIdOf`).
 */
export const keyAsNoteId = (key: string): NoteId => key as NoteId;

/** Build the graph from published notes (in note order) and each one's edges (`noteEdges`). */
export function buildGraph(notes: readonly { id: NoteId; title: string }[], edgesOf: (id: NoteId) => readonly NoteEdge[]): LinkGraph {
  const graph: LinkGraph = new DirectedGraph<NodeAttributes, EdgeAttributes>({ multi: false, allowSelfLoops: false });
  for (const n of notes) graph.addNode(n.id, { title: n.title });
  for (const n of notes) {
    for (const e of edgesOf(n.id)) graph.addDirectedEdgeWithKey(`${n.id}\u0000${e.target}`, n.id, e.target, { kinds: e.kinds });
  }
  return graph;
}
