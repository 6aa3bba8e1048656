/**
 * The edges of the link graph one note makes. The build's graph, outgoing
 * links, orphans and graph.json, and the dev server's views of the same, are
 * all derived from this one rule: a published note's resolved links to other
 * published notes, one edge per distinct target, self-links left out.
 */
import type { LinkKind, NoteId, ResolvedLink } from '../shared/types.ts';
import { resolvedSourceLinks, type SourceLinks } from './backlinks.ts';

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
  return edgesFrom(source, resolvedSourceLinks(links), nodes);
}

/**
 * The rule itself, over a source's links as backlinks read them (`SourceLinks`: where each leads when
 * it resolves to a note, and its kind): `noteEdges` reads resolved links; a build of changed links
 * reads the previous build's numbers (`KeptLinkIndex.edgesOf`).
 */
export function edgesFrom(source: NoteId, links: SourceLinks, nodes: GraphNodes): NoteEdge[] {
  if (!nodes.has(source)) return [];
  const out: NoteEdge[] = [];
  const byTarget = new Map<NoteId, NoteEdge>();
  for (let i = 0; i < links.count; i++) {
    const target = links.target(i);
    if (target === undefined || target === source || !nodes.has(target)) continue;
    let edge = byTarget.get(target);
    if (!edge) {
      edge = { target, kinds: [] };
      byTarget.set(target, edge);
      out.push(edge);
    }
    const kind = links.kind(i);
    if (!edge.kinds.includes(kind)) edge.kinds.push(kind);
  }
  return out;
}

/** A note's outgoing links as its page lists them: the targets of its edges, in link order. */
export function outgoingOf(edges: readonly NoteEdge[]): NoteId[] {
  return edges.map((e) => e.target);
}
