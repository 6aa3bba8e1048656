/**
 * `trellis dev --url http://127.0.0.1:PORT/notes/` serves the garden under
 * `/notes/` as the host will: pages, note data, the app's modules, graph.json,
 * search, attachments, in-place navigation, and pages updating in place when a
 * note changes on disk, in Chromium. Only the editor API stays at `/_trellis/api/`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { freePort } from '../helpers/free-port.ts';
import { makePublishGarden } from '../helpers/publish-garden.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors } from './page-helpers.ts';

vi.setConfig({ testTimeout: 120_000 });

let browser: Browser;
let dev: DevServer;
let garden: string;
let origin: string;

beforeAll(async () => {
  garden = makePublishGarden();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = await startDev({ garden, port, quiet: true, settleMs: 200, url: `${origin}/notes/` });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

describe('the dev server under a base path', () => {
  it('serves the garden under /notes/ only, and sends / there', async () => {
    expect(dev.url).toBe(`${origin}/notes/`);
    const page = await fetch(`${origin}/notes/distributed/raft/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<img src="/notes/diagram.png"');
    expect(html).toContain('<a href="/notes/gossip/#fan-out" class="internal"');
    expect(html).toContain('src="/notes/web/main.ts"');
    expect(html).toContain('/notes/@vite/client');
    expect((await fetch(`${origin}/notes/distributed/raft/index.json`)).status).toBe(200);
    expect((await fetch(`${origin}/notes/graph.json`)).status).toBe(200);
    expect((await fetch(`${origin}/notes/diagram.png`)).headers.get('content-type')).toBe('image/png');
    expect((await fetch(`${origin}/notes/web/main.ts`)).status).toBe(200);
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/notes/']);
    expect((await fetch(`${origin}/distributed/raft/`)).status).toBe(404);
    expect((await fetch(`${origin}/web/main.ts`)).status).toBe(404);
    expect((await fetch(`${origin}/notes/no/such/`)).status).toBe(404);
  });

  it('runs the app below /notes/: navigates in place and updates the page when its note changes on disk', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith('http')) requests.push(r.url());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(dev.url);
    await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
    await page.evaluate(() => Object.assign(window, { trellisMarker: 'kept' }));
    await page.locator('.note-body a.internal', { hasText: 'Raft' }).click();
    await page.waitForURL(dev.url + 'distributed/raft/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Raft');
    expect(await page.evaluate(() => (window as unknown as { trellisMarker?: string }).trellisMarker)).toBe('kept');

    // The page follows the dev server once the editor's module (loaded after the page, with CodeMirror) listens for updates.
    await page.waitForSelector('garden-dev-bar', { state: 'attached', timeout: 30_000 });
    await writeFile(path.join(garden, 'Distributed', 'Raft.md'), '# Raft\n\nRewritten on disk, linking [[Gossip]].\n');
    await expect.poll(() => page.locator('.note-body').textContent(), { timeout: 30_000 }).toContain('Rewritten on disk');
    expect(await page.locator('.note-body a.internal', { hasText: 'Gossip' }).getAttribute('href')).toBe('/notes/gossip/');
    expect(await page.evaluate(() => (window as unknown as { trellisMarker?: string }).trellisMarker)).toBe('kept');

    expect(requests.filter((u) => !u.startsWith(dev.url) && !u.startsWith(`${origin}/_trellis/api/`))).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
