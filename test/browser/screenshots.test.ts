/**
 * Screenshots of the reading app (note page light and dark, search open,
 * hover preview, local graph, global graph, phone), taken from the fixture
 * site into `screenshotDir` (docs/screenshots/ under `npm run screenshots`).
 * Each shot checks what a reader sees in it, and that the page logged no error.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { collectErrors, colorDistance, colorsAt, inkShare, screenshotDir } from './page-helpers.ts';
import { useFixtureSite } from './fixture-session.ts';

vi.setConfig({ testTimeout: 90_000 });

const fixture = useFixtureSite('screenshots');

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
});

interface Shot {
  name: string;
  path: string;
  /** Bring the page to the state to show. */
  setup?: (page: Page) => Promise<void>;
  /** Check what the picture shows a reader. */
  check: (page: Page) => Promise<void>;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

async function shoot(shot: Shot): Promise<void> {
  const context = await fixture.browser.newContext({
    viewport: shot.viewport ?? { width: 1280, height: 860 },
    colorScheme: shot.colorScheme ?? 'light',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(fixture.server.url + shot.path);
  await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
  await shot.setup?.(page);
  await shot.check(page);
  // Transitions finished and animations stopped, so a picture does not change from run to run (a focus ring caught half-way did).
  await page.screenshot({ path: screenshotDir + shot.name + '.png', animations: 'disabled' });
  expect({ name: shot.name, errors }).toEqual({ name: shot.name, errors: [] });
  await context.close();
}

describe('screenshots', () => {
  it('note page', () =>
    shoot({
      name: 'note',
      path: 'distributed-systems/raft/',
      check: async (page) => {
        expect(await page.locator('main h1.note-title').textContent()).toBe('Raft');
        expect(await page.locator('[data-region="toc"] a').count()).toBeGreaterThan(1);
        expect(await page.locator('main h1.note-title').isVisible()).toBe(true);
      },
    }));

  it('note page, dark theme', () =>
    shoot({
      name: 'note-dark',
      path: 'distributed-systems/raft/',
      colorScheme: 'dark',
      setup: async (page) => {
        await page.evaluate(() => window.scrollTo(0, 620));
        await page.locator('pre.mermaid[data-mermaid="drawn"]').waitFor({ timeout: 20_000 });
      },
      check: async (page) => {
        // The page is dark and its text light.
        const [background] = await colorsAt(page, page.locator('body'), [{ x: 5, y: 5 }]);
        expect(colorDistance(background!, '#000000')).toBeLessThan(150);
        expect(await page.locator('pre.mermaid svg').count()).toBe(1);
      },
    }));

  it('search open', () =>
    shoot({
      name: 'search',
      path: 'distributed-systems/raft/',
      setup: async (page) => {
        await page.keyboard.press('/');
        await page.getByRole('searchbox', { name: 'Search' }).fill('replication');
        await page.locator('garden-search').getByRole('option').first().waitFor();
      },
      check: async (page) => {
        expect(await page.locator('garden-search').getByRole('option').count()).toBeGreaterThan(0);
        expect((await page.locator('garden-search').getByRole('option').first().textContent())?.toLowerCase()).toContain('replication');
      },
    }));

  it('hover preview', () =>
    shoot({
      name: 'preview',
      path: 'distributed-systems/paxos/',
      setup: async (page) => {
        await page.locator('.note-body a', { hasText: 'log replication in Raft' }).hover();
        await page.locator('garden-preview .preview-card').waitFor();
        await page.waitForTimeout(300);
      },
      check: async (page) => {
        expect(await page.locator('garden-preview .preview-header').textContent()).toContain('Raft');
        expect(await page.locator('garden-preview .preview-card').isVisible()).toBe(true);
      },
    }));

  it('local graph', () =>
    shoot({
      name: 'local-graph',
      path: 'consensus/',
      setup: async (page) => {
        await page.evaluate(() => localStorage.setItem('trellis-local-graph', 'open:2'));
        await page.reload();
        await page.getByRole('img', { name: 'Graph' }).waitFor();
        await page.waitForTimeout(800);
      },
      check: async (page) => {
        expect(await page.getByRole('img', { name: 'Graph' }).isVisible()).toBe(true);
        // Nodes, edges and labels are drawn: a blank panel is one colour inside its border.
        expect(await inkShare(page, page.getByRole('img', { name: 'Graph' }))).toBeGreaterThan(0.03);
      },
    }));

  it('global graph', () =>
    shoot({
      name: 'graph',
      path: 'graph/',
      setup: async (page) => {
        await page.getByRole('img', { name: 'Graph' }).waitFor();
        await page.waitForTimeout(800);
      },
      check: async (page) => {
        expect(await page.getByRole('img', { name: 'Graph' }).isVisible()).toBe(true);
        expect(await inkShare(page, page.getByRole('img', { name: 'Graph' }))).toBeGreaterThan(0.005);
      },
    }));

  it('phone', () =>
    shoot({
      name: 'phone',
      path: 'distributed-systems/raft/',
      viewport: { width: 390, height: 844 },
      check: async (page) => {
        // Nothing wider than the screen: no sideways scrolling.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        expect(await page.locator('main h1.note-title').isVisible()).toBe(true);
      },
    }));
});
