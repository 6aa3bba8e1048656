import type { GardenGraph } from './build-graph.ts';

/**
 * The notes within `depth` hops of `center`, following links in both
 * directions, with their distance (the center itself at 0). Empty when the
 * center is not in the graph.
 */
export function computeNeighbourhood(graph: GardenGraph, center: string, depth: number): Map<string, number> {
  const distance = new Map<string, number>();
  if (!graph.hasNode(center)) return distance;
  distance.set(center, 0);
  let frontier = [center];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbour) => {
        if (distance.has(neighbour)) return;
        distance.set(neighbour, d);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  return distance;
}
