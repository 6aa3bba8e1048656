import type { GraphPalette } from './graph-palette.ts';

/** Display state of a graph view, derived from UI state; the graph itself is never changed for display. */
export interface GraphView {
  /** The note being read: always labelled and ringed. */
  current?: string;
  /** A note under the pointer or focused in a list, with its neighbours. */
  focus?: { id: string; neighbours: ReadonlySet<string> };
  /** A path between two notes: its nodes and its edges as `source→target` keys (either direction). */
  path?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
  /** When set, only these nodes are shown (filters). */
  visible?: ReadonlySet<string>;
}

/** The subset of sigma's node display data the reducers read and write. */
export interface NodeLook {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string | null;
  hidden?: boolean;
  forceLabel?: boolean;
  highlighted?: boolean;
  zIndex?: number;
}

/** How sigma should draw an edge. */
export interface EdgeLook {
  size: number;
  color: string;
  hidden?: boolean;
  zIndex?: number;
}

/** The key under which a path stores the edge between two notes. */
export function pathEdgeKey(a: string, b: string): string {
  return a < b ? `${a}→${b}` : `${b}→${a}`;
}

/** How a node looks in a view: filtered out, faded behind a focus or path, or emphasised. */
export function reduceNode(node: string, data: NodeLook, view: GraphView, palette: GraphPalette): NodeLook {
  if (view.visible && !view.visible.has(node)) return { ...data, hidden: true };
  const out: NodeLook = { ...data, zIndex: 1 };
  const emphasised = view.path ? view.path.nodes.has(node) : view.focus ? node === view.focus.id || view.focus.neighbours.has(node) : undefined;
  if (emphasised === true) {
    out.forceLabel = true;
    out.zIndex = 2;
  } else if (emphasised === false) {
    out.color = palette.faded;
    out.label = null;
    out.zIndex = 0;
  }
  if (view.focus?.id === node) out.highlighted = true;
  if (node === view.current) {
    out.highlighted = true;
    out.forceLabel = true;
    out.size = data.size * 1.4;
    out.zIndex = 3;
  }
  return out;
}

/** How the edge `source`→`target` looks in a view: hidden with a filtered-out end, strong on a path or at the focus, faded otherwise. */
export function reduceEdge(source: string, target: string, view: GraphView, palette: GraphPalette): EdgeLook {
  if (view.visible && (!view.visible.has(source) || !view.visible.has(target))) return { size: 1, color: palette.edge, hidden: true };
  if (view.path) {
    return view.path.edges.has(pathEdgeKey(source, target)) ? { color: palette.accent, size: 3, zIndex: 2 } : { color: palette.faded, size: 1, zIndex: 0 };
  }
  if (view.focus) {
    const touches = source === view.focus.id || target === view.focus.id;
    return touches ? { color: palette.edgeStrong, size: 1.6, zIndex: 1 } : { color: palette.faded, size: 1, zIndex: 0 };
  }
  return plainEdge(palette);
}

/** How every edge looks when no filter, path or focus singles any out. */
export function plainEdge(palette: GraphPalette): EdgeLook {
  return { color: palette.edge, size: 1 };
}

/** Whether the view draws some edges differently from others (else every edge is `plainEdge`). */
export function viewSinglesOutEdges(view: GraphView): boolean {
  return Boolean(view.visible || view.path || view.focus);
}
