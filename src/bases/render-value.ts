/**
 * The HTML of a value in a view's cell or card: texts escaped, links as the body draws links
 * (resolved note and attachment URLs; a URL only when the URL policy allows it), tags as tag
 * links, lists as pills, checkboxes read-only, dates as `5 Mar 2024`. A value that could not be
 * computed shows `Error` with its reason as a tooltip.
 */
import { linkTags, type UrlOf } from '../assemble/link-html.ts';
import { isAllowedUrl } from '../compile/render/url-policy.ts';
import { formatDate } from '../shared/format-date.ts';
import { escapeHtml } from '../shared/html.ts';
import { tagSlug } from '../shared/ids.ts';
import type { NoteProperty, PropertyPart } from '../shared/types.ts';
import { EvalError } from './expression/context.ts';
import { formatDate as formatBaseDate } from './expression/dates.ts';
import type { LinkValue, PropertyRef, Row, Value } from './types.ts';

/** How a cell is drawn: the value, and what it is (a note property keeps its written form; `file.tags` are tags). */
export interface Cell {
  ref: PropertyRef;
  row: Row;
  value: Value | EvalError;
  urlOf: UrlOf;
}

/** The HTML of a cell. */
export function renderCell({ ref, row, value, urlOf }: Cell): string {
  if (value instanceof EvalError) return `<span class="base-error" title="${escapeHtml(value.message)}">Error</span>`;
  if (ref.kind === 'note') {
    const lower = ref.name.toLowerCase();
    const p = row.properties.find((x) => x.key === ref.name) ?? row.properties.find((x) => x.key.toLowerCase() === lower);
    if (p) return renderProperty(p, row, urlOf);
  }
  if (ref.kind === 'file' && ref.name === 'tags' && Array.isArray(value)) return pills(value.map((t) => tagLink(String(t).replace(/^#/, ''))));
  if (ref.kind === 'file' && ref.name === 'name') return rowLink(row, row.ext === 'md' ? row.basename : row.name);
  return renderValue(value, urlOf, ref.name);
}

/** The HTML of any value. */
export function renderValue(v: Value, urlOf: UrlOf, label = ''): string {
  if (v === null) return '';
  if (typeof v === 'string') return escapeHtml(v);
  if (typeof v === 'number') return escapeHtml(String(v));
  if (typeof v === 'boolean') return checkbox(v, label);
  if (Array.isArray(v)) return v.length > 0 ? pills(v.map((item) => renderValue(item, urlOf, label))) : '';
  switch (v.kind) {
    case 'date': {
      const iso = new Date(v.ms).toISOString();
      const text = (formatDate(iso) ?? iso.slice(0, 10)) + (v.time ? ' ' + formatBaseDate(v, 'HH:mm') : '');
      return `<time datetime="${escapeHtml(v.time ? iso : iso.slice(0, 10))}">${escapeHtml(text)}</time>`;
    }
    case 'link':
      return renderLink(v, urlOf);
    case 'file':
      return rowLink(v.row, v.row.ext === 'md' ? v.row.basename : v.row.name);
    case 'object':
      return escapeHtml(JSON.stringify(Object.fromEntries(v.keys().map((k) => [k, String(v.get(k))]))));
  }
}

/** A link to a row's page (a note) or file (an attachment). */
export function rowLink(row: Row, text: string): string {
  const href = escapeHtml(row.href);
  if (row.noteId === undefined) return `<a class="internal attachment" href="${href}">${escapeHtml(text)}</a>`;
  return `<a class="internal" href="${href}" data-note="${escapeHtml(row.noteId)}">${escapeHtml(text)}</a>`;
}

function renderLink(link: LinkValue, urlOf: UrlOf): string {
  const text = escapeHtml(link.text);
  if (link.resolved) {
    const [open, close] = linkTags(link.resolved.resolution, link.resolved.ref, urlOf);
    return open + text + close;
  }
  switch (link.to.kind) {
    case 'row':
      return rowLink(link.to.row, link.text);
    case 'url':
      return isAllowedUrl(link.to.href, 'link') ? `<a class="external" href="${escapeHtml(link.to.href)}" rel="noopener noreferrer">${text}</a>` : text;
    case 'missing': {
      // As the body draws a link to a note not written yet (link-html.ts): no `href`, never a 404.
      const target = escapeHtml(link.to.target);
      return `<a class="internal unresolved" data-unresolved="${target}" title="Not written yet: ${target}" role="link" aria-disabled="true">${text}</a>`;
    }
    case 'unpublished':
      return `<span class="unpublished">${text}</span>`;
  }
}

/** A frontmatter property as the properties panel shows it. */
function renderProperty(p: NoteProperty<number>, row: Row, urlOf: UrlOf): string {
  switch (p.type) {
    case 'text':
      return p.value.map((part) => renderPart(part, row, urlOf)).join('');
    case 'list':
      return p.value.length > 0 ? pills(p.value.map((item) => item.map((part) => renderPart(part, row, urlOf)).join(''))) : '';
    case 'tags':
      return p.value.length > 0 ? pills(p.value.map(tagLink)) : '';
    case 'number':
      return escapeHtml(String(p.value));
    case 'checkbox':
      return checkbox(p.value, p.key);
    case 'date':
    case 'datetime': {
      const text = (formatDate(p.value) ?? p.value) + (p.type === 'datetime' ? ' ' + p.value.slice(11, 16) : '');
      return `<time datetime="${escapeHtml(p.value)}">${escapeHtml(text)}</time>`;
    }
  }
}

function renderPart(part: PropertyPart<number>, row: Row, urlOf: UrlOf): string {
  if (typeof part === 'string') return escapeHtml(part);
  if (part.kind === 'url') return `<a class="external" href="${escapeHtml(part.href)}" rel="noopener noreferrer">${escapeHtml(part.text)}</a>`;
  const link = row.links[part.link];
  if (!link) return escapeHtml(part.text);
  const [open, close] = linkTags(link.resolution, link.ref, urlOf);
  return open + escapeHtml(part.text) + close;
}

function tagLink(tag: string): string {
  return `<a class="tag" href="${escapeHtml(tagSlug(tag))}" data-tag="${escapeHtml(tag)}">#${escapeHtml(tag)}</a>`;
}

function checkbox(checked: boolean, label: string): string {
  return `<input type="checkbox" class="base-checkbox" disabled${checked ? ' checked' : ''}${label ? ` aria-label="${escapeHtml(label)}"` : ''}>`;
}

function pills(items: string[]): string {
  return `<ul class="base-pills">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}
