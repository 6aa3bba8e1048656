import { describe, expect, it } from 'vitest';
import type { LocalGraphNode, ShownLocalGraph } from '../../src/shared/local-graph.ts';
import type { NoteId, Slug } from '../../src/shared/types.ts';
import { layoutLocalGraph } from './local-graph-layout.ts';

const node = (id: string, depth: LocalGraphNode['depth'], topic?: number): ShownLocalGraph['nodes'][number] => ({
  id: id as NoteId,
  title: id,
  url: `/${id}/` as Slug,
  depth,
  links: 1,
  ...(topic !== undefined ? { topic } : {}),
});

const graph: ShownLocalGraph = {
  version: 2,
  nodes: [node('c', 0), node('a', 1, 2), node('b', 1, 1), node('d', 1, 2), node('e', 1, 1), node('far', 2), node('farther', 3)],
  links: [
    [0, 1],
    [0, 2],
    [3, 0],
    [0, 4],
    [5, 1],
    [6, 5],
  ],
  topics: [],
  omitted: 0,
  cut: { 2: false, 3: false },
};
const frame = { width: 300, height: 200, marginX: 50, marginY: 20, edge: 10 };

describe('layoutLocalGraph', () => {
  it('puts the note at the centre and depth 1 on the ellipse fitted to the frame, grouped by topic', () => {
    const p = layoutLocalGraph(graph, 1, frame);
    expect([...p.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(p.get(0)).toEqual({ x: 0, y: 0 });
    for (const i of [1, 2, 3, 4]) {
      const { x, y } = p.get(i)!;
      expect((x / 100) ** 2 + (y / 80) ** 2).toBeCloseTo(1, 6);
    }
    // Topic 1 (b, e) first from the top, clockwise, then topic 2 (a, d): quadrants in that order.
    const quadrant = (i: number) => {
      const { x, y } = p.get(i)!;
      return `${y < 0 ? 'top' : 'bottom'}-${x < 0 ? 'left' : 'right'}`;
    };
    expect([2, 4, 1, 3].map(quadrant)).toEqual(['top-right', 'bottom-right', 'bottom-left', 'top-left']);
  });

  it('puts further depths on outer rings next to the nodes they link with, and is deterministic', () => {
    const p = layoutLocalGraph(graph, 3, frame);
    // Depth 1 on 0.8 of its ellipse (100 x 80), depth 3 along the edge (140 x 90), depth 2 halfway.
    const on = (i: number, rx: number, ry: number) => Math.hypot(p.get(i)!.x / rx, p.get(i)!.y / ry);
    expect(on(1, 80, 64)).toBeCloseTo(1, 6);
    expect(on(5, 110, 77)).toBeCloseTo(1, 6);
    expect(on(6, 140, 90)).toBeCloseTo(1, 6);
    const angle = (i: number) => {
      const rx = [80, 110, 140][graph.nodes[i]!.depth - 1]!;
      const ry = [64, 77, 90][graph.nodes[i]!.depth - 1]!;
      return Math.atan2(p.get(i)!.y / ry, p.get(i)!.x / rx);
    };
    expect(angle(5)).toBeCloseTo(angle(1), 6);
    expect(angle(6)).toBeCloseTo(angle(5), 6);
    expect(layoutLocalGraph(graph, 3, frame)).toEqual(p);
  });
});
