/**
 * Screenshots of the reading app for docs/screenshots/ (note page light and
 * dark, search open, hover preview, local graph, global graph, phone), taken
 * from the fixture site. Each page must load without console errors.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { collectErrors } from './page-helpers.ts';
import { useFixtureSite } from './fixture-session.ts';

vi.setConfig({ testTimeout: 90_000 });

const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const fixture = useFixtureSite('screenshots');

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
});

async function shoot(name: string, path: string, setup: (page: Page) => Promise<void> = async () => {}, viewport = { width: 1280, height: 860 }, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  const context = await fixture.browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(fixture.server.url + path);
  await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
  await setup(page);
  // Transitions finished and animations stopped, so a picture does not change from run to run (a focus ring caught half-way did).
  await page.screenshot({ path: shots + name + '.png', animations: 'disabled' });
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
