import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderListPage, renderNotePage, renderRedirectPage } from '../src/shared/templates/page-template.ts';
import type { AppAssets, ListPage, SiteInfo, Slug } from '../src/shared/types.ts';
import { fixtureGraph, fixtureNotes } from './browser/fixture-notes.ts';

const site: SiteInfo = { title: 'My Garden', basePath: '/', url: 'https://example.org/', description: 'Notes.' };
const assets: AppAssets = {
  scripts: ['/_app/assets/main-abc.js'],
  styles: ['/_app/assets/main-abc.css'],
  preload: ['/_app/assets/chunk-def.js'],
  mathStyles: ['/_app/assets/katex-123.css'],
};
const raft = fixtureNotes[0]!;

function parse(html: string): Document {
  const window = new Window({ url: 'https://example.org/' });
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('renderNotePage', () => {
  const html = renderNotePage(raft, site, assets);
  const doc = parse(html);

  it('is a complete document with title, description, canonical and the app assets', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(doc.title).toBe('Raft · My Garden');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('Notes.');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/distributed-systems/raft/');
    expect([...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href'))).toEqual(['/_app/assets/main-abc.css']);
    expect(doc.querySelector('script[type="module"]')?.getAttribute('src')).toBe('/_app/assets/main-abc.js');
    expect(doc.querySelector('link[rel="modulepreload"]')?.getAttribute('href')).toBe('/_app/assets/chunk-def.js');
  });

  it('applies a stored theme before paint with a tiny inline script, and otherwise leaves it to CSS', () => {
    const inline = [...doc.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '');
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('localStorage.getItem("trellis-theme")');
    expect(inline[0]!.length).toBeLessThan(200);
    expect(doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
  });

  it('contains the whole note, readable without JavaScript', () => {
    const article = doc.querySelector('main#main > article.note')!;
    expect(article.getAttribute('data-note-id')).toBe('Distributed Systems/Raft');
    expect(article.querySelector('h1')?.textContent).toBe('Raft');
    expect(article.querySelector('.note-meta')?.textContent).toContain('Planted 12 Jan 2024');
    expect(article.querySelector('.stage')?.textContent).toBe('Evergreen');
    expect([...article.querySelectorAll('.tags a')].map((a) => a.getAttribute('href'))).toEqual(['/tags/consensus/', '/tags/distributed/replication/']);
    expect([...article.querySelectorAll('.breadcrumbs a')].map((a) => a.textContent)).toEqual(['Home', 'Distributed Systems']);
    expect(article.querySelector('.note-body a.internal')?.getAttribute('href')).toBe('/distributed-systems/paxos/');
  });

  it('lists backlinks with their context and the link text highlighted', () => {
    const section = doc.querySelector('section[aria-label="Backlinks"]')!;
    const items = [...section.querySelectorAll('li.backlink')];
    expect(items.map((li) => li.querySelector('a')?.textContent)).toEqual(['Consensus', 'Paxos']);
    expect(items[0]!.querySelector('.backlink-context')?.textContent).toContain('Start with Raft, then read about Paxos.');
    expect(items[0]!.querySelector('mark')?.textContent).toBe('Raft');
  });

  it('has a table of contents, a search entry point that works without JavaScript, and site navigation', () => {
    expect([...doc.querySelectorAll('.sidebar .toc a')].map((a) => a.getAttribute('href'))).toEqual(['#leader-election', '#log-replication', '#safety']);
    const search = doc.querySelector('a.search-link')!;
    expect(search.getAttribute('href')).toBe('/search/');
    expect(search.getAttribute('aria-label')).toBe('Search');
    expect([...doc.querySelectorAll('header nav[aria-label="Site"] a')].map((a) => a.getAttribute('href'))).toEqual([
      '/start/',
      '/explorer/',
      '/topics/',
      '/graph/',
      '/tags/',
    ]);
    // The drawer repeats them for phones, where the header has no room; the explorer button works as a link without JavaScript.
    expect([...doc.querySelectorAll('.explorer-panel nav[aria-label="Site"] a')].map((a) => a.getAttribute('href'))).toEqual([
      '/start/',
      '/explorer/',
      '/topics/',
      '/graph/',
      '/tags/',
    ]);
    expect(doc.querySelector('a.explorer-toggle')?.getAttribute('href')).toBe('/explorer/');
    expect(doc.querySelector('garden-explorer a')?.getAttribute('href')).toBe('/explorer/');
    expect(doc.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
  });

  it('never inlines graph or search data', () => {
    expect(html).not.toContain('"links":');
    expect(html).not.toContain(fixtureGraph.topics![0]!.color);
    expect(html).not.toContain('_search/');
  });

  it('links the math stylesheet only for notes with math', () => {
    expect(html).not.toContain('<link rel="stylesheet" href="/_app/assets/katex-123.css">');
    expect(doc.querySelector('garden-app')?.getAttribute('math-css')).toBe('/_app/assets/katex-123.css');
    const math = renderNotePage({ ...raft, html: '<p><span class="katex">x</span></p>' }, site, assets);
    expect(math).toContain('<link rel="stylesheet" href="/_app/assets/katex-123.css">');
  });

  it('prefixes every site URL with the base path', () => {
    const sub = parse(renderNotePage(raft, { ...site, basePath: '/garden/', url: undefined }, assets));
    const hrefs = [...sub.querySelectorAll('header a, .breadcrumbs a, .tags a, .backlinks a, link[rel="stylesheet"]')].map((a) => a.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(8);
    expect(hrefs.filter((h) => !h.startsWith('/garden/'))).toEqual([]);
    expect(sub.querySelector('script[type="module"]')?.getAttribute('src')).toBe('/garden/_app/assets/main-abc.js');
    expect(sub.querySelector('garden-app')?.getAttribute('base')).toBe('/garden/');
    expect(sub.querySelector('link[rel="canonical"]')).toBeNull();
  });

  it('escapes titles and descriptions', () => {
    const page = renderNotePage({ ...raft, title: '<b>"Raft"</b>', frontmatter: { ...raft.frontmatter, description: 'a "quoted" <desc>' } }, site, assets);
    expect(page).toContain('<title>&lt;b&gt;&quot;Raft&quot;&lt;/b&gt; · My Garden</title>');
    expect(page).toContain('<meta name="description" content="a &quot;quoted&quot; &lt;desc&gt;">');
  });

  it('matches the reviewed page snapshot', () => {
    expect(html).toMatchSnapshot();
  });
});

describe('renderListPage', () => {
  const items = fixtureNotes.map((n) => ({ title: n.title, url: n.url }));
  const page = (extra: Partial<ListPage>): ListPage => ({
    kind: 'tag',
    url: '/tags/consensus/' as Slug,
    title: '#consensus',
    count: items.length,
    sections: [{ title: 'Notes', items }],
    ...extra,
  });

  it('renders a tag page with a count and links to the notes', () => {
    const doc = parse(renderListPage(page({}), site, assets));
    expect(doc.title).toBe('#consensus · My Garden');
    expect(doc.querySelector('.kicker')?.textContent).toBe('Tag');
    expect(doc.querySelector('.note-meta')?.textContent).toBe('4 notes');
    expect([...doc.querySelectorAll('.note-list a')].map((a) => a.getAttribute('href'))).toEqual(fixtureNotes.map((n) => n.url));
    expect(doc.querySelector('garden-app')?.getAttribute('page-kind')).toBe('tag');
  });

  it('keeps the note layout so the app can show notes in place from a list page', () => {
    const doc = parse(renderListPage(page({}), site, assets));
    expect(doc.querySelector('.layout[data-layout="note"] main#main')).not.toBeNull();
    expect(doc.querySelector('[data-region="toc"]')).not.toBeNull();
  });

  it('renders the graph page as the graph element with a readable fallback inside', () => {
    const doc = parse(renderListPage(page({ kind: 'graph', url: '/graph/' as Slug, title: 'Graph' }), site, assets));
    const view = doc.querySelector('.layout[data-layout="wide"] garden-graph-view')!;
    expect(view.querySelector('.graph-fallback h1')?.textContent).toBe('Graph');
    expect(view.querySelectorAll('.graph-fallback .note-list a')).toHaveLength(4);
    expect(doc.querySelector('.sidebar')).toBeNull();
    expect(doc.querySelector('nav[aria-label="Site"] a[aria-current="page"]')?.textContent).toBe('Graph');
  });

  it('gives the 404 page absolute links and no canonical URL', () => {
    const html = renderListPage(page({ kind: 'not-found', url: '/404/' as Slug, title: 'Page not found' }), { ...site, basePath: '/garden/' }, assets);
    const doc = parse(html);
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect([...doc.querySelectorAll('.note-body a')].map((a) => a.getAttribute('href'))).toEqual(['/garden/search/', '/garden/']);
  });

  it('uses the site title alone on the start page and the given intro', () => {
    const doc = parse(renderListPage(page({ kind: 'start', url: '/' as Slug, title: 'Start here', introHtml: '<p>Welcome.</p>' }), site, assets));
    expect(doc.title).toBe('My Garden');
    expect(doc.querySelector('.note-body')?.innerHTML).toBe('<p>Welcome.</p>');
  });
});

describe('renderRedirectPage', () => {
  it('redirects with meta refresh, keeps the anchor with script, and links the target', () => {
    const html = renderRedirectPage('/distributed-systems/raft/' as Slug, site);
    const doc = parse(html);
    expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/distributed-systems/raft/');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/distributed-systems/raft/');
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('body a')?.getAttribute('href')).toBe('/distributed-systems/raft/');
    expect(html).toContain('location.replace("/distributed-systems/raft/"+location.hash)');
  });

  it('keeps script-breaking characters out of the inline script', () => {
    const html = renderRedirectPage('/a</script><b>/' as Slug, { ...site, basePath: '/g/' });
    expect(html).toContain('location.replace("/g/a\\u003c/script>\\u003cb>/"+location.hash)');
    expect(html).not.toContain('a</script><b>');
  });
});
