/**
 * Topics and unlinked mentions as a reader sees them, on a site built (bin/trellis.js) from a
 * messy vault (test/helpers/messy-vault.ts): the graph's legend lists the top-level topics
 * first and a topic's subtopics on demand, filtering by a subtopic; a topic page lists its
 * subtopics; unlinked mentions are collapsed under their count, without the mentions of a
 * one-word title written as an ordinary word, and without the dev server's Link buttons.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/garden.ts';
import { writeMessyVault } from '../helpers/messy-vault.ts';
import { launchChromium } from './launch-chromium.ts';
import { buildWithCli } from './build-with-cli.ts';
import { collectErrors, screenshotDir } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const garden = tempDir();
  writeMessyVault(garden);
  const note = (file: string, text: string) => writeFileSync(path.join(garden, file), text);
  note('Preferences.md', '# Preferences\n\nWhere options live.\n');
  note('Mention lower.md', '# Mention lower\n\nOpen the preferences to change the theme.\n');
  note('Mention upper.md', '# Mention upper\n\nThe Preferences pane lists every plugin.\n');
  const out = buildWithCli(garden);
  server = await startStaticServer(out);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(server.url + url);
  await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
  return { page, errors };
}

describe('topics and mentions on a messy vault, in Chromium', () => {
  it('lists the top-level topics in the legend, and a topic’s subtopics on demand', async () => {
    const { page, errors } = await open('graph/');
    const legend = page.locator('garden-graph-legend');
    await legend.getByRole('button', { name: /^Cooking \d/ }).waitFor();
    const entries = legend.locator('button[aria-pressed]');
    const names = (await entries.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(names.length).toBeLessThanOrEqual(12);
    for (const subject of ['Cooking', 'Gardening', 'History', 'Astronomy', 'Plugins', 'Themes by Category', 'Kanban'])
      expect(names).toContainEqual(expect.stringMatching(new RegExp(`^${subject} ?\\d+$`)));
    for (const name of names) expect(name).not.toMatch(/^(Notes|Archive|Arquivo|Inbox|Sources|mgmeyers|\d)/);

    const more = legend.getByRole('button', { name: 'Subtopics of Plugins' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await legend.getByRole('list', { name: 'Subtopics of Plugins' }).count()).toBe(0);
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    const subs = legend.getByRole('list', { name: 'Subtopics of Plugins' }).getByRole('button');
    expect(await subs.count()).toBeGreaterThanOrEqual(2);
    await legend.screenshot({ path: path.join(screenshotDir, 'topics-legend.png') });
    const first = subs.first();
    await first.click();
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a topic page with its subtopics, and the topics index with the top level first', async () => {
    const { page, errors } = await open('topics/plugins/');
    expect(await page.locator('main h1').textContent()).toBe('Plugins');
    const body = await page.locator('main').innerText();
    expect(body).toMatch(/Subtopics/i);
    expect(body).toMatch(/Central notes/i);
    await page.screenshot({ path: path.join(screenshotDir, 'topics-page.png'), fullPage: false });
    await page.goto(server.url + 'topics/');
    const sections = await page.locator('main h2').allTextContents();
    expect(sections.length).toBeLessThanOrEqual(12);
    expect(sections.map((s) => s.trim())).toContain('Cooking');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('collapses unlinked mentions under their count, without a one-word title written as an ordinary word', async () => {
    const { page, errors } = await open('preferences/');
    const region = page.getByRole('region', { name: 'Unlinked mentions' });
    expect((await region.locator('.count').textContent())?.trim()).toBe('1');
    const card = region.getByRole('link', { name: 'Mention upper' });
    expect(await card.isVisible()).toBe(false);
    await region.locator('summary').click();
    expect(await card.isVisible()).toBe(true);
    expect(await region.getByRole('link', { name: 'Mention lower' }).count()).toBe(0);
    // Linking a mention is the author's, in trellis dev: a built site has no Link button.
    expect(await region.getByRole('button').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

mkdirSync(screenshotDir, { recursive: true });
