import type { SeriesPosition } from '../types.ts';
import { escapeHtml } from '../html.ts';
import { withBase } from '../with-base.ts';

/** Render the series footer of a note: where the reader is, and links to the previous and next parts. */
export function renderSeriesNav(series: SeriesPosition | undefined, basePath: string): string {
  if (!series) return '';
  const link = (rel: 'prev' | 'next', label: string, to: SeriesPosition['prev']) =>
    to
      ? `<a class="series-${rel}" rel="${rel}" href="${escapeHtml(withBase(basePath, to.url))}"><span class="series-dir">${label}</span> ${escapeHtml(to.title)}</a>`
      : `<span class="series-${rel}" aria-hidden="true"></span>`;
  return (
    `<nav class="series-nav" aria-label="Series">` +
    `<p class="series-where">Part ${series.position} of ${series.total} in <strong>${escapeHtml(series.name)}</strong></p>` +
    `<div class="series-links">${link('prev', '← Previous', series.prev)}${link('next', 'Next →', series.next)}</div>` +
    `</nav>`
  );
}
