/**
 * A site built from a configured garden (through bin/trellis.js), in Chromium:
 * the accent colours and fonts apply in both themes, the garden's stylesheet
 * wins over Trellis's, the logo and favicon load, the header has the
 * configured links, and the local graph starts closed (`localGraphOpen: false`) until the reader opens it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGarden } from '../helpers/garden.ts';
import { launchChromium } from './launch-chromium.ts';
import { buildWithCli } from './build-with-cli.ts';
import { collectErrors } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const garden = makeGarden({
    'trellis.config.yaml': [
      'title: Configured',
      'nav: [{ title: About, url: /about/ }]',
      'theme:',
      '  accent: "#aa3300"',
      '  accentDark: rgb(255 170 136)',
      '  fonts: { body: "Georgia, serif" }',
      'stylesheet: styles/site.css',
      'favicon: assets/icon.svg',
      'logo: assets/logo.svg',
      'features: { localGraphOpen: false }',
    ].join('\n'),
    'Home.md': '# Home\n\nSee [[About]].\n',
    'About.md': '# About\n\nBack [[Home]].\n',
    'styles/site.css': '.note-title { text-transform: uppercase; }\n',
    'assets/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="red"/></svg>',
    'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" fill="blue"/></svg>',
  });
  const out = buildWithCli(garden);
  server = await startStaticServer(out);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(server.url + url);
  await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
  return { page, errors };
}

describe('a configured site in Chromium', () => {
  it('uses the accent and fonts of the configuration in both themes, and the garden stylesheet after them', async () => {
    const { page, errors } = await open('about/');
    const link = page.locator('.note-body a.internal').first();
    expect(await link.evaluate((a) => getComputedStyle(a).color)).toBe('rgb(170, 51, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^Georgia, serif/);
    expect(await page.locator('.note-title').evaluate((h) => getComputedStyle(h).textTransform)).toBe('uppercase');
    await page.close();
    const dark = await open('about/', 'dark');
    expect(
      await dark.page
        .locator('.note-body a.internal')
        .first()
        .evaluate((a) => getComputedStyle(a).color),
    ).toBe('rgb(255, 170, 136)');
    // The reader's explicit choice of theme still switches the accent.
    await dark.page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    expect(
      await dark.page
        .locator('.note-body a.internal')
        .first()
        .evaluate((a) => getComputedStyle(a).color),
    ).toBe('rgb(170, 51, 0)');
    await dark.page.close();
    expect([...errors, ...dark.errors]).toEqual([]);
  });

  it('shows the logo, links the favicon and adds the configured header links', async () => {
    const { page, errors } = await open('about/');
    const logo = page.locator('.site-title img.site-logo');
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(16);
    const icon = await page.locator('link[rel=icon]').evaluate((l: HTMLLinkElement) => l.href);
    expect(icon).toBe(server.url + 'assets/icon.svg');
    expect((await fetch(icon)).status).toBe(200);
    expect(await page.locator('.site-nav a').allTextContents()).toEqual(['Start here', 'Notes', 'Topics', 'Graph', 'Tags', 'About']);
    expect(await page.locator('.site-nav a[aria-current=page]').textContent()).toBe('About');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts the local graph closed when the author turns it off, loading nothing, and remembers a reader who opens it', async () => {
    const requests: string[] = [];
    const { page, errors } = await open('about/');
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const toggle = page.locator('garden-local-graph').getByRole('button', { name: 'Show' });
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await page.waitForTimeout(300);
    expect(requests.filter((r) => r.endsWith('graph.json'))).toEqual([]);
    await toggle.click();
    await page.getByRole('img', { name: 'Graph' }).waitFor();
    expect(requests.filter((r) => r.endsWith('graph.json'))).toEqual(['/about/local-graph.json']);
    await page.reload();
    await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
    await expect.poll(() => page.locator('garden-local-graph button[aria-controls=local-graph-body]').getAttribute('aria-expanded')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });
});
