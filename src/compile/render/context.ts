/** What rendering a note needs to know about the rest of the garden. */
import type { Highlighter } from './highlighter.ts';
import type { LinkIndex } from '../../shared/links/link-index.ts';
import type { NoteId, Slug } from '../../shared/types.ts';

/** Read-only context for rendering one note. */
export interface RenderContext {
  index: LinkIndex;
  /** URL of every published note. */
  urls: ReadonlyMap<NoteId, Slug>;
  /** Marker that makes embed placeholders unforgeable by note content. */
  nonce: string;
  highlighter?: Highlighter;
}

/** URL of an attachment copied to dist/ under its vault path. */
export function attachmentUrl(path: string): string {
  return '/' + path.split('/').map(encodeURIComponent).join('/');
}

/** The start of every embed placeholder comment's text for a note rendered with `nonce`. */
export function embedMarkerPrefix(nonce: string): string {
  return `trellis-embed:${nonce}:`;
}

/** The placeholder comment for embed number `linkIndex`. */
export function embedMarker(nonce: string, linkIndex: number): string {
  return embedMarkerPrefix(nonce) + linkIndex;
}

/** The start of every embed placeholder in a note's rendered HTML. */
export function embedMarkerHtmlPrefix(nonce: string): string {
  return `<!--${embedMarkerPrefix(nonce)}`;
}
