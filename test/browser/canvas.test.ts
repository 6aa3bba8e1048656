/**
 * Canvas pages in Chromium: the fixture garden test/fixtures/canvas built with the command line
 * and served as a static site. The scene shows its cards and edge labels, pans and zooms (mouse,
 * wheel, buttons, keyboard), a note card leads to its note (whose backlinks name the canvas),
 * nothing in a hostile card runs, the page reads without JavaScript, and a note embeds the canvas
 * as a scaled view. Screenshots go to the screenshot folder.
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
const fixture = path.join(projectRoot, 'test/fixtures/canvas/garden');
const cli = path.join(projectRoot, 'bin/trellis.js');

let browser: Browser;
let out: string;
let site: StaticServer;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'trellis-canvas-'));
  await promisify(execFile)(process.execPath, [cli, 'build', fixture, '--out', path.join(out, 'dist'), '--no-cache'], { cwd: projectRoot });
  site = await startStaticServer(path.join(out, 'dist'));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

/** A page that records what must not happen: dialogs, page errors, console errors (the hostile card's broken image aside), requests elsewhere. */
async function open(url: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; trouble: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  const trouble: string[] = [];
  page.on('dialog', (d) => {
    trouble.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => trouble.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 404')) trouble.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(site.url) && !r.url().startsWith('data:')) trouble.push(`request: ${r.url()}`);
  });
  await page.goto(site.url + url);
  return { page, trouble };
}

const viewBox = (page: Page) => page.locator('main svg.canvas-scene').first().getAttribute('viewBox');
const box = async (page: Page) => (await page.locator('main svg.canvas-scene').first().getAttribute('viewBox'))!.split(' ').map(Number);

