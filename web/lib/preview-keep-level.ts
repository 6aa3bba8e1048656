/** Previews can nest this deep: a preview, and one preview opened from inside it. */
export const maxPreviewLevel = 2;

/** An open preview as the hover logic sees it. */
export interface OpenPreview<L> {
  level: number;
  /** The link that opened it. */
  source: L;
}

/**
 * How many preview levels stay open when the pointer (or focus) is at a place
 * described by `insideLevel` (the level of the preview it is in, 0 outside any)
 * and `link` (the link under it, if any). A preview stays while the pointer is
 * on it, inside a deeper one, or on the link that opened it.
 */
export function previewKeepLevel<L>(open: OpenPreview<L>[], insideLevel: number, link?: L): number {
  let keep = insideLevel;
  for (const p of open) if (link !== undefined && p.source === link) keep = Math.max(keep, p.level);
  return keep;
}
