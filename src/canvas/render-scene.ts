/**
 * The canvas as HTML: one SVG scene at the canvas's own size, so it reads
 * without JavaScript (scrolled at 100 %, or scaled to fit where it is
 * embedded) and `<garden-canvas>` only has to move its view box to pan and
 * zoom. Groups at the back, then cards in the file's order (each a frame and
 * its sanitised HTML in a `foreignObject`), then edges with their labels.
 * Everything from the file is escaped here; colours were validated (a preset
 * number or a hex colour) and are written only as attribute values.
 */
import { escapeHtml } from '../shared/html.ts';
import { edgeCurve, type Box, type Pt } from './edge-geometry.ts';
import { arrowMarkers, colorAttributes, markerId } from './scene-paint.ts';
import type { Canvas, CanvasEdge, CanvasGroupNode, CanvasNode } from './types.ts';

/** Space around the outermost node, in canvas pixels. */
const margin = 40;
/** Room above a group or file card for its label. */
const labelRoom = 32;

/** What the scene needs besides the canvas. */
export interface SceneInput {
  canvas: Canvas;
  /** Rendered HTML of each card's body, and of each group's background, by node id. */
  bodies: ReadonlyMap<string, string>;
  backgrounds: ReadonlyMap<string, string>;
  /** Makes the scene's ids (arrow markers) unique to this canvas. */
  key: string;
  title: string;
}

/** The scene's HTML: a `<garden-canvas>` element around the SVG. */
export function renderScene(input: SceneInput): string {
  const { canvas, key } = input;
  const label = escapeHtml(`Canvas: ${input.title}`);
  if (canvas.nodes.length === 0) return `<garden-canvas class="canvas"><p class="canvas-empty">This canvas is empty.</p></garden-canvas>`;
  const boxes = new Map(canvas.nodes.map((n) => [n.id, n as Box]));
  const curves = canvas.edges.map((e) => ({ edge: e, curve: edgeCurve(boxes.get(e.fromNode)!, boxes.get(e.toNode)!, e.fromSide, e.toSide) }));
  const b = bounds(
    canvas.nodes,
    curves.flatMap(({ curve }) => [curve.c1, curve.c2]),
  );
  const viewBox = `${b.x} ${b.y} ${b.width} ${b.height}`;
  const groups = canvas.nodes.filter((n): n is CanvasGroupNode => n.type === 'group');
  const cards = canvas.nodes.filter((n) => n.type !== 'group');
  return (
    `<garden-canvas class="canvas">` +
    `<div class="canvas-viewport" role="region" aria-label="${label}">` +
    `<svg class="canvas-scene" xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" data-bounds="${viewBox}" width="${b.width}" height="${b.height}">` +
    `<defs>${arrowMarkers(key, canvas.edges)}</defs>` +
    `<g class="canvas-groups">${groups.map((g) => group(g, input.backgrounds.get(g.id))).join('')}</g>` +
    `<g class="canvas-cards">${cards.map((c) => card(c, input.bodies.get(c.id) ?? '')).join('')}</g>` +
    `<g class="canvas-edges">${curves.map(({ edge, curve }) => edgeHtml(edge, curve, key)).join('')}</g>` +
    `</svg></div></garden-canvas>`
  );
}

function group(g: CanvasGroupNode, background: string | undefined): string {
  const style = g.backgroundStyle ?? 'cover';
  return (
    `<g class="canvas-node canvas-group" data-node-id="${escapeHtml(g.id)}"${colorAttributes(g.color, 'node')}>` +
    `<rect class="canvas-frame" ${rect(g)} rx="14"${colorAttributes(g.color, 'frame')}/>` +
    (background
      ? `<foreignObject class="canvas-background" data-style="${style}" ${rect(g)}><div class="canvas-group-background">${background}</div></foreignObject>`
      : '') +
    (g.label ? `<text class="canvas-label canvas-group-label" x="${num(g.x + 4)}" y="${num(g.y - 12)}">${escapeHtml(g.label)}</text>` : '') +
    `</g>`
  );
}

function card(node: Exclude<CanvasNode, CanvasGroupNode>, body: string): string {
  const name = node.type === 'file' ? node.file.slice(node.file.lastIndexOf('/') + 1) + (node.subpath ?? '') : undefined;
  return (
    `<g class="canvas-node canvas-card" data-type="${node.type}" data-node-id="${escapeHtml(node.id)}"${colorAttributes(node.color, 'node')}>` +
    (name ? `<text class="canvas-label canvas-file-label" x="${num(node.x + 2)}" y="${num(node.y - 8)}">${escapeHtml(name)}</text>` : '') +
    `<rect class="canvas-base" ${rect(node)} rx="10"/>` +
    `<rect class="canvas-frame" ${rect(node)} rx="10"${colorAttributes(node.color, 'frame')}/>` +
    `<foreignObject ${rect(node)}><div class="canvas-card-content">${body}</div></foreignObject>` +
    `</g>`
  );
}

function edgeHtml(edge: CanvasEdge, c: ReturnType<typeof edgeCurve>, key: string): string {
  const d = `M${pt(c.from)} C${pt(c.c1)} ${pt(c.c2)} ${pt(c.to)}`;
  const marker = `url(#${markerId(key, edge.color)})`;
  const ends = (edge.toEnd === 'arrow' ? ` marker-end="${marker}"` : '') + (edge.fromEnd === 'arrow' ? ` marker-start="${marker}"` : '');
  const lines = edge.label?.split(/\r\n|\r|\n/) ?? [];
  const label =
    lines.length === 0
      ? ''
      : `<text class="canvas-edge-label" x="${num(c.middle.x)}" y="${num(c.middle.y)}">` +
        lines.map((l, i) => `<tspan x="${num(c.middle.x)}" dy="${i === 0 ? num(-0.6 * (lines.length - 1)) : '1.2'}em">${escapeHtml(l)}</tspan>`).join('') +
        `</text>`;
  return (
    `<g class="canvas-edge" data-edge-id="${escapeHtml(edge.id)}" data-from="${escapeHtml(edge.fromNode)}" data-to="${escapeHtml(edge.toNode)}"${colorAttributes(edge.color, 'node')}>` +
    `<path class="canvas-edge-line" d="${d}"${ends}${colorAttributes(edge.color, 'line')}/>${label}</g>`
  );
}

/** The scene's bounds: every node (with room for labels above) and every edge's control points, plus a margin; whole pixels. */
function bounds(nodes: readonly CanvasNode[], points: readonly Pt[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const take = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const n of nodes) {
    take(n.x, n.y - (n.type === 'group' || n.type === 'file' ? labelRoom : 0));
    take(n.x + n.width, n.y + n.height);
  }
  for (const p of points) take(p.x, p.y);
  const x = Math.floor(minX - margin);
  const y = Math.floor(minY - margin);
  return { x, y, width: Math.ceil(maxX + margin) - x, height: Math.ceil(maxY + margin) - y };
}

function rect(b: Box): string {
  return `x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}"`;
}

function pt(p: Pt): string {
  return `${num(p.x)} ${num(p.y)}`;
}

/** A number for an attribute: at most one decimal, never exponent notation (coordinates are bounded by read-canvas.ts). */
function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}
