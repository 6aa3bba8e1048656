/**
 * The properties panel in Chromium, on a garden built and emitted with the real app bundle: seen
 * on a prerendered page, folded without JavaScript, the same after in-place navigation (by a body
 * link and by a link in the panel), previewed on hover, and inert with hostile values.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildGarden } from '../../src/build.ts';
import { ensureAppBundle } from '../../src/emit/app-bundle.ts';
import { emitSite } from '../../src/emit/index.ts';
import { makeGarden, tempDir } from '../helpers/garden.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 60_000 });

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  const garden = makeGarden({
    'Alpha.md': '---\nrating: 4\ndone: true\nup: "[[Beta]]"\ndue: 2024-05-01\ntags: [garden]\n---\nRead [[Beta]] next.\n',
    'Beta.md': '---\nstatus: draft\nback: "[[Alpha]]"\nsources:\n  - https://example.org/source\n  - "[[Nowhere]]"\n---\n# Beta\n\nAbout beta.\n',
    'Hostile.md':
      '---\n"<img src=x onerror=alert(1)>": "<script>alert(2)</script>"\njs: javascript:alert(3)\nlist: ["javascript:alert(4)", "[[<img src=x onerror=alert(5)>]]"]\n' +
      'web: https://example.org/"onclick="alert(6)\n---\nSee [[Alpha]].\n',
  });
  const out = path.join(tempDir(), 'site');
  const app = await ensureAppBundle();
  await emitSite(await buildGarden({ garden, noCache: true, layout: false }), { out, site: { title: 'Props', basePath: '/' }, app });
  site = await startStaticServer(out);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(page: Page, url: string): Promise<void> {
  await page.goto(site.url + url);
  await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
}

/** Each row of the panel as `name: text`, a checkbox as [x] or [ ]. */
function rows(page: Page): Promise<string[]> {
  return page.locator('main .properties .property').evaluateAll((els) =>
    els.map((el) => {
      const box = el.querySelector<HTMLInputElement>('input[type="checkbox"]');
      const value = box ? (box.checked ? '[x]' : '[ ]') : (el.querySelector('dd')?.textContent ?? '');
      return `${el.querySelector('dt')?.textContent}: ${value}`;
    }),
  );
}

describe('the properties panel', () => {
  it('is on the prerendered page, open, above the body, and folds without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + 'alpha/');
    const panel = page.locator('main details.properties');
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await rows(page)).toEqual(['rating: 4', 'done: [x]', 'up: Beta', 'due: 1 May 2024', 'tags: garden']);
    const [panelBox, bodyBox] = [await panel.boundingBox(), await page.locator('main .note-body').boundingBox()];
    expect(panelBox!.y + panelBox!.height).toBeLessThanOrEqual(bodyBox!.y);
    expect(await page.locator('main .properties a.internal').getAttribute('href')).toBe('/beta/');
    await page.locator('main .properties summary').click();
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('main .properties .property').first().isVisible()).toBe(false);
    await context.close();
  });

  it('shows the next note’s panel after in-place navigation, identical to its prerendered page', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await open(page, 'beta/');
    const prerendered = await page.locator('main .properties').evaluate((el) => el.outerHTML);

    await open(page, 'alpha/');
    await page.evaluate(() => Object.assign(window, { propsMark: 'kept' }));
    await page.locator('main .note-body a.internal', { hasText: 'Beta' }).click();
    await page.waitForURL('**/beta/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Beta');
    expect(await page.evaluate(() => (window as unknown as { propsMark?: string }).propsMark)).toBe('kept');
    expect(await rows(page)).toEqual(['status: draft', 'back: Alpha', 'sources: https://example.org/sourceNowhere']);
    expect(await page.locator('main .properties').evaluate((el) => el.outerHTML)).toBe(prerendered);
    expect(await page.locator('main .properties a.unresolved').textContent()).toBe('Nowhere');
    expect(await page.locator('main .properties a.external').getAttribute('href')).toBe('https://example.org/source');

    // A link in the panel navigates in place too, back to a note whose panel is shown again.
    await page.locator('main .properties a.internal', { hasText: 'Alpha' }).click();
    await page.waitForURL('**/alpha/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Alpha');
    expect(await page.evaluate(() => (window as unknown as { propsMark?: string }).propsMark)).toBe('kept');
    expect(await rows(page)).toEqual(['rating: 4', 'done: [x]', 'up: Beta', 'due: 1 May 2024', 'tags: garden']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('previews the note a property links to on hover', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, 'alpha/');
    await page.locator('main .properties a.internal', { hasText: 'Beta' }).hover();
    await page.locator('garden-preview[level="1"] .preview-card').waitFor({ state: 'visible' });
    expect(await page.locator('garden-preview .preview-body').textContent()).toContain('About beta.');
    await page.close();
  });

  it('keeps hostile names and values as text: no script runs and no script URL is linked', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await open(page, 'hostile/');
    expect(await rows(page)).toEqual([
      '<img src=x onerror=alert(1)>: <script>alert(2)</script>',
      'js: javascript:alert(3)',
      'list: javascript:alert(4)<img src=x onerror=alert(5)>',
      'web: https://example.org/"onclick="alert(6)',
    ]);
    expect(await page.locator('main .properties :is(img, script)').count()).toBe(0);
    const hrefs = await page.locator('main .properties a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual(['https://example.org/%22onclick=%22alert(6)']);
    expect(await page.locator('main .properties a[onclick]').count()).toBe(0);
    for (const link of await page.locator('main .properties a:not([href^="https:"])').all()) await link.click({ force: true });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
