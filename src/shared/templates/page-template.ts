/**
 * Page templates: complete HTML documents for notes, list pages and redirects.
 *
 * 1. Every page reads and links without JavaScript: the note article (shared
 *    with the app through render-note-article.ts), table of contents,
 *    breadcrumbs, backlinks, and a search link to the full index at `/search/`.
 * 2. The theme follows `prefers-color-scheme` in CSS; a tiny inline script only
 *    applies a stored explicit choice before first paint.
 * 3. Pages stay small: no graph or search data is ever inlined; the app loads
 *    them on demand.
 */
import type { AppAssets, ListPage, NoteData, SiteInfo, Slug } from '../types.ts';
import { escapeHtml } from '../html.ts';
import { renderListSections } from './render-list-sections.ts';
import { renderNoteArticle } from './render-note-article.ts';
import { renderToc } from './render-toc.ts';
import { themeStorageKey } from '../theme.ts';
import { withBase } from '../with-base.ts';
import { renderSiteHeader } from './render-site-header.ts';
import { renderExplorerPanel } from './render-explorer-panel.ts';
import { renderThemeStyle } from './render-theme-style.ts';
import { absoluteUrl } from '../absolute-url.ts';
import { renderHeadMeta } from './render-head-meta.ts';

/** What a note's page says about it beyond its data: a summary when it has no description, and its image (see render-head-meta.ts). */
export interface NotePageMeta {
  description?: string;
  image?: string;
}

/** Render the page of one note. */
export function renderNotePage(note: NoteData, site: SiteInfo, assets: AppAssets, meta: NotePageMeta = {}): string {
  const base = site.basePath;
  return renderDocument({
    site,
    assets,
    title: note.title,
    url: note.url,
    description: note.frontmatter.description ?? meta.description,
    image: meta.image,
    kind: 'note',
    math: note.html.includes('class="katex'),
    main: renderNoteArticle(note, base),
    toc: renderToc(note.headings),
  });
}

const listKinds: Record<ListPage['kind'], string> = {
  tag: 'Tag',
  tags: 'Index',
  folder: 'Folder',
  start: '',
  'not-found': 'Not found',
  search: 'Index',
  graph: '',
  topic: 'Topic',
  topics: 'Index',
  explorer: 'Index',
};

/** Render a page that is not a note: tag, tag index, folder, start, 404, search index or the global graph. */
export function renderListPage(page: ListPage, site: SiteInfo, assets: AppAssets): string {
  const base = site.basePath;
  // The notes a tag or folder page stands for, its nested tags' or subfolders' included (not its lists' items: a
  // nested tag or a subfolder is not a note).
  const count = page.count;
  const kicker = listKinds[page.kind];
  const meta = count !== undefined ? `<p class="note-meta"><span>${count} ${count === 1 ? 'note' : 'notes'}</span></p>` : '';
  const header =
    `<header class="note-header">${kicker ? `<p class="kicker">${kicker}</p>` : ''}` +
    `<h1 class="note-title" tabindex="-1">${escapeHtml(page.title)}</h1>${meta}</header>`;
  const intro = page.introHtml ?? defaultIntro(page, base);
  const body = intro ? `<div class="note-body">${intro}</div>` : '';
  const sections = renderListSections(page.sections, base);
  const main =
    page.kind === 'graph'
      ? `<garden-graph-view class="graph-page"><div class="graph-fallback">${header}${body}${sections}</div></garden-graph-view>`
      : `<article class="list-page" data-page-kind="${page.kind}">${header}${body}${sections}</article>`;
  return renderDocument({ site, assets, title: page.title, url: page.url, kind: page.kind, math: false, main, toc: '' });
}

/** Render a page that sends readers (and crawlers, via canonical) from an old URL to `to`, keeping the `#anchor`. */
export function renderRedirectPage(to: Slug, site: SiteInfo): string {
  const href = withBase(site.basePath, to);
  const canonical = site.url ? absoluteUrl(site.url, to) : href;
  return (
    `<!doctype html><html lang="${escapeHtml(site.lang ?? 'en')}"><head><meta charset="utf-8">` +
    `<title>Redirecting to ${escapeHtml(href)}</title>` +
    `<link rel="canonical" href="${escapeHtml(canonical)}"><meta name="robots" content="noindex">` +
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(href)}">` +
    `<script>location.replace(${scriptString(href)}+location.hash)</script>` +
    `</head><body><p>This page has moved to <a href="${escapeHtml(href)}">${escapeHtml(href)}</a>.</p></body></html>`
  );
}

