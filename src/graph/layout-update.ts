/**
 * A changed graph laid out from the previous build's layout: when few nodes and edges changed,
 * every node whose links did not change keeps its position, and each added node or node with an
 * added or removed edge is placed near its neighbours, without running ForceAtlas2 again over the
 * whole garden. A reader's map then stays where it was. This is the one output that differs from a
 * cold build of the same garden (docs/architecture.md); a graph that changed more than
 * {@link maxChangedShare} (or a small one, whose layout costs little) is laid out again in full.
 */
import type { NoteId } from '../shared/types.ts';
import { keyAsNoteId, type LinkGraph } from './build-graph.ts';
import { seededRandom } from './random.ts';

/** The layout of the previous build: positions in its node order, and its edges as pairs of indexes into them. */
export interface PreviousLayout {
  positions: [NoteId, number, number][];
  edges: Uint32Array;
}

/** Above this share of changed edges (or of added and removed nodes), the graph is laid out again. */
export const maxChangedShare = 0.05;
/** Below this many nodes a full layout is cheap: it is always run, so small gardens lay out as a cold build does. */
export const minUpdatedNodes = 1000;
/** How far from its neighbours' centre a placed node goes (layout units; the layout spans -1000 to 1000). */
const jitter = 12;

/** Positions of `graph`'s nodes from `previous`, or undefined when the graph changed too much (or is small). */
export function updatedPositions(
  graph: LinkGraph,
  previous: PreviousLayout,
  topicOf: ReadonlyMap<NoteId, number>,
  topicCount: number,
  idOf: (key: string) => NoteId = keyAsNoteId,
): Map<NoteId, { x: number; y: number }> | undefined {
  if (graph.order < minUpdatedNodes) return undefined;
  const before = new Map(previous.positions.map(([id, x, y]) => [id, { x, y }]));
  // The graph's notes, by note id (its keys are node numbers in the worker's graph: layout-input.ts).
  const present = new Set<NoteId>();
  let nodesChanged = 0;
  graph.forEachNode((key) => {
    const id = idOf(key);
    present.add(id);
    if (!before.has(id)) nodesChanged++;
  });
  for (const id of before.keys()) if (!present.has(id)) nodesChanged++;
  if (nodesChanged > maxChangedShare * graph.order) return undefined;

  // Edges as numbers, `source * count + target` over the previous build's node order: ~73k edges of a 10k garden,
  // each once a string of two note ids, were most of this function's time.
  const ids = previous.positions.map(([id]) => id);
  const count = ids.length;
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const oldEdges = new Set<number>();
  for (let i = 0; i < previous.edges.length; i += 2) oldEdges.add(previous.edges[i]! * count + previous.edges[i + 1]!);
  const oldIndexOf = new Map<string, number | undefined>();
  graph.forEachNode((key) => oldIndexOf.set(key, indexOf.get(idOf(key))));
  const moved = new Set<NoteId>();
  let edgesChanged = 0;
  graph.forEachEdge((_k, _a, s, t) => {
    const source = oldIndexOf.get(s);
    const target = oldIndexOf.get(t);
    if (source !== undefined && target !== undefined && oldEdges.delete(source * count + target)) return;
    edgesChanged++;
    moved.add(idOf(s)).add(idOf(t));
  });
  for (const key of oldEdges) {
    edgesChanged++;
    for (const id of [ids[Math.floor(key / count)]!, ids[key % count]!]) if (present.has(id)) moved.add(id);
  }
  if (edgesChanged > maxChangedShare * Math.max(1, graph.size)) return undefined;

  const positions = new Map<NoteId, { x: number; y: number }>();
  graph.forEachNode((key) => {
    const id = idOf(key);
    const p = before.get(id);
    if (p === undefined) moved.add(id);
    else if (!moved.has(id)) positions.set(id, p);
  });
  // In node order, so the same change gives the same picture.
  const rand = seededRandom(11);
  graph.forEachNode((key) => {
    const node = idOf(key);
    if (!moved.has(node)) return;
    let x = 0;
    let y = 0;
    let n = 0;
    graph.forEachNeighbor(key, (other) => {
      const p = positions.get(idOf(other));
      if (!p) return;
      x += p.x;
      y += p.y;
      n++;
    });
    const own = before.get(node);
    let at: { x: number; y: number };
    if (n > 0) at = { x: x / n + (rand() - 0.5) * 2 * jitter, y: y / n + (rand() - 0.5) * 2 * jitter };
    else if (own) at = own;
    else {
      // No placed neighbour and no earlier place: the rim of its topic's sector, as the seeding of a full layout puts topics.
      const angle = (2 * Math.PI * (topicOf.get(node) ?? 0)) / Math.max(1, topicCount) + (rand() - 0.5) * 0.8;
      const r = 700 + rand() * 200;
      at = { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
    }
    positions.set(node, { x: clampRound(at.x), y: clampRound(at.y) });
  });
  return positions;
}

function clampRound(v: number): number {
  return Math.round(Math.max(-1000, Math.min(1000, v)) * 10) / 10;
}
