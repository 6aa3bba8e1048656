/**
 * Read a `.canvas` file (JSON Canvas 1.0) into a validated `Canvas`. A file that
 * is not JSON, or whose top level is not an object, cannot be drawn; anything
 * wrong inside (a node without coordinates, an unknown type, an edge to a node
 * that does not exist, a colour that is neither a preset nor hex) is reported at
 * its offset and left out, and the rest is drawn. Unknown keys are ignored, as
 * the spec asks for forward compatibility.
 */
import { parseJson, type JsonNode } from './parse-json.ts';
import { choiceField, fieldsOf, kindName, numberField, stringField, type Fields, type Report } from './json-fields.ts';
import { colorField } from './parse-color.ts';
import { readEdge } from './read-edge.ts';
import type { Canvas, CanvasNode } from './types.ts';

/** Nodes drawn at most; the rest are reported and left out (Obsidian's canvases hold hundreds). */
export const maxCanvasNodes = 5000;

/** Coordinates and sizes beyond this many pixels are refused: no real canvas is that large. */
export const maxCoordinate = 10_000_000;

/** A canvas, or why the file cannot be drawn at all (at an offset). */
export type CanvasRead = { ok: true; canvas: Canvas } | { ok: false; at: number; reason: string };

/** Read and validate `text`; problems inside the canvas go to `report`. */
export function readCanvas(text: string, report: Report): CanvasRead {
  // A new canvas may be an empty file: nothing to draw, nothing wrong.
  if (text.trim() === '') return { ok: true, canvas: { nodes: [], edges: [] } };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, at: parsed.offset, reason: `This canvas is not valid JSON (${parsed.message})` };
  const top = parsed.value;
  if (top.kind !== 'object') return { ok: false, at: top.start, reason: `A canvas is a JSON object with \`nodes\` and \`edges\`, not ${kindName(top)}` };
  const fields = fieldsOf(top);
  const nodes: CanvasNode[] = [];
  const ids = new Set<string>();
  const nodeItems = listField(fields, 'nodes', report);
  if (nodeItems.length > maxCanvasNodes)
    report(nodeItems[maxCanvasNodes]!.start, `This canvas has ${nodeItems.length} nodes; only the first ${maxCanvasNodes} are drawn`);
  for (const item of nodeItems.slice(0, maxCanvasNodes)) {
    const node = readNode(item, report);
    if (!node) continue;
    if (ids.has(node.id)) {
      report(node.at, `Node id \`${node.id}\` is used twice; this node is left out`);
      continue;
    }
    ids.add(node.id);
    nodes.push(node);
  }
  const edges = [];
  const edgeIds = new Set<string>();
  for (const item of listField(fields, 'edges', report)) {
    const edge = readEdge(item, ids, report);
    if (!edge) continue;
    if (edgeIds.has(edge.id)) {
      report(edge.at, `Edge id \`${edge.id}\` is used twice; this edge is left out`);
      continue;
    }
    edgeIds.add(edge.id);
    edges.push(edge);
  }
  return { ok: true, canvas: { nodes, edges } };
}

function listField(fields: Fields, key: string, report: Report): JsonNode[] {
  const e = fields.get(key);
  if (!e) return [];
  if (e.value.kind === 'array') return e.value.items;
  report(e.value.start, `\`${key}\` should be a list, not ${kindName(e.value)}; it is ignored`);
  return [];
}

const nodeTypes = ['text', 'file', 'link', 'group'] as const;

function readNode(item: JsonNode, report: Report): CanvasNode | undefined {
  if (item.kind !== 'object') {
    report(item.start, `A node should be an object, not ${kindName(item)}; it is left out`);
    return undefined;
  }
  const f = fieldsOf(item);
  const at = item.start;
  const id = stringField(f, 'id', report, 'A node', true, at);
  if (!id) return undefined;
  const what = `node \`${id.value}\``;
  const typeEntry = f.get('type');
  const type = typeEntry?.value.kind === 'string' ? typeEntry.value.value : undefined;
  if (!type || !(nodeTypes as readonly string[]).includes(type)) {
    const shown = type !== undefined ? `\`${type}\`` : typeEntry ? kindName(typeEntry.value) : 'no type';
    report(typeEntry?.value.start ?? at, `${what} has ${typeEntry ? 'type ' : ''}${shown}; only text, file, link and group nodes are drawn, so it is left out`);
    return undefined;
  }
  const x = numberField(f, 'x', report, what, at, maxCoordinate);
  const y = numberField(f, 'y', report, what, at, maxCoordinate);
  const width = numberField(f, 'width', report, what, at, maxCoordinate);
  const height = numberField(f, 'height', report, what, at, maxCoordinate);
  if (x === undefined || y === undefined || width === undefined || height === undefined) return undefined;
  if (width <= 0 || height <= 0) {
    report(at, `${what} is ${width}×${height}; a node needs a positive width and height, so it is left out`);
    return undefined;
  }
  const color = colorField(f, report, what);
  const base = { id: id.value, x, y, width, height, at, ...(color ? { color } : {}) };
  switch (type as (typeof nodeTypes)[number]) {
    case 'text': {
      const text = stringField(f, 'text', report, `Text ${what}`, true, at);
      const e = f.get('text');
      return text && e ? { ...base, type: 'text', text: text.value, span: [e.value.start, e.value.end] } : undefined;
    }
    case 'file': {
      const file = stringField(f, 'file', report, `File ${what}`, true, at);
      if (!file) return undefined;
      const sub = stringField(f, 'subpath', report, `File ${what}`, false, at);
      if (sub && !sub.value.startsWith('#')) report(sub.at, `\`subpath\` of ${what} should start with \`#\`; it is ignored`);
      const subpath = sub?.value.startsWith('#') ? sub.value : undefined;
      return { ...base, type: 'file', file: file.value, fileSpan: [file.at, file.end], ...(subpath ? { subpath } : {}) };
    }
    case 'link': {
      const url = stringField(f, 'url', report, `Link ${what}`, true, at);
      return url ? { ...base, type: 'link', url: url.value, urlSpan: [url.at, url.end] } : undefined;
    }
    case 'group': {
      const label = stringField(f, 'label', report, `Group ${what}`, false, at);
      const background = stringField(f, 'background', report, `Group ${what}`, false, at);
      const backgroundStyle = choiceField(f, 'backgroundStyle', ['cover', 'ratio', 'repeat'] as const, report, what);
      return {
        ...base,
        type: 'group',
        ...(label ? { label: label.value } : {}),
        ...(background ? { background: background.value, backgroundSpan: [background.at, background.end] } : {}),
        ...(backgroundStyle ? { backgroundStyle } : {}),
      };
    }
  }
}
