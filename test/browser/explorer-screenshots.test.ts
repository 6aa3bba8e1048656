/**
 * Screenshots of the sidebar explorer, taken from the fixture site into
 * `screenshotDir` (docs/screenshots/ under `npm run screenshots`): the tree
 * beside a note on a wide screen, light and dark (filtering), and the phone
 * drawer, light and dark. Each shot checks what a reader sees in it, and that
 * the page logged no error.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { collectErrors, colorDistance, colorsAt, screenshotDir } from './page-helpers.ts';
import { useFixtureSite } from './fixture-session.ts';

vi.setConfig({ testTimeout: 90_000 });

const fixture = useFixtureSite('explorer-screenshots');

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
});

async function shoot(name: string, options: { phone?: boolean; dark?: boolean; setup: (page: Page) => Promise<void> }): Promise<void> {
  const context = await fixture.browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    colorScheme: options.dark ? 'dark' : 'light',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(fixture.server.url + 'distributed-systems/raft/');
  await page.waitForFunction(() => customElements.get('garden-explorer') !== undefined);
  await options.setup(page);
  const tree = page.getByRole('tree', { name: 'Notes' });
  expect(await tree.isVisible()).toBe(true);
  expect(await tree.getByRole('treeitem', { name: 'Raft', exact: true }).getAttribute('aria-current')).toBe('page');
  const [background] = await colorsAt(page, page.locator('garden-explorer'), [{ x: 2, y: 60 }]);
  expect(colorDistance(background!, '#000000') < 150).toBe(Boolean(options.dark));
  await page.screenshot({ path: screenshotDir + name + '.png', animations: 'disabled' });
  expect({ name, errors }).toEqual({ name, errors: [] });
  await context.close();
}

describe('explorer screenshots', () => {
  it('sidebar beside a note', () =>
    shoot('explorer', {
      setup: async (page) => {
        await page.getByRole('treeitem', { name: 'Raft', exact: true }).waitFor();
        // Notes read in the text colour (not a faint grey), the current one in the accent.
        const colour = (name: string) => page.getByRole('treeitem', { name, exact: true }).evaluate((el) => getComputedStyle(el).color);
        expect(await colour('Paxos')).toBe('rgb(41, 40, 42)');
        expect(await colour('Raft')).toBe('rgb(46, 108, 91)');
      },
    }));

  it('sidebar, dark, filtering', () =>
    shoot('explorer-dark', {
      dark: true,
      setup: async (page) => {
        await page.getByRole('searchbox', { name: 'Filter notes' }).fill('raft');
        await page.getByRole('status').filter({ hasText: 'match' }).waitFor();
        expect(await page.getByRole('treeitem', { name: 'Paxos', exact: true }).count()).toBe(0);
      },
    }));

  for (const dark of [false, true])
    it(`phone drawer${dark ? ', dark' : ''}`, () =>
      shoot(dark ? 'explorer-phone-dark' : 'explorer-phone', {
        phone: true,
        dark,
        setup: async (page) => {
          await page.getByRole('button', { name: 'Browse notes' }).click();
          await page.getByRole('treeitem', { name: 'Raft', exact: true }).waitFor();
          await page.waitForTimeout(300);
        },
      }));
});
