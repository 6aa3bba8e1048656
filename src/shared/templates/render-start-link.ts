import { escapeHtml } from '../html.ts';
import { withBase } from '../with-base.ts';

/** On the home page, the way in for a new reader: a link to "Start here" (series and entry points) below the title. */
export function renderStartLink(url: string, basePath: string): string {
  if (url !== '/') return '';
  return `<p class="start-here"><a href="${escapeHtml(withBase(basePath, '/start/'))}">Start here</a><span> · where to begin: series and entry points</span></p>`;
}
