/**
 * A card's cover (Cards view, "Image property"): the image an attachment link or a path names, an
 * external image URL the media policy allows, or a hex colour (drawn as an SVG fill, no inline
 * style). Anything else leaves the cover empty.
 */
import { isAllowedUrl, urlScheme } from '../compile/render/url-policy.ts';
import { escapeHtml } from '../shared/html.ts';
import type { EvalError } from './expression/context.ts';
import type { LinkTarget, Row, Value } from './types.ts';

const imageExt = /\.(png|jpe?g|gif|webp|svg|avif|bmp|ico)$/i;
const hexColor = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** The cover HTML of an image property's value; `resolve` reads a path written as text. */
export function coverHtml(value: Value | EvalError, resolve: (target: string) => LinkTarget): string {
  const target = toTarget(value, resolve);
  if (target === undefined) return '';
  if (typeof target === 'string') {
    return `<svg class="base-card-color" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true"><rect width="1" height="1" fill="${escapeHtml(target)}"/></svg>`;
  }
  if (target.kind === 'row') return imageExt.test(target.row.path) ? img(target.row.href) : '';
  if (target.kind === 'url') return urlScheme(target.href) !== undefined && isAllowedUrl(target.href, 'media') ? img(target.href) : '';
  return '';
}

/** Where the value points, or the hex colour it is. */
function toTarget(value: Value | EvalError, resolve: (target: string) => LinkTarget): LinkTarget | string | undefined {
  if (Array.isArray(value)) return toTarget(value[0] ?? null, resolve);
  if (typeof value === 'string') {
    const text = value.trim();
    if (hexColor.test(text)) return text;
    return text === '' ? undefined : resolve(text);
  }
  if (value === null || typeof value !== 'object' || !('kind' in value)) return undefined;
  if (value.kind === 'link') return value.to;
  if (value.kind === 'file') return { kind: 'row', row: value.row as Row };
  return undefined;
}

function img(src: string): string {
  return `<img src="${escapeHtml(src)}" alt="" loading="lazy">`;
}
