/**
 * The global graph page of a built 300-note garden (bench/generate.ts, the real
 * CLI) in Chromium: what it loads, the zoom buttons, the refit after a filter,
 * and where labels go, checked through where nodes and labels are drawn.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphJson } from '../../src/shared/types.ts';
import type { GardenGraphCanvas } from '../../web/components/garden-graph-canvas.ts';
import { buildGeneratedSite } from '../helpers/generated-site.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
let server: StaticServer;
let json: GraphJson;

beforeAll(async () => {
  const { dist } = await buildGeneratedSite('graph-controls', 300);
  json = JSON.parse(readFileSync(path.join(dist, 'graph.json'), 'utf8')) as GraphJson;
  server = await startStaticServer(dist);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Point = { x: number; y: number } | null;

async function open(): Promise<{ page: Page; canvas: Locator; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(server.url + 'graph/');
  const canvas = page.locator('garden-graph-view garden-graph-canvas');
  // Named: graph-notes.json has arrived and the side list shows the central notes.
  await page.locator('garden-graph-view .side garden-neighbour-list a').first().waitFor();
  await settle(canvas);
  return { page, canvas, errors };
}

const camera = (canvas: Locator) => canvas.evaluate((el) => (el as GardenGraphCanvas).cameraState() ?? null);

/** Wait until the camera has stopped moving; returns its state. */
async function settle(canvas: Locator): Promise<{ x: number; y: number; ratio: number }> {
  let last = JSON.stringify(await camera(canvas));
  await expect
    .poll(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const now = JSON.stringify(await camera(canvas));
        const still = now === last && now !== 'null';
        last = now;
        return still;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return JSON.parse(last) as { x: number; y: number; ratio: number };
}

const positions = (canvas: Locator, ids: string[]) => canvas.evaluate((el, ids) => ids.map((id) => (el as GardenGraphCanvas).nodePosition(id) ?? null), ids);

async function size(canvas: Locator): Promise<{ width: number; height: number }> {
  const box = (await canvas.boundingBox())!;
  return { width: box.width, height: box.height };
}

const inside = (p: Point, s: { width: number; height: number }) => p !== null && p.x >= 0 && p.y >= 0 && p.x <= s.width && p.y <= s.height;

describe('global graph page at a few hundred notes', () => {
  it('loads the compact layout and notes files, never graph.json', async () => {
    const { page, errors } = await open();
    expect(server.requests).toContain('/graph-layout.json');
    expect(server.requests).toContain('/graph-notes.json');
    expect(server.requests).not.toContain('/graph.json');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('zooms in and out, resets, and fits with its buttons', async () => {
    const { page, canvas, errors } = await open();
    const ids = json.notes.map((n) => n.id);
    const start = await camera(canvas);
    expect(start).toEqual({ x: 0.5, y: 0.5, ratio: 1 });
    const [a0, b0] = await positions(canvas, [ids[0]!, ids[1]!]);
    const apart = (a: Point, b: Point) => Math.hypot(a!.x - b!.x, a!.y - b!.y);

    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect((await settle(canvas)).ratio).toBeLessThan(0.7);
    const [a1, b1] = await positions(canvas, [ids[0]!, ids[1]!]);
    expect(apart(a1!, b1!)).toBeGreaterThan(apart(a0!, b0!) * 1.5);

    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect((await settle(canvas)).ratio).toBeCloseTo(1, 5);

    // Zoomed in and dragged away: one click on Reset brings the first view back.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await settle(canvas);
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 200, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 500, box.y + 450, { steps: 8 });
    await page.mouse.up();
    const away = await settle(canvas);
    expect(away.ratio).toBeLessThan(0.5);
    expect((await positions(canvas, ids)).filter((p) => !inside(p, box)).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Reset the view' }).click();
    const reset = await settle(canvas);
    expect(reset.ratio).toBeCloseTo(1, 5);
    expect([reset.x, reset.y]).toEqual([expect.closeTo(0.5, 5), expect.closeTo(0.5, 5)]);
    const [a2] = await positions(canvas, [ids[0]!]);
    expect(Math.abs(a2!.x - a0!.x) + Math.abs(a2!.y - a0!.y)).toBeLessThan(1);

    // Zoomed in again: Fit shows every note.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await settle(canvas);
    await page.getByRole('button', { name: 'Fit to the notes shown' }).click();
    await settle(canvas);
    const s = await size(canvas);
    expect((await positions(canvas, ids)).filter((p) => !inside(p, s))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refits the camera to the notes a filter leaves', async () => {
    const { page, canvas, errors } = await open();
    // A mid-sized topic: small enough that, unfitted, it would fill only part of the canvas.
    const topic = [...json.topics!].sort((a, b) => b.size - a.size)[2]!;
    const members = json.notes.filter((n) => n.topic === topic.id).map((n) => n.id);
    const others = json.notes.filter((n) => n.topic !== topic.id).map((n) => n.id);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await settle(canvas);
    const s = await size(canvas);
    // Zoomed in, some of the topic's notes are off the canvas.
    expect((await positions(canvas, members)).some((p) => !inside(p, s))).toBe(true);

    await page.locator('garden-graph-controls').getByLabel('Topic').selectOption(String(topic.id));
    await settle(canvas);
    await expect.poll(async () => (await positions(canvas, others)).every((p) => p === null)).toBe(true);
    const shown = await positions(canvas, members);
    expect(shown.filter((p) => !inside(p, s))).toEqual([]);
    // And they fill the canvas rather than sit in a corner of it.
    const xs = shown.map((p) => p!.x);
    const ys = shown.map((p) => p!.y);
    const fill = Math.max((Math.max(...xs) - Math.min(...xs)) / s.width, (Math.max(...ys) - Math.min(...ys)) / s.height);
    expect(fill).toBeGreaterThan(0.6);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws labels that do not overlap each other and stay inside the canvas', async () => {
    const { page, canvas, errors } = await open();
    for (const step of ['start', 'zoomed in']) {
      if (step === 'zoomed in') {
        await page.getByRole('button', { name: 'Zoom in' }).click();
        await settle(canvas);
      }
      const s = await size(canvas);
      const labels = await expect
        .poll(() => canvas.evaluate((el) => (el as GardenGraphCanvas).drawnLabels().map((l) => ({ label: l.label, ...l.box }))))
        .not.toEqual([])
        .then(() => canvas.evaluate((el) => (el as GardenGraphCanvas).drawnLabels().map((l) => ({ label: l.label, ...l.box }))));
      expect(labels.length).toBeGreaterThan(3);
      const titles = new Set(json.notes.map((n) => n.title));
      for (const l of labels) {
        expect(titles.has(l.label)).toBe(true);
        expect(l.x >= 0 && l.y >= 0 && l.x + l.width <= s.width && l.y + l.height <= s.height).toBe(true);
      }
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) {
          const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          expect(overlap, `${a.label} / ${b.label}`).toBe(false);
        }
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
