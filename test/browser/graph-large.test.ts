/**
 * The global graph page of a garden large enough for the large-graph drawing (more than 5,000 links:
 * 800 generated notes, built by the real CLI) in Chromium: nodes drawn as points first, every link
 * added just after, and what is on screen matches: a node's colour where the node is, links drawn.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphLayoutFile } from '../../src/shared/graph-layout.ts';
import type { GraphJson } from '../../src/shared/types.ts';
import type { GardenGraphCanvas } from '../../web/components/garden-graph-canvas.ts';
import { buildGeneratedSite } from '../helpers/generated-site.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors, inkShare, screenshotDir } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
let server: StaticServer;
let json: GraphJson;
let layoutEdges: number;

beforeAll(async () => {
  const { dist } = await buildGeneratedSite('graph-large', 800);
  json = JSON.parse(readFileSync(path.join(dist, 'graph.json'), 'utf8')) as GraphJson;
  layoutEdges = (JSON.parse(readFileSync(path.join(dist, 'graph-layout.json'), 'utf8')) as GraphLayoutFile).edges;
  server = await startStaticServer(dist);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const drawnEdges = (canvas: Locator) => canvas.evaluate((el) => (el as GardenGraphCanvas).drawnEdgeCount());

/** The colour of the pixel at `at` (page coordinates) in a screenshot, as [r, g, b]. */
async function pixel(page: Page, at: { x: number; y: number }): Promise<number[]> {
  const png = (await page.screenshot({ clip: { x: Math.round(at.x), y: Math.round(at.y), width: 1, height: 1 } })).toString('base64');
  return page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const g = c.getContext('2d')!;
    g.drawImage(image, 0, 0);
    return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png);
}

function hexToRgb(hex: string): number[] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

describe('global graph page with more than 5,000 links', () => {
  it('draws every node where it belongs, then every link', async () => {
    expect(layoutEdges).toBeGreaterThan(5000);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(server.url + 'graph/');
    const canvas = page.locator('garden-graph-view garden-graph-canvas');
    await page.locator('garden-graph-view .side garden-neighbour-list a').first().waitFor();
    // Every link of the layout file (one per linked pair and direction) ends up in the drawing.
    await expect.poll(() => drawnEdges(canvas), { timeout: 60_000 }).toBe(layoutEdges);
    await page.waitForTimeout(500);

    // The most central note: its colour is on screen at its position.
    const hub = await canvas.evaluate((el) => {
      const c = el as GardenGraphCanvas;
      const g = c.graph!;
      const key = g.nodes().sort((a, b) => g.getNodeAttribute(b, 'weight') - g.getNodeAttribute(a, 'weight'))[0]!;
      return { key, color: g.getNodeAttribute(key, 'color'), at: c.nodePosition(key) };
    });
    expect(hub.at).toBeDefined();
    const box = (await canvas.boundingBox())!;
    const seen = await pixel(page, { x: box.x + hub.at!.x, y: box.y + hub.at!.y });
    const want = hexToRgb(hub.color);
    for (const [i, v] of want.entries()) expect(Math.abs(seen[i]! - v), `pixel ${seen} against ${hub.color}`).toBeLessThanOrEqual(24);

    // Nodes and links cover a good part of the drawing.
    expect(await inkShare(page, canvas)).toBeGreaterThan(0.2);
    await page.screenshot({ path: path.join(screenshotDir, 'graph-large.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers only the notes matching what is typed in "Find a note"', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url + 'graph/');
    await page.locator('garden-graph-view .side garden-neighbour-list a').first().waitFor();
    const options = page.locator('garden-graph-controls datalist option');
    expect(await options.count()).toBe(0);
    const word = json.notes[0]!.title.split(' ')[0]!;
    await page.getByLabel('Find a note').fill(word.toLowerCase());
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    const offered = await options.evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
    expect(offered.length).toBeLessThanOrEqual(50);
    for (const text of offered) expect(text.toLowerCase()).toContain(word.toLowerCase());
    expect(offered[0]!.toLowerCase().startsWith(word.toLowerCase())).toBe(true);
    await page.close();
  });
});
