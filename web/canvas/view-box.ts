/**
 * The camera of `<garden-canvas>`: which part of the canvas the viewport
 * shows, as an SVG view box with the viewport's own proportions (so nothing
 * is letterboxed). Pure functions; the element only wires events to them.
 */

/** A rectangle in canvas pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A size in screen pixels. */
export interface Size {
  width: number;
  height: number;
}

/** What the viewport shows: the canvas point at its top-left corner, and screen pixels per canvas pixel. */
export interface View {
  x: number;
  y: number;
  scale: number;
}

/** The closest and farthest zoom. */
export const zoomLimits = { min: 0.05, max: 4 } as const;

/** The view showing all of `bounds` centred in `viewport`, never magnified past 100 %. */
export function fitView(bounds: Rect, viewport: Size): View {
  if (viewport.width <= 0 || viewport.height <= 0) return { x: bounds.x, y: bounds.y, scale: 1 };
  const scale = clampScale(Math.min(viewport.width / bounds.width, viewport.height / bounds.height, 1));
  return {
    x: bounds.x + bounds.width / 2 - viewport.width / scale / 2,
    y: bounds.y + bounds.height / 2 - viewport.height / scale / 2,
    scale,
  };
}

/** Zoom by `factor` keeping the canvas point under `at` (screen pixels from the viewport's corner) where it is. */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }): View {
  const scale = clampScale(view.scale * factor);
  const worldX = view.x + at.x / view.scale;
  const worldY = view.y + at.y / view.scale;
  return { x: worldX - at.x / scale, y: worldY - at.y / scale, scale };
}

/** Move the canvas by `dx`, `dy` screen pixels (dragging right shows what is to the left). */
export function panBy(view: View, dx: number, dy: number): View {
  return { x: view.x - dx / view.scale, y: view.y - dy / view.scale, scale: view.scale };
}

/** The same view in a viewport of another size, keeping the canvas point at the centre. */
export function resizeView(view: View, from: Size, to: Size): View {
  const cx = view.x + from.width / view.scale / 2;
  const cy = view.y + from.height / view.scale / 2;
  return { x: cx - to.width / view.scale / 2, y: cy - to.height / view.scale / 2, scale: view.scale };
}

/** The `viewBox` attribute of `view` in `viewport`. */
export function toViewBox(view: View, viewport: Size): string {
  const r = (n: number) => String(Math.round(n * 100) / 100);
  return `${r(view.x)} ${r(view.y)} ${r(viewport.width / view.scale)} ${r(viewport.height / view.scale)}`;
}

/** A `viewBox` attribute read back as a rectangle, or undefined when it is not four numbers. */
export function parseViewBox(value: string | null): Rect | undefined {
  const parts = (value ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || parts[2]! <= 0 || parts[3]! <= 0) return undefined;
  return { x: parts[0]!, y: parts[1]!, width: parts[2]!, height: parts[3]! };
}

function clampScale(scale: number): number {
  return Math.min(zoomLimits.max, Math.max(zoomLimits.min, scale));
}
