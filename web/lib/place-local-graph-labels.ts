/** A label to place beside a node, in priority order; `variants` are its texts, full first, then shortened. */
export interface LabelRequest {
  id: string;
  /** The node's centre and radius, in pixels from the canvas's top-left corner. */
  x: number;
  y: number;
  radius: number;
  variants: { text: string; width: number }[];
  /** Placed even when only a shortened text fits; an optional label is placed in full or not at all. */
  required: boolean;
}

/** A placed label: its text and box, in pixels from the canvas's top-left corner. */
export interface PlacedLabel {
  id: string;
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The canvas, the height of one label line, and the space kept between a label and anything else. */
export interface LabelSpace {
  width: number;
  height: number;
  lineHeight: number;
  gap: number;
}

/**
 * Place labels greedily, in the order given, each at the first spot beside its node (outward from
 * the canvas's centre first) that lies inside the canvas and overlaps no label placed before it and
 * no node. When a required label found no room, a second round places the left-out ones first and
 * the better round is kept (more required labels, then more labels in full). A required label that
 * finds no room beside the nodes may cover the small dots of further notes (whose labels are
 * optional) rather than shrink below its shortest text. A label that fits nowhere is left out (the
 * reader sees it on hover).
 */
export function placeLocalGraphLabels(requests: readonly LabelRequest[], space: LabelSpace): PlacedLabel[] {
  const first = placeInOrder(requests, requests, space);
  const done = new Set(first.map((p) => p.id));
  const missing = requests.filter((r) => r.required && !done.has(r.id));
  if (missing.length === 0) return first;
  const second = placeInOrder([...missing, ...requests.filter((r) => !missing.includes(r))], requests, space);
  const score = (placed: PlacedLabel[]) => {
    const byId = new Map(placed.map((p) => [p.id, p]));
    const required = requests.filter((r) => r.required && byId.has(r.id)).length;
    const full = requests.filter((r) => byId.get(r.id)?.text === r.variants[0]?.text).length;
    return required * 1e6 + full * 1e3 + placed.length;
  };
  return score(second) > score(first) ? second : first;
}

function placeInOrder(order: readonly LabelRequest[], requests: readonly LabelRequest[], space: LabelSpace): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const h = space.lineHeight;
  const near = requests.filter((r) => r.required);
  for (const request of order) {
    const variants = request.required ? request.variants : request.variants.slice(0, 1);
    const find = (nodes: readonly LabelRequest[]): PlacedLabel | undefined => {
      for (const variant of variants) {
        for (const spot of candidates(request, variant.width, h, space)) {
          const box = { id: request.id, text: variant.text, left: spot.left, top: spot.top, width: variant.width, height: h };
          if (!inside(box, space) || placed.some((p) => overlaps(box, p, space.gap))) continue;
          if (nodes.some((r) => circleHitsBox(r, box, r.id === request.id ? 1 : space.gap / 2))) continue;
          return box;
        }
      }
      return undefined;
    };
    const found = find(requests) ?? (request.required ? find(near) : undefined);
    if (found) placed.push(found);
  }
  return placed;
}

/** Spots beside a node, best first: right, left, below, above, half a line up or down at the sides, and the four corners, ordered by how far each points away from the centre. */
function candidates(r: LabelRequest, w: number, h: number, space: LabelSpace): { left: number; top: number }[] {
  const g = r.radius + space.gap;
  const spots = [
    { dx: 1, dy: 0, left: r.x + g, top: r.y - h / 2 },
    { dx: -1, dy: 0, left: r.x - g - w, top: r.y - h / 2 },
    { dx: 0, dy: 1, left: r.x - w / 2, top: r.y + g },
    { dx: 0, dy: -1, left: r.x - w / 2, top: r.y - g - h },
    { dx: 0.9, dy: 0.45, left: r.x + g, top: r.y - h * 0.1 },
    { dx: 0.9, dy: -0.45, left: r.x + g, top: r.y - h * 0.9 },
    { dx: -0.9, dy: 0.45, left: r.x - g - w, top: r.y - h * 0.1 },
    { dx: -0.9, dy: -0.45, left: r.x - g - w, top: r.y - h * 0.9 },
    { dx: 0.7, dy: 0.7, left: r.x + g * 0.7, top: r.y + g * 0.7 },
    { dx: -0.7, dy: 0.7, left: r.x - g * 0.7 - w, top: r.y + g * 0.7 },
    { dx: 0.7, dy: -0.7, left: r.x + g * 0.7, top: r.y - g * 0.7 - h },
    { dx: -0.7, dy: -0.7, left: r.x - g * 0.7 - w, top: r.y - g * 0.7 - h },
  ];
  const ox = r.x - space.width / 2;
  const oy = r.y - space.height / 2;
  const length = Math.hypot(ox, oy);
  // At the centre (the note itself) below first: a label at its side would block the row the ring's labels need.
  if (length < 1) return [spots[2]!, spots[3]!, ...spots.filter((_, i) => i !== 2 && i !== 3)];
  return spots
    .map((s, i) => ({ s, i, score: (s.dx * ox + s.dy * oy) / length }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((c) => c.s);
}

function inside(b: PlacedLabel, space: LabelSpace): boolean {
  return b.left >= 0 && b.top >= 0 && b.left + b.width <= space.width && b.top + b.height <= space.height;
}

function overlaps(a: PlacedLabel, b: PlacedLabel, gap: number): boolean {
  return a.left < b.left + b.width + gap && b.left < a.left + a.width + gap && a.top < b.top + b.height + gap && b.top < a.top + a.height + gap;
}

function circleHitsBox(c: { x: number; y: number; radius: number }, b: PlacedLabel, pad: number): boolean {
  const nx = Math.max(b.left, Math.min(c.x, b.left + b.width));
  const ny = Math.max(b.top, Math.min(c.y, b.top + b.height));
  return Math.hypot(c.x - nx, c.y - ny) < c.radius + pad;
}
