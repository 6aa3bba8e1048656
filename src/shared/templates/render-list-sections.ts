import type { ListItem, ListSection } from '../types.ts';
import { formatDate } from '../format-date.ts';
import { escapeHtml } from '../html.ts';
import { withBase } from '../with-base.ts';

/**
 * Render the sections of a list page (tag, folder, start, search index) as
 * titled lists of links; sections without items are left out.
 */
export function renderListSections(sections: ListSection[], basePath: string): string {
  return sections
    .filter((s) => s.items.length > 0)
    .map((s) => {
      const title = s.url ? `<a href="${escapeHtml(withBase(basePath, s.url))}">${escapeHtml(s.title)}</a>` : escapeHtml(s.title);
      const heading = s.title ? `<h2 class="list-title">${title}</h2>` : '';
      return `<section class="list-section">${heading}<ul class="note-list">${s.items.map((i) => renderItem(i, basePath)).join('')}</ul></section>`;
    })
    .join('');
}

function renderItem(item: ListItem, basePath: string): string {
  const parts = [`<a class="note-list-title" href="${escapeHtml(withBase(basePath, item.url))}">${escapeHtml(item.title)}</a>`];
  if (item.count !== undefined) parts.push(` <span class="count">${item.count}</span>`);
  if (item.stage) parts.push(` <span class="stage" data-stage="${escapeHtml(item.stage)}">${escapeHtml(item.stage)}</span>`);
  const date = item.updated ? formatDate(item.updated) : undefined;
  if (date) parts.push(` <time datetime="${escapeHtml(item.updated!.slice(0, 10))}">${date}</time>`);
  if (item.description) parts.push(`<p class="note-list-description">${escapeHtml(item.description)}</p>`);
  return `<li>${parts.join('')}</li>`;
}
