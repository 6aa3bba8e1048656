import type { ListItem } from '../types.ts';
import { renderListSections } from './render-list-sections.ts';

/** Render the home page's "Recently tended" list. */
export function renderRecent(recent: ListItem[] | undefined, basePath: string): string {
  if (!recent || recent.length === 0) return '';
  return `<section class="recently-tended" aria-label="Recently tended">${renderListSections([{ title: 'Recently tended', items: recent }], basePath)}</section>`;
}
