/** A rectangle in viewport pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Space kept between the popover and the link, and between the popover and the viewport edge. */
const gap = 8;

/**
 * Where to put a popover of `size` for a link at `anchor` inside a viewport:
 * below the link when it fits, else above when there is more room there,
 * shifted sideways to stay on screen. Returns the popover's top-left corner.
 */
export function placePopover(anchor: Box, size: { width: number; height: number }, viewport: { width: number; height: number }): { left: number; top: number } {
  const below = viewport.height - (anchor.top + anchor.height) - gap;
  const above = anchor.top - gap;
  const top = size.height <= below || below >= above ? anchor.top + anchor.height + gap : Math.max(gap, anchor.top - gap - size.height);
  const maxLeft = viewport.width - size.width - gap;
  const left = Math.max(gap, Math.min(anchor.left, maxLeft));
  return { left, top };
}
