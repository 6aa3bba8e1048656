import { slugifySegment } from '../ids.ts';
import type { NotePath } from '../types.ts';
import { escapeHtml } from '../html.ts';
import { withBase } from '../with-base.ts';

/**
 * Render the folder trail of a note (`Home / Folder / Sub`) as links to the
 * folder pages (`/folder/`, `/folder/sub/`), or '' for a note at the root.
 */
export function renderBreadcrumbs(path: NotePath, basePath: string): string {
  const folders = path.split('/').slice(0, -1);
  if (folders.length === 0) return '';
  const items = [`<li><a href="${escapeHtml(withBase(basePath, '/'))}">Home</a></li>`];
  let url = '/';
  for (const folder of folders) {
    url += slugifySegment(folder) + '/';
    items.push(`<li><a href="${escapeHtml(withBase(basePath, url))}">${escapeHtml(folder)}</a></li>`);
  }
  return `<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol>${items.join('')}</ol></nav>`;
}
