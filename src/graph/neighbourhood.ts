/** Every note's neighbourhood (its local graph file, docs/output.md) from graph.json. */
import type { LocalGraphDepth, LocalGraphJson, LocalGraphLink, LocalGraphNode } from '../shared/local-graph.ts';
import type { GraphJson, GraphNote, NoteId } from '../shared/types.ts';

/** How many notes a neighbourhood keeps at each depth; the rest are counted in `omitted`. */
export interface NeighbourhoodLimits {
  1: number;
  2: number;
  3: number;
}

/**
 * Enough for every neighbour of all but hub notes, and small enough that a hub's file stays
 * about 20 KB (a panel cannot show more than this many nodes legibly anyway).
 */
export const defaultNeighbourhoodLimits: NeighbourhoodLimits = { 1: 100, 2: 40, 3: 40 };

/**
 * An index answering each note's neighbourhood from graph.json: depth 1 is every note it links
 * to or that links to it; depth 2 and 3 the neighbours of the kept nodes one level closer.
 * At each depth the most important notes (weight, then id) are kept up to `limits`, so a hub
 * note's file stays small. Building the index is linear in graph.json; each answer costs
 * about the sum of the degrees of its kept nodes.
 */
export function indexNeighbourhoods(json: GraphJson, limits: NeighbourhoodLimits = defaultNeighbourhoodLimits): (id: NoteId) => LocalGraphJson | undefined {
  const notes = new Map(json.notes.map((n) => [n.id, n]));
  const adjacent = new Map<NoteId, Set<NoteId>>(json.notes.map((n) => [n.id, new Set()]));
  const out = new Map<NoteId, Set<NoteId>>(json.notes.map((n) => [n.id, new Set()]));
  for (const { source, target } of json.links) {
    if (source === target || !notes.has(source) || !notes.has(target)) continue;
    adjacent.get(source)!.add(target);
    adjacent.get(target)!.add(source);
    out.get(source)!.add(target);
  }
  const topics = new Map((json.topics ?? []).map((t) => [t.id, { id: t.id, name: t.name, color: t.color }]));
  const byImportance = (a: GraphNote, b: GraphNote) => (b.weight ?? 0) - (a.weight ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  return (id) => {
    const center = notes.get(id);
    if (!center) return undefined;
    const depthOf = new Map<NoteId, LocalGraphDepth>([[id, 0]]);
    const kept: GraphNote[] = [center];
    const omitted = { 1: 0, 2: 0, 3: 0 };
    let frontier: NoteId[] = [id];
    for (const depth of [1, 2, 3] as const) {
      const found = new Set<NoteId>();
      for (const node of frontier) for (const next of adjacent.get(node)!) if (!depthOf.has(next)) found.add(next);
      // Every note found is at this depth, kept or not: a left-out neighbour never shows up further out.
      for (const f of found) depthOf.set(f, depth);
      const ranked = [...found].map((f) => notes.get(f)!).sort(byImportance);
      const chosen = ranked.slice(0, limits[depth]);
      omitted[depth] = ranked.length - chosen.length;
      kept.push(...chosen);
      frontier = chosen.map((n) => n.id);
    }
    const index = new Map(kept.map((n, i) => [n.id, i]));
    const nodes = kept.map((n): LocalGraphNode => ({
      id: n.id,
      title: n.title,
      url: n.url,
      depth: depthOf.get(n.id)!,
      ...(n.topic !== undefined ? { topic: n.topic } : {}),
      weight: Math.round((n.weight ?? 0) * 1000) / 1000,
    }));
    const links: LocalGraphLink[] = [];
    kept.forEach((n, source) => {
      for (const t of out.get(n.id)!) {
        const target = index.get(t);
        if (target !== undefined) links.push({ source, target });
      }
    });
    links.sort((a, b) => a.source - b.source || a.target - b.target);
    const used = [...new Set(kept.flatMap((n) => (n.topic !== undefined && topics.has(n.topic) ? [n.topic] : [])))].sort((a, b) => a - b);
    return { version: 1, nodes, links, topics: used.map((t) => topics.get(t)!), omitted };
  };
}
