/**
 * Hostile notes (test/fixtures/hostile) through the real paths: built with the
 * command line and read in Chromium from a static server, and served by
 * `trellis dev`. Every link is clicked and every preview opened: no dialog,
 * no request to another origin, no page error, no write to the garden, and
 * markup in a note cannot shadow the document's methods.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { freePort } from '../helpers/free-port.ts';
import { launchChromium } from './launch-chromium.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 120_000 });

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(projectRoot, 'test/fixtures/hostile');
const cli = path.join(projectRoot, 'bin/trellis.js');

let browser: Browser;
let out: string;
let stderr: string;
let site: StaticServer;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'trellis-hostile-'));
  // TRELLIS_VERBOSE: the build lists every diagnostic, not the first few of each kind.
  const result = await promisify(execFile)(process.execPath, [cli, 'build', fixture, '--out', path.join(out, 'dist'), '--no-cache'], {
    cwd: projectRoot,
    env: { ...process.env, TRELLIS_VERBOSE: '1' },
  });
  stderr = result.stderr;
  site = await startStaticServer(path.join(out, 'dist'));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

/** What a page did that it must not: dialogs, requests to other origins, errors. */
interface Watch {
  dialogs: string[];
  foreign: string[];
  writes: string[];
  errors: string[];
}

function watch(page: Page, origin: string): Watch {
  const w: Watch = { dialogs: [], foreign: [], writes: [], errors: [] };
  // Relative links and images of the fixture point at nothing: their 404s are not errors of the page.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 404')) w.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) w.foreign.push(url);
    if (r.method() !== 'GET' && r.method() !== 'HEAD') w.writes.push(`${r.method()} ${url}`);
  });
  return w;
}

/** Every URL-bearing attribute in the page's note content and open previews whose scheme is not on the allow-list. */
function unsafeUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const allowed = new Set(['http:', 'https:', 'mailto:', 'tel:', 'obsidian:']);
    const found: string[] = [];
    const previews = Array.from(document.querySelectorAll('garden-preview')).flatMap((p) => Array.from(p.shadowRoot?.querySelectorAll('*') ?? []));
    for (const el of [...Array.from(document.querySelectorAll('main *')), ...previews]) {
      for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data']) {
        const value = el.getAttribute(attr);
        if (value === null) continue;
        if (el.tagName === 'LINK' && el.getAttribute('rel') === 'icon') continue;
        let protocol: string;
        try {
          protocol = new URL(value, location.href).protocol;
        } catch {
          continue;
        }
        if (!allowed.has(protocol)) found.push(`<${el.tagName.toLowerCase()} ${attr}="${value}">`);
      }
    }
    return found;
  });
}

/** The requests of each page not yet answered, with when they were sent. */
const inFlight = new WeakMap<Page, Map<Request, number>>();

function trackRequests(page: Page): void {
  const open = new Map<Request, number>();
  inFlight.set(page, open);
  page.on('request', (r) => open.set(r, Date.now()));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
}

/**
 * Wait until the page has stopped navigating on its own: loaded, and no navigation for 300 ms
 * (at most 15 s). A link the app cannot show in place (a tag page) is loaded by the app
 * after it has fetched the note data; a `goto` issued while the page still moves itself was seen
 * to be dropped by Chromium, without a request or an error, until its timeout.
 */
async function settled(page: Page): Promise<void> {
  const until = Date.now() + 15_000;
  let last = Date.now();
  const moved = () => (last = Date.now());
  page.on('framenavigated', moved);
  try {
    while (Date.now() < until) {
      await page.waitForLoadState('load', { timeout: Math.max(1, until - Date.now()) }).catch(() => undefined);
      if (Date.now() - last >= 300) return;
      await page.waitForTimeout(100);
    }
  } finally {
    page.off('framenavigated', moved);
  }
}

/**
 * Go back to the note after a click led away from it. On a busy machine a click's navigation can
 * start after the check that saw it (seen in CI, in dev: the way back was interrupted by the
 * click's own navigation to a tag page); that navigation is let finish and the way back is tried
 * again. A way back that never reached the server's page in 60 s (seen once in CI, in dev; not
 * reproduced since) says what was still in flight and is tried again from a blank page, which ends
 * the old page's requests: what this test checks is what the notes can do, not how fast the page loads.
 */
