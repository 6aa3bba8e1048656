/**
 * The sidebar explorer on a site built by `trellis build` from a garden with
 * nested folders, in Chromium: the tree beside the article on a wide screen,
 * operated by keyboard only (folders open and close, type-ahead, Enter follows
 * a note in place and the tree follows it), the page's note revealed and marked
 * current, the filter finding a nested note, open folders remembered across page
 * loads, the page not moving when the tree arrives; on a 390 x 844 phone the
 * header's targets are at least 44 px, the title is whole, and the drawer opens
 * from the header, keeps focus inside and closes with Escape. "Start here" is
 * linked from the home page and the site links.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeGarden } from '../helpers/garden.ts';
import { launchChromium } from './launch-chromium.ts';
import { buildWithCli } from './build-with-cli.ts';
import { collectErrors } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 60_000 });

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const garden = makeGarden({
    'trellis.config.yaml': 'title: Three in the Morning\nhome: Home.md\n',
    'Home.md': '# Home\n\nWelcome. See [[Target Note]].\n',
    'Loose Leaf.md': '# Loose Leaf\n\nAt the root.\n',
    'Alpha/One.md': '# One\n\nFirst of Alpha.\n',
    'Alpha/Beta/Two.md': '# Two\n\nIn Beta.\n',
    'Alpha/Beta/Gamma/Deep Note.md': '# Deep Note\n\nThree folders down. Back to [[Home]].\n',
    'Zeta/Target Note.md': '# Target Note\n\nThe note we open first.\n\n## One\n\nText.\n\n## Two\n\nText.\n',
    'Zeta/Other.md': '# Other\n\nA sibling.\n',
    'Mu/Inner/Needle in Haystack.md': '# Needle in Haystack\n\nFound by the filter.\n',
    'Mu/Inner/Hay.md': '# Hay\n\nNot it.\n',
  });
  const out = buildWithCli(garden);
  server = await startStaticServer(out);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(server.url + url);
  await page.waitForFunction(() => customElements.get('garden-explorer') !== undefined);
  return { page, errors };
}

/** The tree item a reader sees with this name. */
function item(page: Page, name: string): Locator {
  return page.getByRole('tree', { name: 'Notes' }).getByRole('treeitem', { name, exact: true });
}

/** The folder item whose row shows `name` (a folder's accessible name also holds its note count). */
function folder(page: Page, name: string): Locator {
  return page.getByRole('tree', { name: 'Notes' }).locator(`li[role="treeitem"][data-path$="${name}"]`);
}

/** The name of the focused element, looking into shadow roots. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const row = el?.querySelector(':scope > .row .name');
    return (row ?? el)?.textContent?.trim() ?? '';
  });
}

describe('sidebar explorer on a wide screen', () => {
  it('reveals and marks the page note, keeps other folders closed and their notes out of the page', async () => {
    const { page, errors } = await open('zeta/target-note/');
    const current = item(page, 'Target Note');
    await current.waitFor();
    expect(await current.getAttribute('aria-current')).toBe('page');
    expect(await current.isVisible()).toBe(true);
    expect(await folder(page, 'Zeta').getAttribute('aria-expanded')).toBe('true');
    expect(await folder(page, 'Alpha').getAttribute('aria-expanded')).toBe('false');
    // Closed folders are not rendered, and the page's HTML never carried them.
    expect(await item(page, 'Deep Note').count()).toBe(0);
    const html = await (await fetch(server.url + 'zeta/target-note/')).text();
    expect(html).not.toContain('Deep Note');
    expect(html).not.toContain('Needle in Haystack');
    // The tree sits left of the article.
    const tree = (await page.getByRole('tree', { name: 'Notes' }).boundingBox())!;
    const title = (await page.locator('main h1').boundingBox())!;
    expect(tree.x + tree.width).toBeLessThan(title.x);
    expect(errors).toEqual([]);
  });

  it('opens folders, moves and follows a note by keyboard only', async () => {
    const { page, errors } = await open('zeta/target-note/');
    await item(page, 'Target Note').waitFor();
    // Tab from the top of the page to the filter box, then into the tree.
    for (let i = 0; i < 30 && !(await isFilterFocused(page)); i++) await page.keyboard.press('Tab');
    expect(await isFilterFocused(page)).toBe(true);
    await page.keyboard.press('Tab');
    // One tab stop: the tree's entry is the current note.
    expect(await focused(page)).toBe('Target Note');
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe('Alpha');
    await page.keyboard.press('ArrowRight');
    expect(await folder(page, 'Alpha').getAttribute('aria-expanded')).toBe('true');
    await folder(page, 'Alpha/Beta').waitFor();
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('Beta');
    await page.keyboard.press('ArrowRight');
    expect(await folder(page, 'Alpha/Beta').getAttribute('aria-expanded')).toBe('true');
    await folder(page, 'Alpha/Beta/Gamma').waitFor();
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('Gamma');
    await page.keyboard.press('Enter');
    expect(await folder(page, 'Gamma').getAttribute('aria-expanded')).toBe('true');
    await item(page, 'Deep Note').waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('Deep Note');
    expect(await item(page, 'Deep Note').getAttribute('aria-level')).toBe('4');
    // Left goes to the parent, and closes it.
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('Gamma');
    await page.keyboard.press('ArrowLeft');
    expect(await folder(page, 'Gamma').getAttribute('aria-expanded')).toBe('false');
    expect(await item(page, 'Deep Note').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    // Type-ahead: "d" finds Deep Note from wherever focus is.
    await page.keyboard.press('Home');
    await page.keyboard.press('d');
    expect(await focused(page)).toBe('Deep Note');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/alpha/beta/gamma/deep-note/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Deep Note');
    // In place: the tree stayed, and now marks the new note.
    await expect.poll(() => item(page, 'Deep Note').getAttribute('aria-current')).toBe('page');
    expect(await item(page, 'Target Note').getAttribute('aria-current')).toBe(null);
    // Open folders are remembered on the next page load.
    await page.goto(server.url + 'loose-leaf/');
    await item(page, 'Loose Leaf').waitFor();
    expect(await folder(page, 'Alpha/Beta/Gamma').getAttribute('aria-expanded')).toBe('true');
    // Each remembered folder loads once its parent's listing shows it.
    await item(page, 'Deep Note').waitFor();
    expect(errors).toEqual([]);
  });

  it('filters names and reveals a nested match', async () => {
    const { page, errors } = await open('loose-leaf/');
    await item(page, 'Loose Leaf').waitFor();
    await page.getByRole('searchbox', { name: 'Filter notes' }).fill('needle');
    const match = item(page, 'Needle in Haystack');
    await match.waitFor();
    expect(await match.isVisible()).toBe(true);
    expect(await folder(page, 'Mu/Inner').getAttribute('aria-expanded')).toBe('true');
    expect(await item(page, 'Hay').count()).toBe(0);
    expect(await item(page, 'Loose Leaf').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'match' }).textContent()).toBe('1 match');
    await match.click();
    await page.waitForURL('**/mu/inner/needle-in-haystack/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Needle in Haystack');
    // Escape in the filter box clears it: the whole tree is back.
    await page.getByRole('searchbox', { name: 'Filter notes' }).press('Escape');
    await item(page, 'Loose Leaf').waitFor();
    expect(errors).toEqual([]);
  });

  it('reserves the column: the article does not move when the tree arrives', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_explorer/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url + 'zeta/target-note/');
    await page.waitForFunction(() => customElements.get('garden-explorer') !== undefined);
    const before = (await page.locator('main h1').boundingBox())!;
    release();
    await item(page, 'Target Note').waitFor();
    const after = (await page.locator('main h1').boundingBox())!;
    expect({ x: after.x, y: after.y, width: after.width }).toEqual({ x: before.x, y: before.y, width: before.width });
    await context.close();
  });

  it('links "Start here" from the home page and the site links', async () => {
    const { page, errors } = await open('');
    const inArticle = page.locator('main').getByRole('link', { name: 'Start here' });
    expect(await inArticle.isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Start here' }).isVisible()).toBe(true);
    await inArticle.click();
    await page.waitForURL('**/start/');
    expect(await page.locator('main h1').textContent()).toBe('Start here');
    expect(await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Start here' }).getAttribute('aria-current')).toBe('page');
    // The app asks for a page's note data before loading a page that is not a note: that 404 is expected.
    expect(errors.filter((e) => !e.includes('/start/index.json'))).toEqual([]);
  });
});

