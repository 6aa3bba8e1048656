/**
 * The HTML of a resolved link, written where the compile stage left its placeholders
 * (compile/render/markers.ts): the tags around a link's text, and the element of an embedded file.
 * Resolved links become internal anchors, unresolved ones visibly unresolved anchors without `href`
 * (never a 404), links to unpublished notes plain text.
 */
import { escapeHtml } from '../shared/html.ts';
import { displayText } from '../shared/links/link-ref.ts';
import type { LinkRef, NoteId, Resolution } from '../shared/types.ts';
import { withBase } from '../shared/with-base.ts';

/** The URL of a published note (with the site's base path), if it has one. */
export type UrlOf = (id: NoteId) => string | undefined;

/** URL of an attachment copied to dist/ under its vault path, below the site's base path (`/` by default). */
export function attachmentUrl(path: string, basePath = '/'): string {
  return withBase(basePath, '/' + path.split('/').map(encodeURIComponent).join('/'));
}

/** The opening and closing tags around the text of a link resolved to `r`. */
export function linkTags(r: Resolution, ref: LinkRef, urlOf: UrlOf, basePath = '/'): [string, string] {
  switch (r.kind) {
    case 'note': {
      const url = urlOf(r.target);
      if (!url) return ['<span>', '</span>'];
      return [`<a href="${escapeHtml(url + anchorHash(r))}" class="internal" data-note="${escapeHtml(r.target)}">`, '</a>'];
    }
    case 'self':
      return [`<a href="${escapeHtml(anchorHash(r) || '#')}" class="internal self">`, '</a>'];
    case 'attachment':
      return [`<a href="${escapeHtml(attachmentUrl(r.path, basePath))}" class="internal attachment">`, '</a>'];
    case 'unpublished':
      return ['<span class="unpublished">', '</span>'];
    case 'missing':
      return [
        `<a class="internal unresolved" data-unresolved="${escapeHtml(ref.target)}" title="${escapeHtml(`Not written yet: ${ref.target}`)}" role="link" aria-disabled="true">`,
        '</a>',
      ];
  }
}

function anchorHash(r: Extract<Resolution, { kind: 'note' | 'self' }>): string {
  if (!r.anchor) return '';
  return '#' + (r.anchor.kind === 'block' ? '^' + r.anchor.id : r.anchor.id);
}

const imageExt = /\.(png|jpe?g|gif|webp|svg|avif|bmp|ico)$/i;
const audioExt = /\.(mp3|wav|ogg|m4a|flac)$/i;
const videoExt = /\.(mp4|webm|mov|mkv|ogv)$/i;

/**
 * The element of a wiki embed that is not a transclusion: an attachment as image, audio, video,
 * PDF frame or link, and anything else (missing, unpublished) as a link.
 */
export function embedHtml(r: Resolution, ref: LinkRef, urlOf: UrlOf, basePath = '/'): string {
  if (r.kind === 'attachment') {
    const src = escapeHtml(attachmentUrl(r.path, basePath));
    const size = (ref.width ? ` width="${ref.width}"` : '') + (ref.height ? ` height="${ref.height}"` : '');
    if (imageExt.test(r.path)) return `<img src="${src}" alt="${escapeHtml(ref.alias ?? ref.target)}" loading="lazy"${size}>`;
    if (audioExt.test(r.path)) return `<audio src="${src}" controls preload="metadata"></audio>`;
    if (videoExt.test(r.path)) return `<video src="${src}" controls preload="metadata"${size}></video>`;
    if (/\.pdf$/i.test(r.path)) {
      return `<iframe src="${src}" class="embed-pdf" title="${escapeHtml(ref.target)}" loading="lazy" width="100%" height="${ref.height ?? 600}"></iframe>`;
    }
  }
  const [open, close] = linkTags(r, ref, urlOf, basePath);
  return open + escapeHtml(ref.alias ?? displayText(written(ref))) + close;
}

/** A link's target and anchor as written (`Note#Heading`, `Note#^block`). */
function written(ref: LinkRef): string {
  return ref.target + (ref.block ? `#^${ref.block}` : ref.headings.map((h) => '#' + h).join(''));
}

/** A Markdown image's `<img src="…">` (written by the compile stage) pointed at the attachment its URL resolved to. */
export function pointImage(html: string, r: Resolution, basePath = '/'): string {
  const start = '<img src="';
  if (r.kind !== 'attachment' || !html.startsWith(start)) return html;
  const end = html.indexOf('"', start.length);
  return start + escapeHtml(attachmentUrl(r.path, basePath)) + html.slice(end);
}
