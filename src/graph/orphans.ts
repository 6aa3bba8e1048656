/** Orphans: published notes with no edge to or from another published note. */
import type { NoteId } from '../shared/types.ts';
import type { NoteEdge } from './note-edges.ts';

/** The nodes of `nodes` (in their order) that no edge starts or ends at. */
export function findOrphans(nodes: readonly NoteId[], edgesOf: (id: NoteId) => readonly NoteEdge[]): NoteId[] {
  const linked = new Set<NoteId>();
  for (const id of nodes) {
    const edges = edgesOf(id);
    if (edges.length === 0) continue;
    linked.add(id);
    for (const e of edges) linked.add(e.target);
  }
  return nodes.filter((id) => !linked.has(id));
}
