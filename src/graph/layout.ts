/**
 * Build-time layout with ForceAtlas2 from seeded positions (topics start in
 * their own sectors), so the same garden always gives the same picture and the
 * browser draws at once. Barnes-Hut above 1,000 nodes; fewer iterations for
 * very large gardens keep the cost linear-ish.
 */
import * as fa2 from 'graphology-layout-forceatlas2';
import type { NoteId } from '../shared/types.ts';
import { keyAsNoteId, type LinkGraph } from './build-graph.ts';
import { seededRandom } from './random.ts';

// CommonJS package: under ESM its function is the namespace's default.
const forceAtlas2 = fa2.default as unknown as {
  assign(graph: unknown, params: { iterations: number; settings: object }): void;
  inferSettings(graph: unknown): object;
};

/**
 * Positions of every node, normalised to [-1000, 1000]. ForceAtlas2 writes `x` and `y` into
 * the graph's nodes: a copy is laid out, unless `inPlace` says the graph is the caller's to spend
 * (the layout worker's own copy; a second copy of a large garden's graph doubles its memory).
 * By note id: `idOf` gives a node key's (the keys are node numbers in the worker's graph, layout-input.ts).
 */
export function computeLayout(
  graph: LinkGraph,
  topicOf: ReadonlyMap<NoteId, number>,
  topicCount: number,
  inPlace = false,
  idOf: (key: string) => NoteId = keyAsNoteId,
): Map<NoteId, { x: number; y: number }> {
  const rand = seededRandom(7);
  const positions = new Map<NoteId, { x: number; y: number }>();
  const g = inPlace ? graph : graph.copy();
  g.forEachNode((id: string) => {
    const t = topicOf.get(idOf(id)) ?? 0;
    const angle = (2 * Math.PI * t) / Math.max(1, topicCount) + (rand() - 0.5) * 0.8;
    const r = 50 + rand() * 50;
    g.mergeNodeAttributes(id, { x: Math.cos(angle) * r + (rand() - 0.5) * 10, y: Math.sin(angle) * r + (rand() - 0.5) * 10 } as never);
  });
  const n = g.order;
  if (n > 1) {
    const iterations = n <= 500 ? 200 : n <= 2000 ? 100 : n <= 20000 ? 30 : 15;
    const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: n > 1000, gravity: 1, scalingRatio: 10 };
    forceAtlas2.assign(g, { iterations, settings });
  }
  let max = 1;
  g.forEachNode((_id: string, a: object) => {
    const { x, y } = a as unknown as { x: number; y: number };
    max = Math.max(max, Math.abs(x), Math.abs(y));
  });
  g.forEachNode((id: string, a: object) => {
    const { x, y } = a as unknown as { x: number; y: number };
    positions.set(idOf(id), { x: round((x / max) * 1000), y: round((y / max) * 1000) });
  });
  return positions;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
