import { DirectedGraph } from 'graphology';
import type { GardenGraph } from './build-graph.ts';

/** A new graph with only the given nodes of `graph` and the edges between them, attributes copied. */
export function extractSubgraph(graph: GardenGraph, nodes: Iterable<string>): GardenGraph {
  const sub: GardenGraph = new DirectedGraph({ multi: false, allowSelfLoops: false });
  for (const node of nodes) if (graph.hasNode(node)) sub.addNode(node, { ...graph.getNodeAttributes(node) });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (sub.hasNode(source) && sub.hasNode(target)) sub.addEdgeWithKey(edge, source, target, { ...attributes });
  });
  return sub;
}
