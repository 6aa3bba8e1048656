import type { GardenGraph } from './build-graph.ts';

/**
 * A shortest chain of notes from `from` to `to`, following links in either
 * direction, both ends included; undefined when they are not connected.
 */
export function findPath(graph: GardenGraph, from: string, to: string): string[] | undefined {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return undefined;
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length && !previous.has(to); i++) {
    const node = queue[i]!;
    graph.forEachNeighbor(node, (neighbour) => {
      if (previous.has(neighbour)) return;
      previous.set(neighbour, node);
      queue.push(neighbour);
    });
  }
  if (!previous.has(to)) return undefined;
  const path: string[] = [];
  for (let node: string | null = to; node !== null; node = previous.get(node) ?? null) path.push(node);
  return path.reverse();
}
