import type { ShownLocalGraph } from '../../src/shared/local-graph.ts';

/** The box a local graph is laid out in, in CSS pixels, and the room kept free at its edges. */
export interface LocalGraphFrame {
  width: number;
  height: number;
  /** Kept free left and right, and above and below, of the depth-1 ring: room for its labels, which are all shown. */
  marginX: number;
  marginY: number;
  /** Kept free at every edge by the outermost ring of a deeper graph (its labels are optional). */
  edge: number;
}

/** How far out the depth-1 ring sits when further depths are drawn around it. */
const innerShare = { 1: 1, 2: 0.85, 3: 0.8 };

/**
 * Positions of the nodes of a neighbourhood up to `depth`, by index into `graph.nodes`, in pixels
 * with the note at (0, 0) and y pointing down: the note in the centre, each depth on its own
 * ellipse: depth 1 inside the frame's margins (smaller when further depths are drawn), the
 * deepest along the frame's edge, the others evenly between. Depth 1 goes round in topic order,
 * so colours group; each further node sits as close as its ring allows to the mean angle of the
 * nodes one ring in that it links with. Deterministic: no randomness, no iteration to converge.
 */
export function layoutLocalGraph(graph: ShownLocalGraph, depth: 1 | 2 | 3, frame: LocalGraphFrame): Map<number, { x: number; y: number }> {
  const inner = { x: Math.max(8, frame.width / 2 - frame.marginX) * innerShare[depth], y: Math.max(8, frame.height / 2 - frame.marginY) * innerShare[depth] };
  const outer = { x: Math.max(inner.x, frame.width / 2 - frame.edge), y: Math.max(inner.y, frame.height / 2 - frame.edge) };
  const angle = new Map<number, number>();
  const positions = new Map<number, { x: number; y: number }>([[0, { x: 0, y: 0 }]]);
  const neighbours = new Map<number, number[]>();
  for (const [source, target] of graph.links) {
    (neighbours.get(source) ?? neighbours.set(source, []).get(source)!).push(target);
    (neighbours.get(target) ?? neighbours.set(target, []).get(target)!).push(source);
  }
  for (let d = 1; d <= depth; d++) {
    const ring = graph.nodes.flatMap((n, i) => (n.depth === d ? [i] : []));
    if (ring.length === 0) break;
    const slot = (2 * Math.PI) / ring.length;
    let wanted: { index: number; angle: number }[];
    if (d === 1) {
      const topicOf = (i: number) => graph.nodes[i]!.topic ?? Number.MAX_SAFE_INTEGER;
      wanted = [...ring].sort((a, b) => topicOf(a) - topicOf(b) || a - b).map((index, k) => ({ index, angle: -Math.PI / 2 + (k + 0.5) * slot }));
    } else {
      wanted = ring
        .map((index) => ({ index, angle: meanAngle((neighbours.get(index) ?? []).flatMap((j) => (graph.nodes[j]!.depth === d - 1 ? [angle.get(j)!] : []))) }))
        .sort((a, b) => a.angle - b.angle || a.index - b.index);
      // Even slots in the wanted order, turned as a whole to sit closest to the wanted angles.
      const turn = meanAngle(wanted.map((w, k) => w.angle - k * slot));
      wanted = wanted.map((w, k) => ({ index: w.index, angle: ring.length === 1 ? w.angle : turn + k * slot }));
    }
    const f = depth === 1 ? 0 : (d - 1) / (depth - 1);
    const rx = inner.x + (outer.x - inner.x) * f;
    const ry = inner.y + (outer.y - inner.y) * f;
    for (const w of wanted) {
      angle.set(w.index, w.angle);
      positions.set(w.index, { x: rx * Math.cos(w.angle), y: ry * Math.sin(w.angle) });
    }
  }
  return positions;
}

/** The circular mean of angles (0 for none). */
function meanAngle(angles: readonly number[]): number {
  if (angles.length === 0) return 0;
  let x = 0;
  let y = 0;
  for (const a of angles) {
    x += Math.cos(a);
    y += Math.sin(a);
  }
  return Math.abs(x) < 1e-9 && Math.abs(y) < 1e-9 ? angles[0]! : Math.atan2(y, x);
}
