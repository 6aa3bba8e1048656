import { DirectedGraph } from 'graphology';
import type { Slug } from '../../src/shared/types.ts';
import { layoutScale, type GraphLayoutFile } from '../../src/shared/graph-layout.ts';
import { nodeSize, noTopicColor, type GardenGraph } from './build-graph.ts';

/**
 * Build the displayed graph from graph-layout.json alone, so it can be drawn
 * before the titles arrive: node keys are the node indexes (`"0"`, `"1"`, …),
 * labels and URLs empty until `applyGraphNotes` names them.
 */
export function buildLayoutGraph(layout: GraphLayoutFile): GardenGraph {
  const n = layout.nodes;
  const x = view(layout.x);
  const y = view(layout.y);
  const weight = bytes(layout.weight);
  const topic = view(layout.topic);
  const pairs = view(layout.pairs);
  const { minX, minY, maxX, maxY } = layout.bounds;
  const graph: GardenGraph = new DirectedGraph({ multi: false, allowSelfLoops: false });
  for (let i = 0; i < n; i++) {
    const t = layout.topics[topic.getUint16(2 * i, true) - 1];
    const w = weight[i]! / 255;
    graph.addNode(String(i), {
      x: minX + (x.getUint16(2 * i, true) / layoutScale) * (maxX - minX),
      y: minY + (y.getUint16(2 * i, true) / layoutScale) * (maxY - minY),
      size: nodeSize(w),
      color: t?.color ?? noTopicColor,
      label: '',
      url: '' as Slug,
      topic: t?.id,
      tags: [],
      folder: '',
      weight: w,
    });
  }
  const step = layout.indexBytes;
  for (let e = 0; e < layout.edges; e++) {
    const s = step === 2 ? pairs.getUint16(4 * e, true) : pairs.getUint32(8 * e, true);
    const t = step === 2 ? pairs.getUint16(4 * e + 2, true) : pairs.getUint32(8 * e + 4, true);
    // Keyed by index: graphology would otherwise generate a key per edge, checking each for collisions.
    graph.addEdgeWithKey(String(e), String(s), String(t), {});
  }
  return graph;
}

function bytes(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function view(base64: string): DataView {
  const b = bytes(base64);
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
