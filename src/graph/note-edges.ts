/**
 * The edges of the link graph one note makes. The build's graph, outgoing
 * links, orphans and graph.json, and the dev server's views of the same, are
 * all derived from this one rule: a published note's resolved links to other
 * published notes, one edge per distinct target, self-links left out.
 */
import type { LinkKind, NoteId, ResolvedLink } from '../shared/types.ts';

/** One edge: the links from a source to one target. */
export interface NoteEdge {
  target: NoteId;
  /** Kinds of link to the target (`link`, `embed` or both), in first-seen order. */
  kinds: LinkKind[];
}

/** The graph's nodes: the published notes. */
export type GraphNodes = Pick<ReadonlySet<NoteId>, 'has'>;

/** The edges from `source`, targets in link order; none when `source` is not a node. */
export function noteEdges(source: NoteId, links: readonly ResolvedLink[], nodes: GraphNodes): NoteEdge[] {
  if (!nodes.has(source)) return [];
  const out: NoteEdge[] = [];
  const byTarget = new Map<NoteId, NoteEdge>();
  for (const link of links) {
    const r = link.resolution;
    if (r.kind !== 'note' || r.target === source || !nodes.has(r.target)) continue;
    let edge = byTarget.get(r.target);
    if (!edge) {
      edge = { target: r.target, kinds: [] };
      byTarget.set(r.target, edge);
      out.push(edge);
    }
    if (!edge.kinds.includes(link.ref.kind)) edge.kinds.push(link.ref.kind);
  }
  return out;
}

/** A note's outgoing links as its page lists them: the targets of its edges, in link order. */
export function outgoingOf(edges: readonly NoteEdge[]): NoteId[] {
  return edges.map((e) => e.target);
}