interface DocumentParts {
  site: SiteInfo;
  assets: AppAssets;
  title: string;
  url: Slug;
  description?: string | undefined;
  image?: string | undefined;
  kind: 'note' | ListPage['kind'];
  math: boolean;
  main: string;
  toc: string;
}

function renderDocument(p: DocumentParts): string {
  const { site, assets } = p;
  const base = site.basePath;
  const asset = (path: string): string => escapeHtml(withBase(base, path));
  const description = p.description ?? site.description;
  const fullTitle = p.kind === 'start' ? site.title : `${p.title} · ${site.title}`;
  const styles = [...assets.styles, ...(p.math ? (assets.mathStyles ?? []) : [])];
  const mathCss = assets.mathStyles?.[0];
  const wide = p.kind === 'graph';
  const head = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(fullTitle)}</title>`,
    renderHeadMeta(
      { title: p.title, url: p.url, description, image: p.image, type: p.kind === 'note' ? 'article' : 'website', noindex: p.kind === 'not-found' },
      site,
    ),
    site.author ? `<meta name="author" content="${escapeHtml(site.author)}">` : '',
    `<meta name="color-scheme" content="light dark">`,
    `<link rel="icon" href="${site.favicon ? asset(site.favicon) : favicon}">`,
    `<script>try{var t=localStorage.getItem(${scriptString(themeStorageKey)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}</script>`,
    ...styles.map((s) => `<link rel="stylesheet" href="${asset(s)}">`),
    // The garden's theme, then its own stylesheet, after Trellis's: theirs win.
    renderThemeStyle(site.theme),
    site.stylesheet ? `<link rel="stylesheet" href="${asset(site.stylesheet)}">` : '',
    ...(assets.preload ?? []).map((s) => `<link rel="modulepreload" href="${asset(s)}">`),
    ...assets.scripts.map((s) => `<script type="module" src="${asset(s)}"></script>`),
  ];
  const sidebar = wide
    ? ''
    : `<aside class="sidebar" aria-label="Contents and graph"><div class="sidebar-inner"><div data-region="toc">${p.toc}</div><garden-local-graph></garden-local-graph></div></aside>`;
  return (
    `<!doctype html>\n<html lang="${escapeHtml(site.lang ?? 'en')}"><head>${head.filter(Boolean).join('')}</head>` +
    `<body><a class="skip-link" href="#main">Skip to content</a>` +
    `<garden-app base="${escapeHtml(base)}" page-kind="${p.kind}"${mathCss ? ` math-css="${asset(mathCss)}"` : ''}${site.features?.localGraphOpen !== false ? ' local-graph-open' : ''}>` +
    renderSiteHeader(site, p.kind, p.url) +
    `<div class="layout" data-layout="${wide ? 'wide' : 'note'}">${renderExplorerPanel(site, p.kind, p.url)}<main id="main" tabindex="-1">${p.main}</main>${sidebar}</div>` +
    `<footer class="site-footer"><p>${escapeHtml(site.title)} · grown with Trellis</p></footer>` +
    `</garden-app></body></html>\n`
  );
}

/** A sprout on a green tile, inline so no page ever requests /favicon.ico. */
const favicon =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%232e6c5b'/%3E" +
  "%3Cpath d='M16 26V15m0 2c0-5 4-8 9-8 0 5-4 8-9 8Zm0-1c0-4-3-7-8-7 0 4 3 7 8 7Z' fill='%23fff' stroke='%23fff' stroke-width='1.5' stroke-linejoin='round'/%3E%3C/svg%3E";

function defaultIntro(page: ListPage, base: string): string {
  switch (page.kind) {
    case 'not-found':
      return `<p>There is no note at this address. It may have moved or been renamed. Try <a href="${escapeHtml(withBase(base, '/search/'))}">searching</a>, or start from the <a href="${escapeHtml(withBase(base, '/'))}">home page</a>.</p>`;
    case 'search':
      return `<p>Every note of the garden, A to Z. Press <kbd>/</kbd> to search as you type.</p>`;
    case 'graph':
      return `<p>The interactive graph needs JavaScript. The main topics and their central notes:</p>`;
    case 'topics':
      return `<p>The topics of this garden, found in its links (communities of the link graph), each with its most central notes.</p>`;
    case 'explorer':
    case 'topic':
    case 'tag':
    case 'tags':
    case 'folder':
    case 'start':
      return '';
  }
}

/** A JavaScript string literal that is safe inside an inline `<script>`. */
function scriptString(text: string): string {
  return JSON.stringify(text).replace(/</g, '\\u003c');
}
