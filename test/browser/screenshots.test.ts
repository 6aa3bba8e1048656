/**
 * Screenshots of the reading app for docs/screenshots/ (note page light and
 * dark, search open, hover preview, local graph, global graph, phone), taken
 * from the fixture site. Each page must load without console errors.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFixtureSite } from './build-fixture-site.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 90_000 });

const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const site = await buildFixtureSite('screenshots');
  server = await startStaticServer(site.dir);
  browser = await launchChromium();
  await mkdir(shots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function shoot(name: string, path: string, setup: (page: Page) => Promise<void> = async () => {}, viewport = { width: 1280, height: 860 }, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(server.url + path);
  await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
  await setup(page);
  await page.screenshot({ path: shots + name + '.png' });
  expect({ name, errors }).toEqual({ name, errors: [] });
  await context.close();
}

describe('screenshots', () => {
  it('note page', () => shoot('note', 'distributed-systems/raft/'));

  it('note page, dark theme', () =>
    shoot('note-dark', 'distributed-systems/raft/', async (page) => {
      await page.evaluate(() => window.scrollTo(0, 620));
      await page.locator('pre.mermaid[data-mermaid="drawn"]').waitFor({ timeout: 20_000 });
    }, undefined, 'dark'));

  it('search open', () =>
    shoot('search', 'distributed-systems/raft/', async (page) => {
      await page.keyboard.press('/');
      await page.getByRole('searchbox', { name: 'Search' }).fill('replication');
      await page.getByRole('option').first().waitFor();
    }));

  it('hover preview', () =>
    shoot('preview', 'distributed-systems/paxos/', async (page) => {
      await page.locator('.note-body a', { hasText: 'log replication in Raft' }).hover();
      await page.locator('garden-preview .preview-card').waitFor();
      await page.waitForTimeout(300);
    }));

  it('local graph', () =>
    shoot('local-graph', 'consensus/', async (page) => {
      await page.evaluate(() => localStorage.setItem('trellis-local-graph', 'open:2'));
      await page.reload();
      await page.getByRole('img', { name: 'Graph' }).waitFor();
      await page.waitForTimeout(800);
    }));

  it('global graph', () =>
    shoot('graph', 'graph/', async (page) => {
      await page.getByRole('img', { name: 'Graph' }).waitFor();
      await page.waitForTimeout(800);
    }));

  it('phone', () => shoot('phone', 'distributed-systems/raft/', async () => {}, { width: 390, height: 844 }));
});
