/**
 * The three layouts Trellis draws, as static HTML that reads without JavaScript: a table (a
 * column per property, a `<tbody>` per group), a grid of cards (an optional cover, the file as
 * the title, then the properties as a list of names and values) and a list (the file, then its
 * non-empty properties). Cells arrive as HTML, already escaped (render-value.ts).
 */
import { escapeHtml } from '../shared/html.ts';
import type { RowGroup, ViewRows } from './run-view.ts';
import type { PropertyRef, Row } from './types.ts';

/** A column: its property and header text. */
export interface Column {
  ref: PropertyRef;
  label: string;
}

/** What a layout draws with: the cell HTML of a row's property, a group's heading HTML, a card's cover. */
export interface LayoutParts {
  cell(row: Row, ref: PropertyRef): string;
  groupLabel(group: RowGroup): string;
  title(row: Row): string;
  cover?(row: Row): string;
}

/** A table of `result` with `columns`. */
export function renderTable(columns: readonly Column[], result: ViewRows, parts: LayoutParts): string {
  const head = `<thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('')}</tr></thead>`;
  const row = (r: Row) => `<tr>${columns.map((c) => `<td>${parts.cell(r, c.ref)}</td>`).join('')}</tr>`;
  const bodies = result.groups
    ? result.groups.map(
        (g) =>
          `<tbody class="base-group"><tr class="base-group-heading"><th scope="rowgroup" colspan="${columns.length}">${parts.groupLabel(g)}</th></tr>${g.rows.map(row).join('')}</tbody>`,
      )
    : [`<tbody>${result.rows.map(row).join('')}</tbody>`];
  return `<div class="base-table-scroll"><table class="base-table">${head}${bodies.join('')}</table></div>`;
}

/** A grid of cards of `result`, each listing `columns`. */
export function renderCards(columns: readonly Column[], result: ViewRows, parts: LayoutParts, fit: 'cover' | 'contain'): string {
  const card = (r: Row) => {
    const fields = columns
      .map((c) => ({ c, html: parts.cell(r, c.ref) }))
      .filter((f) => f.html !== '')
      .map((f) => `<div class="base-card-field"><dt>${escapeHtml(f.c.label)}</dt><dd>${f.html}</dd></div>`)
      .join('');
    const cover = parts.cover ? `<div class="base-card-cover">${parts.cover(r)}</div>` : '';
    return `<li class="base-card">${cover}<div class="base-card-body"><p class="base-card-title">${parts.title(r)}</p>${fields ? `<dl class="base-card-fields">${fields}</dl>` : ''}</div></li>`;
  };
  const grid = (rows: readonly Row[]) => `<ul class="base-cards" data-image-fit="${fit}">${rows.map(card).join('')}</ul>`;
  return grouped(result, grid, parts);
}

/** A list of `result`: each file, then its non-empty `columns`. */
export function renderList(columns: readonly Column[], result: ViewRows, parts: LayoutParts): string {
  const item = (r: Row) => {
    const fields = columns.map((c) => parts.cell(r, c.ref)).filter((html) => html !== '');
    return `<li>${parts.title(r)}${fields.map((f) => `<span class="base-list-field">${f}</span>`).join('')}</li>`;
  };
  return grouped(result, (rows) => `<ul class="base-list">${rows.map(item).join('')}</ul>`, parts);
}

function grouped(result: ViewRows, draw: (rows: readonly Row[]) => string, parts: LayoutParts): string {
  if (!result.groups) return draw(result.rows);
  return result.groups.map((g) => `<section class="base-group"><p class="base-group-heading">${parts.groupLabel(g)}</p>${draw(g.rows)}</section>`).join('');
}
