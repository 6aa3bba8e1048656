/**
 * The link graph a layout input describes (layout-input.ts), for the layout: graphology is loaded
 * where a layout is computed (the layout worker, or a small garden's builder), not by every build that
 * only makes a layout input (a build of edited text makes none).
 */
import { DirectedGraph } from 'graphology';
import type { NoteId } from '../shared/types.ts';
import type { EdgeAttributes, LinkGraph, NodeAttributes } from './build-graph.ts';
import type { LayoutInput } from './layout-input.ts';

/**
 * The graph a layout input describes (its edges carry no attributes: the layout reads none), each node
 * keyed by its number in `input.ids` (`"0"`, `"1"`, ...; `nodeIdOf` gives its note id back). graphology
 * keeps a node's neighbours as properties named by their keys, and V8 adds number-like names as
 * elements: the 10k bench garden's graph (10,000 nodes, 73,000 edges) is built in 0.3-0.45 s against
 * 0.5-1.1 s keyed by note ids, each note id a run of hidden-class transitions.
 */
export function fromLayoutInput(input: LayoutInput): LinkGraph {
  const graph: LinkGraph = new DirectedGraph<NodeAttributes, EdgeAttributes>({ multi: false, allowSelfLoops: false });
  input.ids.forEach((_id, n) => graph.addNode(String(n), { title: input.titles[n]! }));
  for (let i = 0; i < input.edges.length; i += 2) graph.addDirectedEdge(String(input.edges[i]!), String(input.edges[i + 1]!));
  return graph;
}

/** The note id of a node of the graph `fromLayoutInput` made of `input`. */
export function nodeIdOf(input: Pick<LayoutInput, 'ids'>): (key: string) => NoteId {
  return (key) => input.ids[Number(key)]!;
}
