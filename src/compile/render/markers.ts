/**
 * Placeholders that a compiled note leaves where its links and embeds go. Compiling a note does
 * not resolve its links (the resolve stage does, once, for the whole garden), so the HTML of a
 * link's tag, an embedded image or a transcluded note is written by the assemble stage in place of
 * these comments. Each carries the build's nonce, which note content cannot guess, so a comment a
 * note writes itself is never taken for one.
 *
 * - `embed`: a block-level embed (a note, a section, or anything that is not known media); the
 *   paragraph around it is split so a transclusion is never inside `<p>`;
 * - `media`: an inline embed of an image, audio, video or PDF file (by its extension);
 * - `link` and `link-end`: around a link's rendered text, replaced by the opening and closing tag;
 * - `base`: a ```` ```base ```` block (or a `.base` page's view), numbered by base, not by link (src/bases/).
 */

import type { LinkRef } from '../../shared/types.ts';

/** The kinds of placeholder. */
export type MarkerKind = 'embed' | 'media' | 'link' | 'link-end' | 'base';

/** What every placeholder's HTML starts with. */
export const markerStart = '<!--trellis-';

/** The comment text of the placeholder of `kind` for link number `linkIndex`. */
export function marker(kind: MarkerKind, nonce: string, linkIndex: number): string {
  return `trellis-${kind}:${nonce}:${linkIndex}`;
}

/** The start of every placeholder of `kind` in HTML compiled with `nonce`. */
export function markerHtmlPrefix(kind: MarkerKind, nonce: string): string {
  return `${markerStart}${kind}:${nonce}:`;
}

/** A placeholder found in HTML. */
export interface FoundMarker {
  kind: MarkerKind;
  linkIndex: number;
  /** Offset just past the placeholder's `-->`. */
  end: number;
}

const kinds = new Set<string>(['embed', 'media', 'link', 'link-end', 'base']);

/** The placeholder that starts at `at` in `html` (where `markerStart` was found), if it is one of this nonce's. */
export function readMarker(html: string, at: number, nonce: string): FoundMarker | undefined {
  const from = at + markerStart.length;
  const close = html.indexOf('-->', from);
  if (close < 0) return undefined;
  const [kind, found, index] = html.slice(from, close).split(':');
  if (kind === undefined || !kinds.has(kind) || found !== nonce || index === undefined || !/^\d+$/.test(index)) return undefined;
  return { kind: kind as MarkerKind, linkIndex: Number(index), end: close + 3 };
}

const mediaExt = /\.(png|jpe?g|gif|webp|svg|avif|bmp|ico|mp3|wav|ogg|m4a|flac|mp4|webm|mov|mkv|ogv|pdf)$/i;

/**
 * Whether an embed is a block (a note, a section, or a file that is not known media) rather than
 * inline media: a wiki embed by its target's extension, a Markdown image when it names a `.md` file.
 */
export function isBlockEmbed(ref: Pick<LinkRef, 'kind' | 'syntax' | 'target'>): boolean {
  if (ref.kind !== 'embed') return false;
  return ref.syntax === 'markdown' ? /\.md$/i.test(ref.target) : !mediaExt.test(ref.target);
}
