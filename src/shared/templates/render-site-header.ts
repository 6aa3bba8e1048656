/**
 * The site header every page shares: the explorer button (opens the sidebar
 * drawer; without JavaScript, a link to the folder tree page), the site's
 * title, its links, search and the theme toggle.
 */
import { escapeHtml } from '../html.ts';
import type { ListPage, SiteInfo, Slug } from '../types.ts';
import { withBase } from '../with-base.ts';
import { renderNavLinks } from './render-nav-links.ts';

/** What kind of page the header sits on: a note or a list page. */
export type PageKind = 'note' | ListPage['kind'];

/** The site's own links, in header order: "Start here" first, where a new reader looks. */
const siteLinks: { path: string; text: string; kinds: PageKind[] }[] = [
  { path: '/start/', text: 'Start here', kinds: ['start'] },
  { path: '/explorer/', text: 'Notes', kinds: ['explorer'] },
  { path: '/topics/', text: 'Topics', kinds: ['topic', 'topics'] },
  { path: '/graph/', text: 'Graph', kinds: ['graph'] },
  { path: '/tags/', text: 'Tags', kinds: ['tag', 'tags'] },
];

/** The site's links and the configuration's, as `<a>` elements; `current` marks the page's own. */
export function renderSiteLinks(site: SiteInfo, kind: PageKind, url: Slug): string {
  const own = siteLinks
    .map(({ path, text, kinds }) => {
      const current = kinds.includes(kind);
      return `<a href="${escapeHtml(withBase(site.basePath, path))}"${current ? ' aria-current="page"' : ''}>${text}</a>`;
    })
    .join('');
  // A configured link to one of the site's own pages (gardens made before "Start here" was built in add it) is not repeated.
  const nav = (site.nav ?? []).filter((link) => !siteLinks.some((own) => own.path === link.url));
  return own + renderNavLinks(nav, site.basePath, url);
}

/** Render the header of a page of `kind` at `url`. */
export function renderSiteHeader(site: SiteInfo, kind: PageKind, url: Slug): string {
  const base = site.basePath;
  return (
    `<header class="site-header"><div class="site-header-inner">` +
    `<a class="explorer-toggle" href="${escapeHtml(withBase(base, '/explorer/'))}" data-action="explorer" aria-label="Browse notes" title="Browse notes"><span aria-hidden="true"></span></a>` +
    `<a class="site-title" href="${escapeHtml(withBase(base, '/'))}">` +
    (site.logo ? `<img class="site-logo" src="${escapeHtml(withBase(base, site.logo))}" alt="" height="28">` : '') +
    `<span class="site-title-text">${escapeHtml(site.title)}</span></a>` +
    `<nav class="site-nav" aria-label="Site">${renderSiteLinks(site, kind, url)}</nav>` +
    `<a class="search-link" href="${escapeHtml(withBase(base, '/search/'))}" data-action="search" aria-label="Search">` +
    `<span>Search</span><kbd aria-hidden="true">/</kbd></a>` +
    `<garden-theme-toggle></garden-theme-toggle>` +
    `</div></header>`
  );
}