describe('a canvas page', () => {
  it('shows the cards and edge labels, and pans, zooms and fits', async () => {
    const { page, trouble } = await open('board.canvas/');
    await page.locator('garden-canvas[interactive]').waitFor();
    await expect.poll(() => viewBox(page)).not.toBe('-100 -152 1440 732');
    await expect.poll(() => page.locator('.canvas-card-content h1', { hasText: 'Plan' }).isVisible()).toBe(true);
    expect(await page.locator('.canvas-card-content .transclusion-header a', { hasText: /^Raft$/ }).isVisible()).toBe(true);
    expect(await page.locator('.canvas-card-content img[src="/pic.png"]').isVisible()).toBe(true);
    expect(await page.locator('text.canvas-edge-label', { hasText: 'explains' }).isVisible()).toBe(true);
    expect(await page.locator('text.canvas-group-label').textContent()).toBe('Consensus <i>&amp;</i>');
    const fitted = await viewBox(page);
    await page.screenshot({ path: path.join(screenshotDir, 'canvas.png') });

    // Drag the background: the canvas follows the pointer.
    const viewport = (await page.locator('.canvas-viewport').boundingBox())!;
    const start = { x: viewport.x + 12, y: viewport.y + viewport.height - 12 };
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.canvas-card-content') ?? null, start)).toBeNull();
    const [x0, y0, w0] = await box(page);
    const scale = viewport.width / w0!;
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 150, start.y - 100, { steps: 5 });
    await page.mouse.up();
    const [x1, y1, w1] = await box(page);
    expect(w1).toBe(w0);
    expect(Math.abs(x1! - (x0! - 150 / scale))).toBeLessThan(2);
    expect(Math.abs(y1! - (y0! + 100 / scale))).toBeLessThan(2);

    // Ctrl and the wheel zoom in around the pointer; the buttons zoom and fit.
    await page.mouse.move(viewport.x + viewport.width / 2, viewport.y + viewport.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await box(page))[2]).toBeLessThan(w0! * 0.8);
    await page.locator('garden-canvas').getByRole('button', { name: 'Zoom out' }).click();
    await page.locator('garden-canvas').getByRole('button', { name: 'Fit' }).click();
    expect(await viewBox(page)).toBe(fitted);

    // The keyboard: arrows pan, + and - zoom, 0 fits.
    await page.locator('.canvas-viewport').focus();
    await page.keyboard.press('ArrowRight');
    expect((await box(page))[0]).toBeGreaterThan(x0!);
    await page.keyboard.press('+');
    expect((await box(page))[2]).toBeLessThan(w0!);
    await page.keyboard.press('0');
    expect(await viewBox(page)).toBe(fitted);

    // Expanded, the canvas covers the window; Escape brings it back.
    await page.locator('garden-canvas').getByRole('button', { name: 'Expand' }).click();
    await expect.poll(async () => (await page.locator('garden-canvas').boundingBox())?.width).toBe(1400);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await page.locator('garden-canvas').boundingBox())?.width).toBeLessThan(1000);
    expect(trouble).toEqual([]);
    await page.context().close();
  });

  it('leads from a note card to its note, whose backlinks and graph name the canvas', async () => {
    const { page, trouble } = await open('board.canvas/');
    await page.locator('garden-canvas[interactive]').waitFor();
    await expect.poll(() => viewBox(page)).not.toBe('-100 -152 1440 732');
    const fitted = await viewBox(page);
    await page.locator('.canvas-card-content .transclusion-header a', { hasText: /^Raft$/ }).click();
    await page.waitForURL('**/ideas/raft/');
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Raft');
    const backlinks = page.locator('section[aria-label="Backlinks"]');
    expect(await backlinks.locator('a.backlink-title').allTextContents()).toEqual(['Board']);
    expect(await backlinks.textContent()).toContain('Read Raft first, then the other one.');
    const graph = await page.evaluate(async () => (await fetch('/graph.json')).json());
    expect(graph.links).toContainEqual({ source: 'Board.canvas', target: 'Ideas/Raft', kind: 'embed' });
    // Back on the canvas, in place: the scene is interactive again, and fits the whole canvas.
    await page.goBack();
    await page.locator('garden-canvas[interactive]').waitFor();
    await expect.poll(() => viewBox(page)).toBe(fitted);
    // Markup serialised after the element ran (zoomed in) and put back, as history snapshots do, still fits the whole canvas.
    await page.locator('.canvas-viewport').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    expect(await viewBox(page)).not.toBe(fitted);
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const markup = main.innerHTML;
      main.innerHTML = markup;
    });
    await page.locator('garden-canvas[interactive]').waitFor();
    await expect.poll(() => viewBox(page)).toBe(fitted);
    expect(trouble).toEqual([]);
    await page.context().close();
  });

  it('runs nothing from a hostile card, label or link card, even when everything is clicked', async () => {
    const { page, trouble } = await open('board.canvas/');
    await page.locator('garden-canvas[interactive]').waitFor();
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('main [onerror], main [onclick], main [style*="url("]').count()).toBe(0);
    for (const text of ["javascript:alert('link card')", 'click me', 'raw link']) {
      await page.locator('.canvas-card-content', { hasText: text }).getByText(text).click();
    }
    const unsafe = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main *')).flatMap((el) =>
        ['href', 'src', 'xlink:href'].flatMap((a) => {
          const v = el.getAttribute(a);
          return v && !/^(https?:|mailto:|\/|#|x$)/.test(v) ? [`${el.tagName} ${a}=${v}`] : [];
        }),
      ),
    );
    expect(unsafe).toEqual([]);
    expect(page.url()).toBe(site.url + 'board.canvas/');
    expect(trouble).toEqual([]);
    await page.context().close();
  });

  it('reads without JavaScript: the scene at its own size, in a scrolling frame', async () => {
    const { page, trouble } = await open('board.canvas/', { javaScriptEnabled: false });
    expect(await page.locator('.canvas-card-content h1', { hasText: 'Plan' }).isVisible()).toBe(true);
    expect(await page.locator('text.canvas-edge-label', { hasText: 'explains' }).isVisible()).toBe(true);
    const size = await page.locator('.canvas-viewport').evaluate((v) => ({ scroll: v.scrollWidth, client: v.clientWidth }));
    expect(size.scroll).toBe(1440);
    expect(size.client).toBeLessThan(1440);
    expect(await viewBox(page)).toBe('-100 -152 1440 732');
    await page.screenshot({ path: path.join(screenshotDir, 'canvas-no-js.png') });
    expect(trouble).toEqual([]);
    await page.context().close();
  });

  it('is embedded in a note as the whole canvas scaled to the column, linking to its page', async () => {
    const { page, trouble } = await open('');
    const embed = page.locator('.transclusion[data-note="Board.canvas"]');
    await embed.locator('garden-canvas').waitFor();
    expect(await embed.locator('garden-canvas').getAttribute('interactive')).toBeNull();
    expect(await embed.locator('garden-canvas button').count()).toBe(0);
    const column = (await embed.locator('.canvas-viewport').boundingBox())!;
    const scene = (await embed.locator('svg.canvas-scene').boundingBox())!;
    expect(scene.width).toBeLessThanOrEqual(column.width);
    expect(scene.width).toBeGreaterThan(column.width - 4);
    expect(scene.height / scene.width).toBeCloseTo(732 / 1440, 2);
    expect(await embed.locator(':scope > .transclusion-header > a').getAttribute('href')).toBe('/board.canvas/');
    await embed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'canvas-embed.png') });
    expect(trouble).toEqual([]);
    await page.context().close();
  });
});
