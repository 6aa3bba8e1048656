/** The global graph page's compact files (src/shared/graph-layout.ts) from graph.json. */
import { layoutScale, type GraphLayoutFile, type GraphNotesFile, type LayoutBounds } from '../shared/graph-layout.ts';
import { baseName, toSlug } from '../shared/ids.ts';
import type { GraphJson, Slug } from '../shared/types.ts';

/**
 * `graph-layout.json` and `graph-notes.json` for a graph.json: nodes in its
 * order; edges one per linked (source, target) pair whatever its kinds, links
 * to unknown notes and self-links dropped. Deterministic: same graph.json,
 * same bytes.
 */
export function toGraphLayoutFiles(json: GraphJson): { layout: GraphLayoutFile; notes: GraphNotesFile } {
  const n = json.notes.length;
  const index = new Map(json.notes.map((note, i) => [note.id, i]));
  const points = json.notes.map((note, i) => (note.x !== undefined && note.y !== undefined ? { x: note.x, y: note.y } : spiral(i)));
  const bounds = boundsOf(points);
  const topics = json.topics ?? [];
  const topicIndex = new Map(topics.map((t, i) => [t.id, i + 1]));

  const x = new DataView(new ArrayBuffer(2 * n));
  const y = new DataView(new ArrayBuffer(2 * n));
  const weight = new Uint8Array(n);
  const topic = new DataView(new ArrayBuffer(2 * n));
  json.notes.forEach((note, i) => {
    x.setUint16(2 * i, quantise(points[i]!.x, bounds.minX, bounds.maxX), true);
    y.setUint16(2 * i, quantise(points[i]!.y, bounds.minY, bounds.maxY), true);
    weight[i] = Math.round(Math.max(0, Math.min(1, note.weight ?? 0)) * 255);
    topic.setUint16(2 * i, note.topic !== undefined ? (topicIndex.get(note.topic) ?? 0) : 0, true);
  });

  const pairs = new Set<number>();
  for (const link of json.links) {
    const s = index.get(link.source);
    const t = index.get(link.target);
    if (s === undefined || t === undefined || s === t) continue;
    pairs.add(s * n + t);
  }
  const sorted = [...pairs].sort((a, b) => a - b);
  const indexBytes = n < 65536 ? 2 : 4;
  const edges = new DataView(new ArrayBuffer(sorted.length * 2 * indexBytes));
  sorted.forEach((key, i) => {
    const s = Math.floor(key / n);
    const t = key - s * n;
    if (indexBytes === 2) {
      edges.setUint16(4 * i, s, true);
      edges.setUint16(4 * i + 2, t, true);
    } else {
      edges.setUint32(8 * i, s, true);
      edges.setUint32(8 * i + 4, t, true);
    }
  });

  const layout: GraphLayoutFile = {
    version: 1,
    nodes: n,
    edges: sorted.length,
    bounds,
    x: base64(x),
    y: base64(y),
    weight: base64(weight),
    topic: base64(topic),
    pairs: base64(edges),
    indexBytes,
    topics,
  };
  return { layout, notes: toNotesFile(json) };
}

function toNotesFile(json: GraphJson): GraphNotesFile {
  const tags = [...new Set(json.notes.flatMap((note) => note.tags))].sort();
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const titles: Record<string, string> = {};
  const urls: Record<string, Slug> = {};
  json.notes.forEach((note, i) => {
    if (note.title !== baseName(note.id)) titles[i] = note.title;
    if (note.url !== toSlug(note.id)) urls[i] = note.url;
  });
  return {
    version: 1,
    ids: json.notes.map((note) => note.id),
    titles,
    urls,
    tags,
    tag: json.notes.map((note) => note.tags.map((t) => tagIndex.get(t)!)),
  };
}

function boundsOf(points: readonly { x: number; y: number }[]): LayoutBounds {
  if (points.length === 0) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, maxX, maxY };
}

function quantise(value: number, min: number, max: number): number {
  return max > min ? Math.round(((value - min) / (max - min)) * layoutScale) : 0;
}

function base64(view: DataView | Uint8Array): string {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
}

/** Where a note without a layout position goes: a sunflower spiral, as the app's buildGraph places it. */
function spiral(i: number): { x: number; y: number } {
  const angle = i * 2.399963;
  const r = 10 * Math.sqrt(i + 1);
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
}