describe('on a phone (390 x 844)', () => {
  const phone = { width: 390, height: 844 };

  it('has 44 px header targets and the whole site title', async () => {
    const { page } = await open('zeta/target-note/', phone);
    const targets = {
      explorer: page.getByRole('button', { name: 'Browse notes' }),
      search: page.getByRole('link', { name: 'Search' }),
      theme: page.locator('garden-theme-toggle').getByRole('button'),
    };
    for (const [name, target] of Object.entries(targets)) {
      const box = (await target.boundingBox())!;
      expect({ name, width: box.width >= 44, height: box.height >= 44 }).toEqual({ name, width: true, height: true });
    }
    const title = page.locator('.site-title');
    expect(await title.textContent()).toBe('Three in the Morning');
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Between phone and desktop the header's links scroll rather than cut the title.
    await page.setViewportSize({ width: 700, height: 900 });
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

  it('puts the outline near the top, folded, before the article and its backlinks', async () => {
    const { page, errors } = await open('zeta/target-note/', phone);
    const toggle = page.getByRole('button', { name: 'On this page' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.toc').getByRole('link', { name: 'One' }).isVisible()).toBe(false);
    const box = (await toggle.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.y).toBeLessThan((await page.locator('main h1').boundingBox())!.y);
    expect(box.y).toBeLessThan((await page.locator('section.backlinks').boundingBox())!.y);
    await toggle.click();
    expect(await page.locator('.toc').getByRole('link', { name: 'One' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('opens the drawer from the header, keeps focus inside, closes with Escape', async () => {
    const { page, errors } = await open('zeta/target-note/', phone);
    const button = page.getByRole('button', { name: 'Browse notes' });
    expect(await page.getByRole('tree', { name: 'Notes' }).isVisible()).toBe(false);
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const tree = page.getByRole('tree', { name: 'Notes' });
    await item(page, 'Target Note').waitFor();
    expect(await tree.isVisible()).toBe(true);
    expect(await item(page, 'Target Note').getAttribute('aria-current')).toBe('page');
    // The drawer's targets are 44 px tall too.
    expect((await item(page, 'Other').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // Focus never leaves the drawer.
    const panel = page.locator('garden-explorer-panel');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i % 4 === 3 ? 'Shift+Tab' : 'Tab');
      expect(await panel.evaluate((p) => p.contains(document.activeElement))).toBe(true);
    }
    // The page behind is inert.
    expect(await page.locator('main').evaluate((m) => m.closest('[inert]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await tree.isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((b) => document.activeElement === b)).toBe(true);
    expect(await page.locator('main').evaluate((m) => m.closest('[inert]') === null)).toBe(true);
    // Following a note from the drawer shows it in place and closes the drawer.
    await button.click();
    await item(page, 'Other').click();
    await page.waitForURL('**/zeta/other/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Other');
    expect(await tree.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

function isFilterFocused(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el instanceof HTMLInputElement && el.getAttribute('aria-label') === 'Filter notes';
  });
}
