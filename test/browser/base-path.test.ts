/**
 * A garden published under a sub-path, as on a GitHub Pages project site: built
 * by the real CLI with `--url http://127.0.0.1:PORT/notes/`, served by
 * `trellis preview` under `/notes/`, read in Chromium. Every request the pages
 * make stays under `/notes/` and succeeds (the one deliberate 404 aside): body
 * links, backlinks, tags, the image, search, the global graph and each note's local graph,
 * in-place navigation, hover previews, alias redirects and the 404 page. The
 * sitemap and the feeds are parsed as XML by Chromium and their URLs and dates checked.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../helpers/free-port.ts';
import { buildWithCli, makePublishGarden, startPreviewCli } from '../helpers/publish-garden.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors, inkShare, screenshotDir } from './page-helpers.ts';

vi.setConfig({ testTimeout: 90_000 });

let browser: Browser;
let preview: ChildProcess;
let site: string;
let origin: string;
let out: string;
/** The site's title: the garden folder's name. */
let title: string;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  site = `${origin}/notes/`;
  const garden = makePublishGarden();
  title = path.basename(garden);
  const built = buildWithCli(garden, ['--url', site]);
  expect(built.status, built.stderr).toBe(0);
  expect(built.stderr).not.toContain('no site URL');
  out = built.out;
  const started = await startPreviewCli(out, port);
  preview = started.child;
  expect(started.url).toBe(site);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  preview?.kill();
});

/** A page that records every request and every failed response. */
async function open(pathBelowBase: string): Promise<{ page: Page; errors: string[]; requests: string[]; failed: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('data:')) requests.push(r.url());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  // A request a navigation cuts short (the alias page's own load when its redirect fires) is not a failure a reader sees.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`failed ${r.url()}`);
  });
  await page.goto(site + pathBelowBase);
  await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
  return { page, errors, requests, failed };
}

const outsideBase = (requests: string[]) => requests.filter((u) => !u.startsWith(site));

/**
 * Failed responses, leaving out the app's asking for the data of a page that is not a note
 * (`tags/x/index.json`, `graph/index.json`): it asks before showing a page in place, and a
 * page without data (404) is loaded in full instead, as at a domain's root (the full load may
 * abort the 404's body: `failed`).
 */
const failures = (failed: string[], pages: string[] = []) =>
  failed.filter((f) => !pages.some((p) => f === `404 ${site}${p}index.json` || f === `failed ${site}${p}index.json`));

/** Console errors, leaving out Chromium's report of those 404s. */
const consoleErrors = (errors: string[], pages: string[] = []) =>
  errors.filter((e) => !pages.some((p) => e.endsWith(`404 (Not Found) (${site}${p}index.json)`)));

async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { trellisMarker: 'kept' }));
}

const marker = (page: Page) => page.evaluate(() => (window as unknown as { trellisMarker?: string }).trellisMarker);