async function returnTo(page: Page, url: string, links: number): Promise<void> {
  await settled(page);
  for (let attempt = 1; ; attempt++) {
    try {
      // Not `load`: the links are waited for below, and on a busy machine a dev page's modules and
      // its local graph can hold the load event past the default 30 s (seen once in CI).
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      // The app renders parts of the page after load (in dev, from the server's data): every link is back before the next.
      await page.waitForFunction((n) => document.querySelectorAll('main a').length >= n, links, { timeout: 15_000 });
      if (page.url() === url) return;
      if (attempt === 3) throw new Error(`left ${url} for ${page.url()} three times`);
    } catch (error) {
      if (attempt < 3 && error instanceof Error && error.name === 'TimeoutError' && /page\.goto/.test(error.message)) {
        const now = Date.now();
        const open = [...(inFlight.get(page) ?? [])].map(([r, at]) => `${r.method()} ${r.url()} (${now - at} ms)`);
        console.warn(`hostile-site: ${url} did not load in 60 s; requests in flight:\n  ${open.join('\n  ')}`);
        await page.goto('about:blank');
        continue;
      }
      if (attempt === 3 || !/interrupted by another navigation|Execution context was destroyed/.test(String(error))) throw error;
    }
    await page.waitForLoadState('domcontentloaded');
  }
}

/**
 * Click every link in the note (and its transclusions) that stays on the site, then hover each
 * internal link for its preview. Links to other origins (`https:`, `mailto:`, `tel:`) are not
 * followed: the network is closed, and where they lead is checked by `unsafeUrls`.
 */
