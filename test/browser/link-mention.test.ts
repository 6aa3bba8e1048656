/**
 * The one-click Link of an unlinked mention in `trellis dev`, in Chromium against a dev server on a
 * temporary garden: the mentions are shown open, each with a Link button; clicking one rewrites the
 * source file exactly at the mention, and the page then shows the note among the backlinks and no
 * longer among the mentions. A file changed on disk after the page was shown is refused with the
 * reason on screen, and left as it is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import type { NoteData } from '../../src/shared/types.ts';
import { freePort } from '../helpers/free-port.ts';
import { makeGarden } from '../helpers/garden.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors } from './page-helpers.ts';

vi.setConfig({ testTimeout: 120_000 });

const paxos = '# Paxos\n\nOlder than raft, and simpler to teach.\n\nSee [[Gossip]].\n';
const gossip = '# Gossip\n\nUnlike Raft, no leader.\n';
let browser: Browser;
let dev: DevServer;
let garden: string;

beforeAll(async () => {
  garden = makeGarden({
    'Raft.md': '# Raft\n\nA consensus algorithm with a leader.\n',
    'Paxos.md': paxos,
    'Gossip.md': gossip,
  });
  dev = await startDev({ garden, port: await freePort(), quiet: true, settleMs: 300 });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

const read = (rel: string) => readFileSync(path.join(garden, rel), 'utf8');

/** The titles of the cards in a region of the page (backlinks or mentions). */
const titles = (page: Page, region: string) => page.getByRole('region', { name: region }).locator('.backlink-title').allTextContents();

describe('Link on an unlinked mention in trellis dev', () => {
  it('shows the mentions open, links one in its source file with a click, and the page shows the new backlink', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(dev.url + 'raft/');
    await page.locator('garden-dev-bar').waitFor({ state: 'attached' });
    const mentions = page.getByRole('region', { name: 'Unlinked mentions' });
    await mentions.scrollIntoViewIfNeeded();
    // Open for the author, no count to click first.
    expect(await mentions.locator('.backlink').first().isVisible()).toBe(true);
    expect(await titles(page, 'Unlinked mentions')).toEqual(['Gossip', 'Paxos']);
    expect(await page.getByRole('region', { name: 'Backlinks' }).textContent()).toContain('No notes link here yet.');
    await page.screenshot({ path: '/tmp/link-mention-before.png' });

    await mentions.getByRole('button', { name: 'Link “raft” in Paxos' }).click();
    await expect.poll(() => read('Paxos.md')).toBe('# Paxos\n\nOlder than [[Raft|raft]], and simpler to teach.\n\nSee [[Gossip]].\n');
    await expect.poll(() => titles(page, 'Backlinks')).toEqual(['Paxos']);
    expect(await titles(page, 'Unlinked mentions')).toEqual(['Gossip']);
    expect(await page.locator('garden-dev-bar .message').textContent()).toBe('Linked “raft” in Paxos.md as [[Raft|raft]].');
    // The local graph beside the note draws the new neighbour.
    const list = page.locator('garden-local-graph garden-neighbour-list');
    await expect.poll(() => list.getByRole('link').allTextContents()).toEqual(['Paxos']);
    // The new link is a link on Paxos's page too.
    await page.screenshot({ path: '/tmp/link-mention-after.png' });
    await page.getByRole('region', { name: 'Backlinks' }).getByRole('link', { name: 'Paxos' }).click();
    await page.waitForURL('**/paxos/');
    await expect.poll(() => page.locator('.note-body a.internal', { hasText: 'raft' }).getAttribute('href')).toBe('/raft/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses when the file changed on disk after the page was shown, says why, and leaves the file as it is', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = collectErrors(page);
    // Hold the dev server's messages, so the page stays as it was shown while the file changes under it.
    let hold = false;
    await page.routeWebSocket(/.*/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        if (!hold) ws.send(m);
      });
    });
    await page.goto(dev.url + 'raft/');
    await page.locator('garden-dev-bar').waitFor({ state: 'attached' });
    const button = page.getByRole('region', { name: 'Unlinked mentions' }).getByRole('button', { name: 'Link “Raft” in Gossip' });
    await button.waitFor();
    hold = true;
    const changed = gossip + '\nA line written in another editor.\n';
    writeFileSync(path.join(garden, 'Gossip.md'), changed);
    // The server has read the new file (its mention now carries another hash); the page still shows the old one.
    const hashNow = async () =>
      ((await (await fetch(dev.url + 'raft/index.json')).json()) as NoteData).unlinkedMentions.find((m) => m.source === 'Gossip')?.edit?.hash;
    const shown = await button.getAttribute('data-hash');
    await expect.poll(hashNow).not.toBe(shown);

    await button.click();
    await expect
      .poll(() => page.locator('garden-dev-bar .message').textContent())
      .toBe('Gossip.md changed on disk since this page was shown, so nothing was linked; the page updates with it, then try again');
    expect(read('Gossip.md')).toBe(changed);
    expect(await titles(page, 'Unlinked mentions')).toContain('Gossip');
    await page.screenshot({ path: '/tmp/link-mention-conflict.png' });
    // The refused request is the only error the page logs.
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    await page.close();
  });
});
