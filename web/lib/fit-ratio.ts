/** Room (pixels) kept free around fitted nodes, on each side, for their discs and labels. */
const margin = 48;

/**
 * The camera ratio that fits a box of nodes into a viewport, given the box's
 * size on screen at ratio 1 (sizes on screen scale with 1 / ratio).
 */
export function fitRatio(span: { width: number; height: number }, viewport: { width: number; height: number }): number {
  const room = { width: Math.max(1, viewport.width - 2 * margin), height: Math.max(1, viewport.height - 2 * margin) };
  return Math.max(span.width / room.width, span.height / room.height);
}
