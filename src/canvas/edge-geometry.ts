/**
 * Where an edge runs: from the middle of one node's side to the middle of the
 * other's, as a cubic curve that leaves and enters each side at right angles.
 * A side the file leaves out is the one facing the other node. Pure geometry.
 */
import type { CanvasSide } from './types.ts';

/** A node's box in canvas pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point in canvas pixels. */
export interface Pt {
  x: number;
  y: number;
}

/** An edge's curve: end points, control points, and where its label sits (the curve's middle). */
export interface EdgeCurve {
  from: Pt;
  c1: Pt;
  c2: Pt;
  to: Pt;
  middle: Pt;
}

const normals: Record<CanvasSide, Pt> = { top: { x: 0, y: -1 }, right: { x: 1, y: 0 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 } };

/** The curve of an edge from box `a` to box `b`. */
export function edgeCurve(a: Box, b: Box, fromSide?: CanvasSide, toSide?: CanvasSide): EdgeCurve {
  const same = a === b || (a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);
  const fs = fromSide ?? (same ? 'right' : facing(a, b));
  const ts = toSide ?? (same ? 'top' : facing(b, a));
  const from = sideMiddle(a, fs);
  const to = sideMiddle(b, ts);
  const reach = Math.max(40, Math.min(Math.hypot(to.x - from.x, to.y - from.y) / 2, 200));
  const c1 = { x: from.x + normals[fs].x * reach, y: from.y + normals[fs].y * reach };
  const c2 = { x: to.x + normals[ts].x * reach, y: to.y + normals[ts].y * reach };
  const middle = { x: (from.x + 3 * c1.x + 3 * c2.x + to.x) / 8, y: (from.y + 3 * c1.y + 3 * c2.y + to.y) / 8 };
  return { from, c1, c2, to, middle };
}

/** The side of `a` that faces `b`: horizontal when the centres are further apart across than down. */
export function facing(a: Box, b: Box): CanvasSide {
  const dx = b.x + b.width / 2 - (a.x + a.width / 2);
  const dy = b.y + b.height / 2 - (a.y + a.height / 2);
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 'right' : 'left';
  return dy >= 0 ? 'bottom' : 'top';
}

function sideMiddle(box: Box, side: CanvasSide): Pt {
  switch (side) {
    case 'top':
      return { x: box.x + box.width / 2, y: box.y };
    case 'right':
      return { x: box.x + box.width, y: box.y + box.height / 2 };
    case 'bottom':
      return { x: box.x + box.width / 2, y: box.y + box.height };
    case 'left':
      return { x: box.x, y: box.y + box.height / 2 };
  }
}
