import { formatDate } from '../format-date.ts';
import { escapeHtml } from '../html.ts';
import { tagSlug } from '../ids.ts';
import type { NoteProperty, PropertyLink, PropertyPart } from '../types.ts';
import { withBase } from '../with-base.ts';

type Property = NoteProperty<PropertyLink>;
type Part = PropertyPart<PropertyLink>;

/**
 * Render a note's properties panel, shown above its body as Obsidian shows it: a foldable
 * `<details open>` (folds without JavaScript) holding one row per property, its name then its
 * value by type. Every key and value is escaped; the only URLs are resolved note and attachment
 * paths and the http, https and mailto URLs the builder's URL policy let through.
 */
export function renderProperties(properties: readonly NoteProperty<PropertyLink>[] | undefined, basePath: string): string {
  if (!properties || properties.length === 0) return '';
  const rows = properties.map(
    (p) =>
      `<div class="property" data-property-type="${p.type}">` +
      `<dt class="property-key">${escapeHtml(p.key)}</dt>` +
      `<dd class="property-value">${renderValue(p, basePath)}</dd></div>`,
  );
  return `<details class="properties" open><summary class="properties-title">Properties</summary><dl class="property-list">${rows.join('')}</dl></details>`;
}

const empty = '<span class="property-empty">Empty</span>';

function renderValue(p: Property, base: string): string {
  switch (p.type) {
    case 'text':
      return p.value.length > 0 ? p.value.map((part) => renderPart(part, base)).join('') : empty;
    case 'list':
      return p.value.length > 0 ? pills(p.value.map((item) => item.map((part) => renderPart(part, base)).join(''))) : empty;
    case 'tags':
      return p.value.length > 0 ? pills(p.value.map((t) => `<a class="tag" href="${escapeHtml(withBase(base, tagSlug(t)))}">${escapeHtml(t)}</a>`)) : empty;
    case 'number':
      return `<data value="${p.value}">${p.value}</data>`;
    case 'checkbox':
      return `<input type="checkbox" class="property-checkbox" disabled${p.value ? ' checked' : ''} aria-label="${escapeHtml(p.key)}">`;
    case 'date':
    case 'datetime':
      return `<time datetime="${escapeHtml(p.value)}">${escapeHtml(dateText(p.value, p.type === 'datetime'))}</time>`;
  }
}

function pills(items: string[]): string {
  return `<ul class="property-pills">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** `21 Aug 2020`, or `21 Aug 2020 10:30` with the time as written (no time zone conversion). */
function dateText(iso: string, withTime: boolean): string {
  const day = formatDate(iso) ?? iso;
  return withTime ? `${day} ${iso.slice(11, 16)}` : day;
}

function renderPart(p: Part, base: string): string {
  if (typeof p === 'string') return escapeHtml(p);
  const text = escapeHtml(p.text);
  switch (p.kind) {
    case 'url':
      return `<a class="external" href="${escapeHtml(p.href)}" rel="noopener noreferrer">${text}</a>`;
    case 'link':
      return renderLink(p.link, text, base);
  }
}

/** The same markup as a wiki-link of the body with the same resolution. */
function renderLink(link: PropertyLink, text: string, base: string): string {
  switch (link.kind) {
    case 'note':
      return `<a class="internal" href="${escapeHtml(withBase(base, link.href))}" data-note="${escapeHtml(link.id)}">${text}</a>`;
    case 'self':
      return `<a class="internal self" href="${escapeHtml(link.href)}">${text}</a>`;
    case 'attachment':
      return `<a class="internal attachment" href="${escapeHtml(withBase(base, link.href))}">${text}</a>`;
    case 'missing': {
      const target = escapeHtml(link.target);
      return `<a class="internal unresolved" data-unresolved="${target}" title="Not written yet: ${target}" role="link" aria-disabled="true">${text}</a>`;
    }
    case 'unpublished':
      return `<span class="unpublished">${text}</span>`;
  }
}
