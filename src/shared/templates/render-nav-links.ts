/** The configuration's header links, after the site's own. */
import { escapeHtml } from '../html.ts';
import type { NavLink } from '../types.ts';
import { withBase } from '../with-base.ts';

/** Render `nav` as header links: site paths get the base path, absolute URLs are kept; `current` marks the page's own. */
export function renderNavLinks(nav: readonly NavLink[] | undefined, basePath: string, current: string): string {
  return (nav ?? [])
    .map((link) => {
      // Only site paths and http(s) URLs pass the configuration's schema; anything else is left out.
      const site = link.url.startsWith('/') && !link.url.startsWith('//');
      if (!site && !/^https?:\/\//i.test(link.url)) return '';
      const href = site ? withBase(basePath, link.url) : link.url;
      return `<a href="${escapeHtml(href)}"${site && link.url === current ? ' aria-current="page"' : ''}>${escapeHtml(link.title)}</a>`;
    })
    .join('');
}
