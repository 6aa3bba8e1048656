/**
 * Colours of the scene. A preset is a `data-color` attribute that the
 * stylesheet maps to the theme's colour; a hex colour (validated by
 * parse-color.ts) is written as SVG presentation attributes (`stroke`,
 * `fill`), never into `style`. Arrowheads are markers, one per colour used.
 */
import { escapeHtml } from '../shared/html.ts';
import type { CanvasColor, CanvasEdge } from './types.ts';

/** Where colour attributes go: the element carrying `data-color`, a frame (stroke and tint), an edge's line. */
export type PaintTarget = 'node' | 'frame' | 'line' | 'arrow';

/** The attributes (with a leading space) that paint `target` in `color`; none for an uncoloured element. */
export function colorAttributes(color: CanvasColor | undefined, target: PaintTarget): string {
  if (!color) return '';
  if (target === 'node') return ` data-color="${color.kind === 'preset' ? color.preset : 'custom'}"`;
  if (color.kind === 'preset') return '';
  // `hex` matches /^#[0-9a-f]{6}$/ (parse-color.ts); escaped all the same.
  const hex = escapeHtml(color.hex);
  switch (target) {
    case 'frame':
      return ` stroke="${hex}" fill="${hex}" fill-opacity="0.1"`;
    case 'line':
      return ` stroke="${hex}"`;
    case 'arrow':
      return ` fill="${hex}"`;
  }
}

/** The id of the arrowhead marker for edges of `color` in the canvas keyed `key`. */
export function markerId(key: string, color: CanvasColor | undefined): string {
  const suffix = !color ? 'default' : color.kind === 'preset' ? `p${color.preset}` : `x${color.hex.slice(1)}`;
  return `canvas-${key}-arrow-${suffix}`;
}

/** One arrowhead marker per colour the edges use (only when some edge shows an arrow). */
export function arrowMarkers(key: string, edges: readonly CanvasEdge[]): string {
  const seen = new Map<string, CanvasColor | undefined>();
  for (const e of edges) if (e.toEnd === 'arrow' || e.fromEnd === 'arrow') seen.set(markerId(key, e.color), e.color);
  return [...seen]
    .map(
      ([id, color]) =>
        `<marker id="${escapeHtml(id)}" class="canvas-arrow"${colorAttributes(color, 'node')} viewBox="0 0 10 10" refX="9" refY="5" ` +
        `markerWidth="16" markerHeight="16" markerUnits="userSpaceOnUse" orient="auto-start-reverse">` +
        `<path d="M0 1L10 5L0 9z"${colorAttributes(color, 'arrow')}/></marker>`,
    )
    .join('');
}
