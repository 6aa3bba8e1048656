/**
 * Search as a reader uses it, on a site built by the real CLI from the search fixture garden
 * and read in Chromium: a misspelt word typed into the search dialog finds its note, first and
 * highlighted; a query with more hits than fit says how many match, "Show more" (or Down on the
 * last hit) reveals the next ones, and the arrows and Enter still choose among them all.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWithCli } from '../helpers/publish-garden.ts';
import { makeSearchGarden, waveNotes } from '../helpers/search-garden.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 60_000 });

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const built = buildWithCli(makeSearchGarden());
  expect(built.status, built.stderr).toBe(0);
  server = await startStaticServer(path.resolve(built.out));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open a note page and the search dialog; returns the page, its searchbox and its errors. */
async function openSearch(url: string) {
  const page: Page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(server.url + url);
  await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.waitFor({ state: 'visible' });
  return { page, box, errors };
}

describe('search in the built site', () => {
  it('finds the note a misspelt word means, as it is typed', async () => {
    const { page, box, errors } = await openSearch('calm-wave/');
    expect(server.requests.some((request) => request.startsWith('/_search/'))).toBe(false);
    await box.pressSequentially('consenus', { delay: 30 });
    const first = page.locator('garden-search').getByRole('option').first();
    await expect.poll(() => first.locator('.hit-title').textContent()).toBe('Consensus');
    expect(await first.locator('.hit-title mark').textContent()).toBe('Consensus');
    expect(await first.getAttribute('aria-selected')).toBe('true');

    await box.fill('kubernets');
    await expect.poll(() => first.locator('.hit-title').textContent()).toBe('Kubernetes');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/kubernetes/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Kubernetes');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the total, and more hits on demand, which the keyboard reaches', async () => {
    const { page, box, errors } = await openSearch('consensus/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const options = dialog.getByRole('option');
    const status = dialog.getByRole('status');
    const more = dialog.getByRole('button', { name: 'Show more' });
    await box.fill('wave');
    await expect.poll(() => status.textContent()).toBe(`10 of ${waveNotes} results`);
    expect(await options.count()).toBe(10);
    expect(await more.isVisible()).toBe(true);

    await more.click();
    await expect.poll(() => options.count()).toBe(20);
    expect(await status.textContent()).toBe(`20 of ${waveNotes} results`);
    // The first new hit is chosen, and the searchbox keeps the keyboard.
    expect(await options.nth(10).getAttribute('aria-selected')).toBe('true');
    expect(await box.evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    // Down from the last hit loads the rest, instead of going back to the first.
    for (let i = 10; i < 19; i++) await box.press('ArrowDown');
    expect(await options.nth(19).getAttribute('aria-selected')).toBe('true');
    await box.press('ArrowDown');
    await expect.poll(() => options.count()).toBe(waveNotes);
    expect(await status.textContent()).toBe(`${waveNotes} results`);
    expect(await more.isVisible()).toBe(false);
    expect(await options.nth(20).getAttribute('aria-selected')).toBe('true');

    const chosen = await options.nth(20).locator('.hit-title').textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main h1').textContent()).toBe(chosen);
    expect(errors).toEqual([]);
    await page.close();
  });
});
