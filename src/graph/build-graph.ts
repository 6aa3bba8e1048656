/**
 * The link graph: published notes as nodes, links and embeds as edges (one
 * per distinct source, target and kind; self-links left out), each edge with
 * the source positions of the links behind it.
 */
import { DirectedGraph } from 'graphology';
import type { LinkKind, NoteId, ResolvedLink } from '../shared/types.ts';

/** Node attributes. */
export interface NodeAttributes {
  title: string;
}

/** Edge attributes. */
export interface EdgeAttributes {
  /** Kinds of link from source to target (`link`, `embed` or both), in first-seen order. */
  kinds: LinkKind[];
  positions: { line: number; column: number }[];
}

/** The garden's graph type. */
export type LinkGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

/** Build the graph from published notes and resolved links. */
export function buildGraph(notes: readonly { id: NoteId; title: string }[], links: ReadonlyMap<NoteId, readonly ResolvedLink[]>): LinkGraph {
  const graph: LinkGraph = new DirectedGraph<NodeAttributes, EdgeAttributes>({ multi: false, allowSelfLoops: false });
  for (const n of notes) graph.addNode(n.id, { title: n.title });
  for (const [source, list] of links) {
    if (!graph.hasNode(source)) continue;
    for (const link of list) {
      if (link.resolution.kind !== 'note') continue;
      const target = link.resolution.target;
      if (!graph.hasNode(target) || target === source) continue;
      const kind = link.ref.kind;
      const key = `${source}\u0000${target}`;
      const position = link.ref.position;
      if (graph.hasEdge(key)) {
        const attrs = graph.getEdgeAttributes(key);
        attrs.positions.push(position);
        if (!attrs.kinds.includes(kind)) attrs.kinds.push(kind);
      } else graph.addDirectedEdgeWithKey(key, source, target, { kinds: [kind], positions: [position] });
    }
  }
  return graph;
}
