/** A node that may get a label, in viewport pixels. */
export interface LabelCandidate {
  key: string;
  label: string;
  x: number;
  y: number;
  /** Rendered radius. */
  size: number;
}

/** A label placed on the canvas: its box (text plus padding) and where the text starts. */
export interface PlacedLabel {
  key: string;
  label: string;
  box: { x: number; y: number; width: number; height: number };
  textX: number;
  /** Vertical middle of the text. */
  textY: number;
}

/** How labels are placed. */
export interface LabelOptions {
  width: number;
  height: number;
  fontSize: number;
  /** At most this many labels. */
  max: number;
  /** Width of a label's text in pixels. */
  measure: (text: string) => number;
  /** Boxes labels must not cover either (the discs of the nodes drawn). */
  obstacles?: readonly PlacedLabel['box'][];
}

const gap = 3;
const pad = 2;

/**
 * Place labels greedily in the given order (most important first): each goes
 * right of its node, or left when the right does not fit; a label that would
 * overlap one already placed or an obstacle, or leave the canvas, is left out.
 */
export function placeLabels(candidates: Iterable<LabelCandidate>, options: LabelOptions): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const height = options.fontSize + 2 * pad;
  for (const c of candidates) {
    if (placed.length >= options.max) break;
    const width = options.measure(c.label) + 2 * pad;
    const y = c.y - height / 2;
    for (const x of [c.x + c.size + gap, c.x - c.size - gap - width]) {
      const box = { x, y, width, height };
      if (!inside(box, options.width, options.height) || placed.some((p) => overlaps(p.box, box))) continue;
      if (options.obstacles?.some((o) => overlaps(o, box))) continue;
      placed.push({ key: c.key, label: c.label, box, textX: x + pad, textY: c.y });
      break;
    }
  }
  return placed;
}

function inside(b: PlacedLabel['box'], width: number, height: number): boolean {
  return b.x >= 0 && b.y >= 0 && b.x + b.width <= width && b.y + b.height <= height;
}

function overlaps(a: PlacedLabel['box'], b: PlacedLabel['box']): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