async function clickEverything(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const count = await page.locator('main a').count();
  for (let i = 0; i < count; i++) {
    // A click's navigation that began after the last check has left the note by now.
    if (page.url() !== url) await returnTo(page, url, count);
    const link = page.locator('main a').nth(i);
    if (!(await link.isVisible())) continue;
    // A click can navigate in place a moment after the check below; a link gone by then is not waited for.
    const href = await link.getAttribute('href', { timeout: 2_000 }).catch(() => undefined);
    if (href === undefined) continue;
    if (href !== null && /^(https?:|mailto:|tel:|obsidian:)/.test(href) && !href.startsWith(new URL(url).origin)) continue;
    await link.click({ noWaitAfter: true, modifiers: [] }).catch(() => undefined);
    await page.waitForTimeout(50);
    if (page.url() !== url) await returnTo(page, url, count);
  }
  const internal = page.locator('main a.internal[href]');
  for (let i = 0; i < (await internal.count()); i++) {
    // Scrolled into view first: a scroll closes previews and cancels one about to open. A link of a preview that
    // closed meanwhile (the count takes in previews' links) is gone: it is passed over, as the click loop above does.
    const link = internal.nth(i);
    if (!(await link.isVisible())) continue;
    const scrolled = await link
      .scrollIntoViewIfNeeded({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (!scrolled) continue;
    await page.waitForTimeout(100);
    await link.hover({ timeout: 2_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
  }
  return count;
}

describe('a built site with hostile notes', () => {
  it('reports every refused URL at its file, line and column', () => {
    const lines = stderr
      .split('\n')
      .filter((l) => l.includes('[unsafe-url]'))
      .map((l) => l.trim());
    const at = (file: string, line: number, column: number, url: string) =>
      `${path.join('test/fixtures/hostile', file)}:${line}:${column}: warning: Refused the URL \`${url}\`: only http, https, mailto, tel and obsidian links and relative URLs are allowed; the link is shown as text [unsafe-url]`;
    expect(lines).toContain(at('Links.md', 9, 8, "javascript:alert('inline')"));
    expect(lines).toContain(at('Links.md', 9, 54, "JaVaScRiPt:alert('case')"));
    expect(lines).toContain(at('Links.md', 11, 8, "javascript:alert('entity')"));
    expect(lines).toContain(at('Links.md', 15, 10, "javascript:alert('autolink')"));
    expect(lines).toContain(at('Links.md', 17, 11, "javascript:alert('reference')"));
    expect(lines).toContain(at('Links.md', 21, 11, "javascript:alert('footnote')"));
    expect(lines.some((l) => l.startsWith(path.join('test/fixtures/hostile', 'Links.md') + ':23:') && l.includes("javascript:alert('image')"))).toBe(true);
    expect(lines.some((l) => l.startsWith(path.join('test/fixtures/hostile', 'Raw.md') + ':') && l.includes("javascript:alert('raw')"))).toBe(true);
    // Safe links are not reported.
    expect(stderr).not.toContain('example.org');
    expect(stderr).not.toContain('mailto:');
  });

  it('runs no script and contacts no other origin when every link is clicked and previewed', async () => {
    const page = await browser.newPage();
    const w = watch(page, site.url);
    let clicked = 0;
    for (const note of ['links/', 'raw/', 'host/']) clicked += await clickEverything(page, site.url + note);
    expect(clicked).toBeGreaterThan(30);
    expect(w.dialogs).toEqual([]);
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
    // Three notes clicked through, each way back a full load: a longer limit, as in dev below.
  }, 240_000);

  it('keeps only allowed URLs in pages, transclusions and previews', async () => {
    const page = await browser.newPage();
    for (const note of ['links/', 'raw/', 'host/']) {
      await page.goto(site.url + note);
      expect(await unsafeUrls(page)).toEqual([]);
    }
    // The refused link is still readable, as text.
    await page.goto(site.url + 'links/');
    await expect.poll(() => page.locator('main .note-body').textContent()).toContain('Inline inline and case case.');
    expect(await page.locator('main .note-body a', { hasText: /^web$/ }).getAttribute('href')).toBe('https://example.org/');
    expect(await page.locator('main .note-body a', { hasText: /^phone$/ }).getAttribute('href')).toBe('tel:+15550100');
    // A hover preview of the hostile note holds no unsafe URL either.
    await page.goto(site.url + 'host/');
    const link = page.locator('main p a.internal', { hasText: /^Links$/ }).last();
    // Scrolled into view first: a scroll closes previews and cancels one about to open.
    await link.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await link.hover();
    await page.locator('garden-preview[level="1"] .preview-card').waitFor({ state: 'visible' });
    expect(await page.locator('garden-preview .preview-body').textContent()).toContain('Inline inline and case case.');
    expect(await unsafeUrls(page)).toEqual([]);
    await page.close();
  });

  it('does not let markup in a note shadow the document or the app', async () => {
    const page = await browser.newPage();
    const { errors } = watch(page, site.url);
    await page.goto(site.url + 'raw/');
    const shadowed = await page.evaluate(() => ({
      querySelector: typeof document.querySelector,
      getElementById: typeof document.getElementById,
      body: document.body instanceof HTMLBodyElement,
      shady: 'ShadyCSS' in window,
    }));
    expect(shadowed).toEqual({ querySelector: 'function', getElementById: 'function', body: true, shady: false });
    // Names and ids written in the note are kept, behind a prefix.
    expect(await page.locator('main img[name="user-content-querySelector"]').count()).toBe(1);
    expect(await page.locator('main #user-content-ShadyCSS').count()).toBe(1);
    // A fragment link to an id written in the note still finds it, under its prefix.
    await page.locator('main a', { hasText: 'Jump to the anchored paragraph' }).click();
    await expect.poll(() => page.locator('main #user-content-anchored').getAttribute('class')).toContain('is-target');
    // The app still navigates in place from this page: the window's mark survives.
    await page.evaluate(() => Object.assign(window, { hostileMark: 'kept' }));
    await page.locator('main a.internal', { hasText: 'Target' }).first().click();
    await expect.poll(() => page.locator('main h1.note-title').textContent()).toBe('Target');
    expect(await page.evaluate(() => (window as unknown as { hostileMark?: string }).hostileMark)).toBe('kept');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('attachments of a built site with hostile files', () => {
  it('publishes SVGs cleaned of script: opened on their own, they draw and run nothing', async () => {
    const page = await browser.newPage();
    const w = watch(page, site.url);
    for (const file of ['evil.svg', 'drawing.svg']) {
      const response = await page.goto(site.url + file);
      expect(response?.headers()['content-type']).toBe('image/svg+xml');
      await page.waitForTimeout(300);
      // The drawing is still there, as an SVG document; nothing that runs script is.
      expect(await page.evaluate(() => document.documentElement.namespaceURI)).toBe('http://www.w3.org/2000/svg');
      expect(await page.locator('rect').count()).toBe(1);
      const active = await page.evaluate(() => ({
        scripts: document.getElementsByTagNameNS('*', 'script').length,
        handlers: [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))),
        hrefs: [...document.querySelectorAll('*')].flatMap((e) =>
          e.getAttributeNames().filter((n) => /href$/.test(n) && !(e.getAttribute(n) ?? '').startsWith('#')),
        ),
        embedded: document.querySelectorAll('foreignObject, iframe, set, animate').length,
      }));
      expect(active).toEqual({ scripts: 0, handlers: [], hrefs: [], embedded: 0 });
    }
    // What the drawing means survives: the circle drawn through <use> of a definition inside the file.
    expect(await page.locator('use[href]').getAttribute('href')).toBe('#dot');
    await page.locator('#box').click();
    await page.waitForTimeout(300);
    expect(w.dialogs).toEqual([]);
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
    // Shown inside a note, the cleaned drawing is an image as before.
    await page.goto(site.url + 'files/');
    expect(await page.locator('main .note-body img[src$="drawing.svg"]').count()).toBe(1);
    expect(await page.locator('main .note-body img[src$="drawing.svg"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
    expect(w.dialogs).toEqual([]);
    await page.close();
  });

  it('leaves out HTML files and malformed SVGs, each with a diagnostic at its file', async () => {
    const published = await readdir(path.join(out, 'dist'));
    expect(published).toContain('drawing.svg');
    expect(published).not.toContain('page.html');
    expect(published).not.toContain('broken.svg');
    const fixtureFile = (name: string) => path.join('test/fixtures/hostile', name);
    const lines = stderr.split('\n').map((l) => l.trim());
    expect(lines).toContain(
      `${fixtureFile('page.html')}:1:1: warning: Not published: a browser runs the script in an HTML or XML file on the site it is served from [unsafe-attachment]`,
    );
    expect(
      lines.some((l) => l.startsWith(`${fixtureFile('broken.svg')}:4:`) && l.includes('SVG is not well-formed XML') && l.endsWith('[unsafe-attachment]')),
    ).toBe(true);
    // A link to a file the site leaves out is broken (reported), not a link to a 404.
    expect(lines).toContain(`${fixtureFile('Files.md')}:5:36: warning: Cannot find \`page.html\` [missing-note]`);
  });
});

describe('the same notes in trellis dev', () => {
  let dev: DevServer;
  let garden: string;

  beforeAll(async () => {
    garden = path.join(out, 'garden');
    await cp(fixture, garden, { recursive: true });
    dev = await startDev({ garden, port: await freePort(), quiet: true, settleMs: 300 });
  }, 120_000);

  afterAll(async () => {
    await dev?.close();
  });

  // Three notes clicked through in dev, each navigation reloading the page with its open local graph: a longer limit.
  it('runs no script, calls no editor API and writes nothing when every link is clicked', async () => {
    const before = await snapshot(garden);
    const page = await browser.newPage();
    const w = watch(page, dev.url);
    trackRequests(page);
    for (const note of ['links/', 'raw/', 'host/']) {
      await clickEverything(page, dev.url + note);
      expect(await unsafeUrls(page)).toEqual([]);
    }
    expect(w.errors).toEqual([]);
    // An attachment opened directly (an SVG with a script and an onload handler) is a sandboxed document: no script runs,
    // and Chromium says it blocked it (its requests come from an opaque origin, which the server refuses).
    const svg = await page.goto(dev.url + 'evil.svg');
    expect(svg?.headers()['content-security-policy']).toBe('sandbox');
    await page.waitForTimeout(500);
    expect(w.errors.some((e) => e.includes('Blocked script execution'))).toBe(true);
    expect(w.errors.filter((e) => !/Blocked script execution|status of 403/.test(e))).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.foreign).toEqual([]);
    expect(w.writes).toEqual([]);
    expect(await snapshot(garden)).toEqual(before);
    await page.close();
  }, 240_000);
});

/** Every file of a folder with its contents. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const file = path.join(dir, name);
    files[name] = await readFile(file, 'utf8').catch(() => '(folder)');
  }
  return files;
}
