import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from './build-graph.ts';

/** How far outside its disc (pixels) a node still counts as pointed at. */
const slack = 2;

/**
 * The node under a viewport point, found in JavaScript from the nodes' drawn
 * positions and sizes; the topmost (last drawn) wins. Sigma's own picking
 * reads a pixel back from the GPU on every pointer move, a stall that costs
 * whole frames with software WebGL.
 */
export function pickGraphNode(sigma: Sigma<NodeAttributes, EdgeAttributes>, at: { x: number; y: number }): string | null {
  let best: string | null = null;
  let bestZ = -Infinity;
  const graph = sigma.getGraph();
  graph.forEachNode((key) => {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden) return;
    const p = sigma.framedGraphToViewport(data);
    const r = sigma.scaleSize(data.size) + slack;
    const dx = p.x - at.x;
    const dy = p.y - at.y;
    if (dx * dx + dy * dy > r * r) return;
    const z = data.zIndex ?? 0;
    if (z >= bestZ) {
      best = key;
      bestZ = z;
    }
  });
  return best;
}
