/**
 * The explorer's place on every page: a column beside the article on wide
 * screens, a drawer (opened from the header's explorer button) on narrow ones.
 * The page carries no part of the tree: `<garden-explorer>` loads the folders
 * it shows (src/shared/explorer-data.ts). Its width is reserved by the page's
 * grid, so nothing moves when the tree arrives; without JavaScript the column
 * holds a link to the folder tree page.
 */
import { escapeHtml } from '../html.ts';
import type { SiteInfo, Slug } from '../types.ts';
import { withBase } from '../with-base.ts';
import { renderSiteLinks, type PageKind } from './render-site-header.ts';

/** Render the explorer panel of a page of `kind` at `url` (the tree reveals the page's note by itself, from the app's store). */
export function renderExplorerPanel(site: SiteInfo, kind: PageKind, url: Slug): string {
  const base = site.basePath;
  return (
    `<garden-explorer-panel class="explorer-panel" id="explorer">` +
    `<div class="explorer-panel-inner" role="navigation" aria-label="Notes">` +
    `<div class="explorer-drawer-head"><span class="explorer-drawer-title">${escapeHtml(site.title)}</span>` +
    `<button class="explorer-close" type="button" hidden aria-label="Close">×</button></div>` +
    `<nav class="explorer-site-links" aria-label="Site">${renderSiteLinks(site, kind, url)}</nav>` +
    `<garden-explorer base="${escapeHtml(base)}">` +
    `<a class="explorer-fallback" href="${escapeHtml(withBase(base, '/explorer/'))}">All notes by folder</a>` +
    `</garden-explorer></div></garden-explorer-panel>`
  );
}
