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
  /** Kinds of link to the target (`link`, `embed` or both), in first-seen order: one of {@link edgeKinds}' lists, shared by every edge. */
  kinds: readonly LinkKind[];
}

/**
 * The four lists an edge's kinds can be, frozen and shared: a list of its own for each edge (an array grown by `push`
 * holds room for 17) was most of a large garden's edges, which the dev server and the graph stage keep for every note.
 */
export const edgeKinds = {
  link: Object.freeze(['link']),
  embed: Object.freeze(['embed']),
  linkEmbed: Object.freeze(['link', 'embed']),
  embedLink: Object.freeze(['embed', 'link']),
} as const satisfies Record<string, readonly LinkKind[]>;

/** `kinds` with `kind` added (as the last seen), one of {@link edgeKinds}' lists. */
function withKind(kinds: readonly LinkKind[] | undefined, kind: LinkKind): readonly LinkKind[] {
  if (kinds === undefined) return kind === 'link' ? edgeKinds.link : edgeKinds.embed;
  if (kinds.length === 2 || kinds[0] === kind) return kinds;
  return kind === 'link' ? edgeKinds.embedLink : edgeKinds.linkEmbed;
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
    const edge = byTarget.get(target);
    if (edge) edge.kinds = withKind(edge.kinds, links.kind(i));
    else {
      const added = { target, kinds: withKind(undefined, links.kind(i)) };
      byTarget.set(target, added);
      out.push(added);
    }
  }
  return out;
}

/** A note's outgoing links as its page lists them: the targets of its edges, in link order. */
export function outgoingOf(edges: readonly NoteEdge[]): NoteId[] {
  return edges.map((e) => e.target);
}