describe('a site served under /notes/', () => {
  it('follows body links in place, shows the embedded image, follows a backlink and a tag, all below /notes/', async () => {
    const { page, errors, requests, failed } = await open('');
    expect(await page.locator('main h1').textContent()).toBe('Home');
    await markWindow(page);
    await page.locator('.note-body a.internal', { hasText: 'Raft' }).click();
    await page.waitForURL(site + 'distributed/raft/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Raft');
    expect(await marker(page)).toBe('kept');
    const image = page.locator('.note-body img').first();
    expect(await image.getAttribute('src')).toBe('/notes/diagram.png');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(8);
    expect(await page.locator('.note-body a', { hasText: 'raw data' }).getAttribute('href')).toBe('/notes/data.csv');
    // The transcluded section links to its note below the base path too.
    expect(await page.locator('.transclusion-header a').getAttribute('href')).toBe('/notes/gossip/#fan-out');

    await page.screenshot({ path: path.join(screenshotDir, 'base-path-note.png') });

    await page.getByRole('region', { name: 'Backlinks' }).getByRole('link', { name: 'Gossip' }).click();
    await page.waitForURL(site + 'gossip/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Gossip');
    expect(await marker(page)).toBe('kept');

    await page.locator('.note-body a.tag', { hasText: '#epidemic' }).click();
    await page.waitForURL(site + 'tags/epidemic/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('#epidemic');

    await page.goBack();
    await page.waitForURL(site + 'gossip/');
    // The sidebar explorer loaded its folders below /notes/ too, and links its notes there.
    expect(requests).toContain(`${site}_explorer/root.json`);
    expect(await page.getByRole('tree', { name: 'Notes' }).getByRole('treeitem', { name: 'Gossip', exact: true }).getAttribute('href')).toBe('/notes/gossip/');
    expect(outsideBase(requests)).toEqual([]);
    expect(failures(failed, ['tags/epidemic/'])).toEqual([]);
    expect(consoleErrors(errors, ['tags/epidemic/'])).toEqual([]);
    await page.close();
  });

  it('shows hover previews loaded from below /notes/', async () => {
    const { page, errors, requests, failed } = await open('gossip/');
    await page.locator('.note-body a.internal', { hasText: 'Raft' }).hover();
    const card = page.locator('garden-preview[level="1"] .preview-card');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('.preview-header').textContent()).toContain('Raft');
    expect(requests).toContain(site + 'distributed/raft/index.json');
    expect(outsideBase(requests)).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches with the index and worker below /notes/ and opens a result', async () => {
    const { page, errors, requests, failed } = await open('gossip/');
    await markWindow(page);
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.waitFor({ state: 'visible' });
    await box.fill('zeppelin');
    const option = page.locator('garden-search').getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('Raft');
    await page.keyboard.press('Enter');
    await page.waitForURL(site + 'distributed/raft/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Raft');
    expect(await marker(page)).toBe('kept');
    expect(requests.some((u) => u.startsWith(site + '_search/'))).toBe(true);
    expect(outsideBase(requests)).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws the local graph from the note's local-graph.json and the global graph from /notes/graph.json, and the graph links below /notes/", async () => {
    const { page, errors, requests, failed } = await open('distributed/raft/');
    const local = page.locator('garden-local-graph garden-local-graph-canvas');
    await local.waitFor();
    await expect.poll(() => inkShare(page, local), { timeout: 20_000 }).toBeGreaterThan(0.002);
    expect(requests).toContain(site + 'distributed/raft/local-graph.json');
    expect(requests).not.toContain(site + 'graph.json');

    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Graph' }).click();
    await page.waitForURL(site + 'graph/');
    const canvas = page.locator('garden-graph-view garden-graph-canvas');
    await canvas.waitFor();
    await expect.poll(() => inkShare(page, canvas), { timeout: 20_000 }).toBeGreaterThan(0.002);
    await page.screenshot({ path: path.join(screenshotDir, 'base-path-graph.png') });
    const hrefs = await page.locator('garden-graph-view a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith('/notes/')).toBe(true);
    expect(outsideBase(requests)).toEqual([]);
    expect(failures(failed, ['graph/'])).toEqual([]);
    expect(consoleErrors(errors, ['graph/'])).toEqual([]);
    await page.close();
  });

  it('redirects an alias, a folder without its slash and the bare base path; serves the 404 page with its styles', async () => {
    const { page, errors, requests, failed } = await open('raft-consensus/');
    await page.waitForURL(site + 'distributed/raft/');
    expect(await page.locator('main h1').textContent()).toBe('Raft');

    const folder = await fetch(site + 'gossip', { redirect: 'manual' });
    expect([folder.status, folder.headers.get('location')]).toEqual([301, '/notes/gossip/']);
    const bare = await fetch(origin + '/notes', { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/notes/']);
    expect((await fetch(origin + '/gossip/')).status).toBe(404);
    expect((await fetch(site + '.trellis-build.json')).status).toBe(404);

    const response = await page.goto(site + 'no/such/note/');
    expect(response?.status()).toBe(404);
    expect(await page.locator('main h1').textContent()).toBe('Page not found');
    await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
    // The page's stylesheet applied: the header is laid out as a flex row.
    expect(await page.locator('.site-header-inner').evaluate((e) => getComputedStyle(e).display)).toBe('flex');
    await page.locator('main a', { hasText: 'home page' }).click();
    await page.waitForURL(site);
    expect(outsideBase(requests)).toEqual([]);
    expect(failed).toEqual([`404 ${site}no/such/note/`]);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });
});

describe('what the site tells the world', () => {
  it('has per-page metadata with absolute URLs and advertises its feeds', async () => {
    const { page } = await open('distributed/raft/');
    const head = await page.evaluate(() => {
      const meta = (sel: string) => document.head.querySelector(sel)?.getAttribute('content') ?? document.head.querySelector(sel)?.getAttribute('href');
      return {
        title: document.title,
        description: meta('meta[name="description"]'),
        canonical: meta('link[rel="canonical"]'),
        ogTitle: meta('meta[property="og:title"]'),
        ogSite: meta('meta[property="og:site_name"]'),
        ogUrl: meta('meta[property="og:url"]'),
        ogImage: meta('meta[property="og:image"]'),
        card: meta('meta[name="twitter:card"]'),
        feeds: [...document.head.querySelectorAll('link[rel="alternate"]')].map((l) => [l.getAttribute('type'), l.getAttribute('href')]),
      };
    });
    expect(head).toEqual({
      title: `Raft · ${title}`,
      description: 'Raft elects a leader with randomised timeouts. The word zeppelin appears only here.',
      canonical: site + 'distributed/raft/',
      ogTitle: 'Raft',
      ogSite: title,
      ogUrl: site + 'distributed/raft/',
      ogImage: site + 'diagram.png',
      card: 'summary_large_image',
      feeds: [
        ['application/rss+xml', site + 'rss.xml'],
        ['application/atom+xml', site + 'atom.xml'],
        ['application/feed+json', site + 'feed.json'],
      ],
    });
    await page.close();
  });

  it('writes a sitemap and RSS, Atom and JSON feeds that parse, with absolute URLs and dates, newest first', async () => {
    const { page } = await open('');
    const parsed = await page.evaluate(async () => {
      const xml = async (file: string) => {
        const doc = new DOMParser().parseFromString(await (await fetch(file)).text(), 'application/xml');
        if (doc.querySelector('parsererror')) throw new Error(`${file} is not well-formed: ${doc.querySelector('parsererror')!.textContent}`);
        return doc;
      };
      const text = (el: Element, name: string) => el.getElementsByTagName(name)[0]?.textContent ?? '';
      const htmlText = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent;
      const sitemap = await xml('sitemap.xml');
      const rss = await xml('rss.xml');
      const atom = await xml('atom.xml');
      const json = (await (await fetch('feed.json')).json()) as { items: { url: string; title: string; date_modified: string; content_html: string }[] };
      const robots = await (await fetch('robots.txt')).text();
      return {
        sitemapNs: sitemap.documentElement.namespaceURI,
        sitemap: [...sitemap.getElementsByTagName('url')].map((u) => [text(u, 'loc'), text(u, 'lastmod')]),
        rss: [...rss.getElementsByTagName('item')].map((i) => ({
          title: text(i, 'title'),
          link: text(i, 'link'),
          guid: text(i, 'guid'),
          date: text(i, 'pubDate'),
          description: text(i, 'description'),
        })),
        rssSelf: rss.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'link')[0]?.getAttribute('href'),
        atomNs: atom.documentElement.namespaceURI,
        atom: [...atom.getElementsByTagName('entry')].map((e) => ({
          title: htmlText(text(e, 'title')),
          id: text(e, 'id'),
          link: e.getElementsByTagName('link')[0]?.getAttribute('href'),
          updated: text(e, 'updated'),
          published: text(e, 'published'),
          summary: htmlText(text(e, 'summary')),
        })),
        json: json.items.map((i) => ({ url: i.url, title: i.title, date: i.date_modified })),
        robots,
      };
    });
    expect(parsed.sitemapNs).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(parsed.sitemap.sort()).toEqual(
      [
        [site, '2024-03-01'],
        [site + 'distributed/raft/', '2024-05-02'],
        [site + 'gossip/', '2024-02-01'],
        [site + 'tricky/', '2023-06-01'],
      ].sort(),
    );
    const newestFirst = ['Raft', 'Home', 'Gossip', 'Tricky & <odd> ]]> "quotes"'];
    const links = [site + 'distributed/raft/', site, site + 'gossip/', site + 'tricky/'];
    expect(parsed.rss.map((i) => i.title)).toEqual(newestFirst);
    expect(parsed.rss.map((i) => i.link)).toEqual(links);
    expect(parsed.rss.map((i) => i.guid)).toEqual(links);
    expect(parsed.rss.map((i) => new Date(i.date).toISOString().slice(0, 10))).toEqual(['2024-05-02', '2024-03-01', '2024-02-01', '2023-06-01']);
    expect(parsed.rss[1]!.description).toBe('The front page of a test garden.');
    expect(parsed.rss[3]!.description).toBe('A note whose title XML must escape, and a stray control character: here.');
    expect(parsed.rssSelf).toBe(site + 'rss.xml');
    expect(parsed.atomNs).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.atom.map((e) => e.title)).toEqual(newestFirst);
    expect(parsed.atom.map((e) => [e.id, e.link])).toEqual(links.map((l) => [l, l]));
    expect(parsed.atom.map((e) => e.updated.slice(0, 10))).toEqual(['2024-05-02', '2024-03-01', '2024-02-01', '2023-06-01']);
    expect(parsed.atom[0]!.published.slice(0, 10)).toBe('2024-01-10');
    expect(parsed.atom[0]!.summary).toBe('Raft elects a leader with randomised timeouts. The word zeppelin appears only here.');
    expect(parsed.json).toEqual(parsed.atom.map((e) => ({ url: e.link, title: newestFirst[parsed.atom.indexOf(e)], date: e.updated })));
    expect(parsed.robots).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${site}sitemap.xml\n`);
    expect(JSON.parse(readFileSync(path.join(out, '.trellis-build.json'), 'utf8')).basePath).toBe('/notes/');
    await page.close();
  });
});
