/** A slightly changed graph placed from the previous layout (src/graph/layout-update.ts). */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.ts';
import { computeLayoutOfInput, computeLayoutResult } from '../src/graph/layout-result.ts';
import { toLayoutInput } from '../src/graph/layout-input.ts';
import { maxChangedShare, minUpdatedNodes } from '../src/graph/layout-update.ts';
import type { NoteEdge } from '../src/graph/note-edges.ts';
import { seededRandom } from '../src/graph/random.ts';
import type { NoteId } from '../src/shared/types.ts';

const nodes = minUpdatedNodes + 200;

/** A garden-like graph: clusters of 50 notes linked inside, a few links across; `extra` edges added, `removed` left out; `count` notes. */
function graphOf(count: number, extra: [number, number][] = [], removed = new Set<string>()) {
  const rand = seededRandom(3);
  const edges = new Map<NoteId, NoteEdge[]>();
  const id = (i: number) => `n${i}` as NoteId;
  const add = (s: number, t: number) => {
    if (s === t || removed.has(`${s}>${t}`)) return;
    const list = edges.get(id(s)) ?? [];
    if (!list.some((e) => e.target === id(t))) list.push({ target: id(t), kinds: ['link'] });
    edges.set(id(s), list);
  };
  // The same base graph of `nodes` notes whatever `count` is; notes past it are linked by `extra` only.
  for (let i = 0; i < nodes; i++) {
    const cluster = Math.floor(i / 50) * 50;
    for (let k = 0; k < 3; k++) add(i, Math.min(nodes - 1, cluster + Math.floor(rand() * 50)));
    if (rand() < 0.05) add(i, Math.floor(rand() * nodes));
  }
  for (const [s, t] of extra) add(s, t);
  const notes = Array.from({ length: count }, (_, i) => ({ id: id(i), title: `Note ${i}` }));
  // Fewer notes than the base graph's: the links to those left out go with them.
  return buildGraph(notes, (n) => (edges.get(n) ?? []).filter((e) => Number(e.target.slice(1)) < count));
}

const tags = () => [];
const edgesOf = (graph: ReturnType<typeof graphOf>) => {
  const index = new Map<string, number>();
  graph.forEachNode((n) => index.set(n, index.size));
  const out: number[] = [];
  graph.forEachEdge((_k, _a, s, t) => out.push(index.get(s)!, index.get(t)!));
  return Uint32Array.from(out);
};

describe('layout update', () => {
  const before = graphOf(nodes);
  const first = computeLayoutResult(before, tags);
  const previous = { positions: first.positions, edges: edgesOf(before) };
  const at = (r: typeof first) => new Map(r.positions.map(([id, x, y]) => [id, { x, y }]));

  it('keeps every unchanged node where it was, places new and relinked nodes beside their neighbours, and computes topics and importance as a full layout does', () => {
    // Two notes added (each linking one note), one link added between existing notes.
    const after = graphOf(nodes + 2, [
      [nodes, 10],
      [nodes + 1, 700],
      [5, 900],
    ]);
    const updated = computeLayoutResult(after, tags, false, undefined, previous);
    const full = computeLayoutResult(after, tags);
    expect(updated.topics).toEqual(full.topics);
    expect(updated.topicOf).toEqual(full.topicOf);
    expect(updated.weights).toEqual(full.weights);
    expect(updated.positions.map(([id]) => id)).toEqual(full.positions.map(([id]) => id));

    const old = at(first);
    const now = at(updated);
    const moved = new Set(['n1200', 'n1201', 'n10', 'n700', 'n5', 'n900']);
    for (const [id, p] of now) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expect(Math.max(Math.abs(p.x), Math.abs(p.y))).toBeLessThanOrEqual(1000);
      if (!moved.has(id)) expect(p).toEqual(old.get(id));
    }
    // A new note with one neighbour lands next to it; the neighbour (whose links changed) moves near its own.
    const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
    expect(dist(now.get('n1200' as NoteId)!, now.get('n10' as NoteId)!)).toBeLessThan(20);
    expect(dist(now.get('n10' as NoteId)!, old.get('n10' as NoteId)!)).toBeLessThan(300);
    // The same change placed twice gives the same picture.
    expect(computeLayoutResult(after, tags, false, undefined, previous).positions).toEqual(updated.positions);
    // And the worker's way, from the layout input (its graph keyed by node number), gives the same result.
    expect(computeLayoutOfInput({ ...toLayoutInput(after, tags), previous })).toEqual(updated);
  }, 120_000);

  it('places again the ends of a removed link and the neighbours of a removed note, and nothing else', () => {
    // One link between notes that stay removed, and the last note removed with its links.
    const link = (() => {
      let found: [string, string] | undefined;
      before.forEachOutEdge('n5', (_k, _a, s, t) => void (found ??= [s, t]));
      return found!;
    })();
    const last = `n${nodes - 1}`;
    const lastNeighbours = new Set(before.neighbors(last));
    const after = graphOf(nodes - 1, [], new Set([`${link[0].slice(1)}>${link[1].slice(1)}`]));
    expect(after.size).toBe(before.size - 1 - before.degree(last));
    const updated = computeLayoutResult(after, tags, false, undefined, previous);
    const old = at(first);
    const moved = new Set([...link, ...lastNeighbours]);
    const placedAgain: string[] = [];
    for (const [id, p] of at(updated)) {
      if (!moved.has(id)) expect(p, id).toEqual(old.get(id));
      else if (p.x !== old.get(id)!.x || p.y !== old.get(id)!.y) placedAgain.push(id);
    }
    expect(placedAgain.sort()).toEqual([...moved].sort());
    expect(computeLayoutOfInput({ ...toLayoutInput(after, tags), previous })).toEqual(updated);
  }, 120_000);

  it('lays a graph that changed a lot out again in full, as a cold build does', () => {
    const removed = new Set<string>();
    let count = 0;
    before.forEachEdge((_k, _a, s, t) => {
      if (count++ % 10 === 0) removed.add(`${s.slice(1)}>${t.slice(1)}`);
    });
    expect(removed.size).toBeGreaterThan(maxChangedShare * before.size);
    const after = graphOf(nodes, [], removed);
    expect(computeLayoutResult(after, tags, false, undefined, previous)).toEqual(computeLayoutResult(after, tags));
  }, 120_000);
});
