/**
 * Bases in Chromium: the fixture garden test/fixtures/bases built with the command line and served
 * as a static site. A `.base` page shows its table, cards and grouped table without JavaScript; a
 * row's link leads to its note (in place, with the app); a note reached in place shows its base as
 * its prerendered page does; a notice says what is not shown; nothing hostile runs; wide content
 * stays inside the column. Screenshots go to the screenshot folder.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from './launch-chromium.ts';
import { screenshotDir } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 90_000 });

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(projectRoot, 'test/fixtures/bases/garden');
const cli = path.join(projectRoot, 'bin/trellis.js');

let browser: Browser;
let out: string;
let site: StaticServer;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'trellis-bases-'));
  await promisify(execFile)(process.execPath, [cli, 'build', fixture, '--out', path.join(out, 'dist'), '--no-cache'], { cwd: projectRoot });
  site = await startStaticServer(path.join(out, 'dist'));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

/** A page that records what must not happen: dialogs, page errors, console errors, requests elsewhere. */
async function open(url: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<{ page: Page; trouble: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const trouble: string[] = [];
  page.on('dialog', (d) => {
    trouble.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => trouble.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') trouble.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(site.url)) trouble.push(`request: ${r.url()}`);
  });
  await page.goto(site.url + url);
  return { page, trouble };
}

/** The first cell of each body row of the `n`-th table of the page. */
const firstCells = (page: Page, n = 0) =>
  page
    .locator('main table.base-table')
    .nth(n)
    .locator('tbody tr:not(.base-group-heading)')
    .evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? ''));

describe('a base in the browser', () => {
  it('shows a .base page’s views without JavaScript: a table, cards with covers, a grouped table', async () => {
    const { page, trouble } = await open('library.base/', { javaScriptEnabled: false });
    expect(await page.locator('main h2.base-view-name').allTextContents()).toEqual(['Finished', 'Shelf', 'By status']);
    expect(await firstCells(page)).toEqual(['Dune', 'Solaris', 'Emma']);
    expect(await page.locator('main table.base-table').first().isVisible()).toBe(true);
    expect(await page.locator('main .base-card-title').allTextContents()).toEqual(['Dune', 'Emma', 'Foundation', 'Hyperion', 'Neuromancer', 'Solaris']);
    // The cover image loaded, and the cards sit side by side.
    await expect.poll(() => page.locator('main .base-card-cover img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const cards = await page.locator('main .base-card').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(cards[0]).toBe(cards[1]);
    expect(await page.locator('main .base-group-heading').allTextContents()).toEqual(['done 4', 'reading 1']);
    await page.screenshot({ path: path.join(screenshotDir, 'bases.png'), fullPage: true });
    expect(trouble).toEqual([]);
    await page.context().close();
  });

  it('follows a row’s link to its note, in place, and back', async () => {
    const { page, trouble } = await open('library.base/');
    await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
    await page.locator('main table.base-table').first().getByRole('link', { name: 'Solaris' }).click();
    await page.waitForURL(/\/books\/solaris\/$/);
    await expect.poll(() => page.locator('main h1.note-title').textContent()).toBe('Solaris');
    await page.goBack();
    await page.waitForURL(/\/library\.base\/$/);
    await expect.poll(() => firstCells(page)).toEqual(['Dune', 'Solaris', 'Emma']);
    expect(trouble).toEqual([]);
    await page.context().close();
  });

  it('shows a note’s base after in-place navigation as on its prerendered page', async () => {
    const prerendered = await open('people/frank-herbert/', { javaScriptEnabled: false });
    const expected = await prerendered.page.locator('main .base').evaluate((el) => el.outerHTML);
    await prerendered.page.context().close();
    const { page, trouble } = await open('books/dune/');
    await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
    await page.locator('main .properties').getByRole('link', { name: 'Frank Herbert' }).click();
    await page.waitForURL(/\/people\/frank-herbert\/$/);
    await expect.poll(() => page.locator('main .base').evaluate((el) => el.outerHTML)).toBe(expected);
    expect(await page.locator('main .base-list li').allTextContents()).toEqual(['Dune5']);
    expect(trouble).toEqual([]);
    await page.context().close();
  });

  it('says what it does not show, runs nothing hostile, and keeps wide tables inside the column', async () => {
    const { page, trouble } = await open('reading/', { width: 420 });
    const notices = page.locator('main .base-notice');
    expect(await notices.first().isVisible()).toBe(true);
    expect(await notices.first().textContent()).toBe(
      '.matches() is not supported by Trellis: regular expressions are not supported; no view of this base shows rows',
    );
    const body = await page.locator('main .note-body').boundingBox();
    const scroller = await page.locator('main .base-table-scroll').first().boundingBox();
    expect(scroller!.x + scroller!.width).toBeLessThanOrEqual(body!.x + body!.width + 1);
    await page.screenshot({ path: path.join(screenshotDir, 'bases-notice-phone.png'), fullPage: true });
    await page.goto(site.url);
    expect(await page.locator('main .base-view-name', { hasText: 'Hostile' }).textContent()).toBe('<b>Hostile</b>');
    expect(await page.locator('main .base-table th', { hasText: 'script' }).textContent()).toBe('<script>alert(2)</script>');
    await page.waitForTimeout(300);
    expect(trouble).toEqual([]);
    await page.context().close();
  });
});
