import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from './build-graph.ts';
import type { GraphPalette } from './graph-palette.ts';
import { placeLabels, type LabelCandidate, type PlacedLabel } from './place-labels.ts';

/** The label font, as sigma's settings name it. */
export interface LabelFont {
  labelSize: number;
  labelFont: string;
  labelWeight: string;
}

/** Labels on one canvas: about one per this many square pixels at most. */
const pixelsPerLabel = 9000;
/** A node drawn smaller than this (radius in pixels) gets no label unless forced. */
const minLabelledSize = 5;

/**
 * Draw node labels on sigma's label canvas, replacing sigma's own label pass
 * (whose grid lets long labels overlap and run off the edge): forced labels
 * first (current note, focus, path), then the rest by `order` (most important
 * first), placed by `placeLabels` so none overlap and all stay inside.
 * Returns what it drew.
 */
export function drawGraphLabels(sigma: Sigma<NodeAttributes, EdgeAttributes>, order: readonly string[], palette: GraphPalette, font: LabelFont): PlacedLabel[] {
  const context = sigma.getCanvases().labels?.getContext('2d');
  if (!context) return [];
  const { width, height } = sigma.getDimensions();
  context.font = `${font.labelWeight} ${font.labelSize}px ${font.labelFont}`;
  const placed = placeLabels(candidates(sigma, order, width, height), {
    width,
    height,
    fontSize: font.labelSize,
    max: Math.max(4, Math.round((width * height) / pixelsPerLabel)),
    measure: (text) => context.measureText(text).width,
    obstacles: nodeBoxes(sigma, width, height),
  });
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.lineWidth = 3;
  context.strokeStyle = palette.labelBackground;
  context.fillStyle = palette.label;
  for (const p of placed) {
    // A halo in the background colour keeps the text readable over edges.
    context.strokeText(p.label, p.textX, p.textY);
    context.fillText(p.label, p.textX, p.textY);
  }
  context.textBaseline = 'alphabetic';
  return placed;
}

/** Labels keep off other nodes only while few are on screen; a dense view has no room to spare. */
const maxObstacles = 600;

function nodeBoxes(sigma: Sigma<NodeAttributes, EdgeAttributes>, width: number, height: number): PlacedLabel['box'][] | undefined {
  const boxes: PlacedLabel['box'][] = [];
  for (const key of sigma.getGraph().nodes()) {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden) continue;
    const { x, y } = sigma.framedGraphToViewport(data);
    if (x < 0 || y < 0 || x > width || y > height) continue;
    if (boxes.length === maxObstacles) return undefined;
    const r = sigma.scaleSize(data.size);
    boxes.push({ x: x - r, y: y - r, width: 2 * r, height: 2 * r });
  }
  return boxes;
}

function* candidates(sigma: Sigma<NodeAttributes, EdgeAttributes>, order: readonly string[], width: number, height: number): Generator<LabelCandidate> {
  const forced: string[] = [];
  for (const key of order) if (sigma.getNodeDisplayData(key)?.forceLabel) forced.push(key);
  for (const pass of [forced, order]) {
    for (const key of pass) {
      const data = sigma.getNodeDisplayData(key);
      if (!data || data.hidden || !data.label) continue;
      if (pass === order && data.forceLabel) continue;
      const size = sigma.scaleSize(data.size);
      if (!data.forceLabel && size < minLabelledSize) continue;
      const { x, y } = sigma.framedGraphToViewport(data);
      if (x < 0 || y < 0 || x > width || y > height) continue;
      yield { key, label: data.label, x, y, size };
    }
  }
}
