/**
 * The in-browser editor of `trellis dev` in Chromium, against a dev server on
 * a temporary garden: wiki-link completion, Ctrl-S saving, the page and the
 * target's backlinks updating in place, unresolved links, and save conflicts
 * that show both versions and write nothing until the user chooses.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { freePort } from '../helpers/free-port.ts';
import { makeGarden } from '../helpers/garden.ts';
import { noteUrl, openEditor as openDevEditor } from './dev-editor.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors, screenshotDir } from './page-helpers.ts';

vi.setConfig({ testTimeout: 90_000 });

const shots = screenshotDir;
let browser: Browser;
let dev: DevServer;
let garden: string;

beforeAll(async () => {
  // In a folder named `garden`, so the site's title (the folder's name) is the same on every run, and so is the screenshot.
  const root = makeGarden({
    'garden/Home.md': '# Home\n\nWelcome to the garden. Start with [[Paxos]].\n',
    'garden/Distributed Systems/Raft.md':
      '---\naliases: [Raft consensus]\n---\n# Raft\n\nRaft is a consensus algorithm built for understandability.\n\n## Leader election\n\nTerms and votes.\n\n## Log replication\n\nAppend entries.\n',
    'garden/Distributed Systems/Paxos.md': '# Paxos\n\nThe classic consensus protocol.\n',
    'garden/Notes/Reading list.md': '# Reading list\n\nPapers to read.\n',
  });
  garden = path.join(root, 'garden');
  dev = await startDev({ garden, port: await freePort(), quiet: true, settleMs: 300 });
  browser = await launchChromium();
  await mkdir(shots, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

/** Page path of a note, from the editor API's index. */
const urlOf = (notePath: string): Promise<string> => noteUrl(dev, notePath);

async function openEditor(notePath: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openDevEditor(browser, dev, notePath);
  await opened.page.evaluate(() => Object.assign(window, { trellisMarker: 'kept' }));
  return opened;
}

const marker = (page: Page) => page.evaluate(() => (window as unknown as { trellisMarker?: string }).trellisMarker);
const status = (page: Page) => page.locator('garden-editor .status').textContent();

describe('editing a note', () => {
  it('completes a wiki-link, saves with Ctrl-S, and updates the page and the backlinks in place', async () => {
    const { page, errors } = await openEditor('Distributed Systems/Paxos.md');
    await page.locator('garden-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nCompare with [[');
    await expect.poll(() => page.locator('.cm-tooltip-autocomplete li').count()).toBe(4);
    // Animations stopped (CodeMirror's blinking cursor), so the picture is the same on every run.
    await page.screenshot({ path: shots + 'editor.png', animations: 'disabled' });
    await page.keyboard.type('raf');
    await expect.poll(() => page.locator('.cm-tooltip-autocomplete li').allTextContents()).toEqual(['RaftDistributed Systems/Raft.md']);
    expect(await status(page)).toBe('Unsaved changes');

    await page.keyboard.press('Enter');
    await page.keyboard.type(' for a simpler design.');
    await page.keyboard.press('Control+s');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Saved');
    const onDisk = await readFile(path.join(garden, 'Distributed Systems/Paxos.md'), 'utf8');
    expect(onDisk).toBe('# Paxos\n\nThe classic consensus protocol.\n\nCompare with [[Raft]] for a simpler design.');

    // The reading view beside the editor shows the new link without a reload.
    await expect.poll(() => page.locator('main .note-body a', { hasText: 'Raft' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await marker(page)).toBe('kept');

    const raft = await urlOf('Distributed Systems/Raft.md');
    const data = (await (await fetch(dev.url + raft.slice(1) + 'index.json')).json()) as { backlinks: { title: string }[] };
    expect(data.backlinks.map((b) => b.title)).toEqual(['Paxos']);
    const target = await browser.newPage();
    await target.goto(dev.url + raft.slice(1));
    expect(await target.locator('.backlinks .backlink-title').allTextContents()).toEqual(['Paxos']);
    await target.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('underlines unresolved links, completes headings, and the reading view of another tab updates its backlinks', async () => {
    const raft = await urlOf('Distributed Systems/Raft.md');
    const reader = await browser.newPage();
    const readerErrors = collectErrors(reader);
    await reader.goto(dev.url + raft.slice(1));
    await reader.locator('garden-dev-bar').waitFor({ state: 'attached' });
    await reader.evaluate(() => Object.assign(window, { trellisMarker: 'kept' }));

    const { page, errors } = await openEditor('Home.md');
    await page.locator('garden-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nSee [[Nowhere yet]] and [[Raft#');
    await page.locator('.cm-tooltip-autocomplete li', { hasText: 'Log replication' }).waitFor();
    await page.locator('.cm-tooltip-autocomplete li', { hasText: 'Log replication' }).click();
    await expect.poll(() => page.locator('garden-editor .cm-unresolved-link').textContent()).toBe('[[Nowhere yet]]');
    await page.keyboard.press('Control+s');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Saved');
    expect(await readFile(path.join(garden, 'Home.md'), 'utf8')).toContain('See [[Nowhere yet]] and [[Raft#Log replication]]');

    await expect.poll(() => reader.locator('.backlinks .backlink-title').allTextContents(), { timeout: 15_000 }).toContain('Home');
    expect(await marker(reader)).toBe('kept');
    expect(errors).toEqual([]);
    expect(readerErrors).toEqual([]);
    await page.close();
    await reader.close();
  });
});

describe('note actions', () => {
  it('previews a link on hover, creates a missing note from its link, and renames a note with its links', async () => {
    const { page, errors } = await openEditor('Home.md');
    await page.locator('garden-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nRead [[Raft]] then [[Quorum]].');

    await page.locator('garden-editor .cm-line', { hasText: 'Read [[Raft]]' }).getByText('[[Raft]]').hover();
    const preview = page.locator('.cm-link-preview');
    await expect.poll(() => preview.textContent()).toBe('RaftRaft is a consensus algorithm built for understandability.');

    await page.locator('garden-editor .cm-unresolved-link', { hasText: '[[Quorum]]' }).hover();
    await page.locator('.cm-link-preview button', { hasText: 'Create “Quorum”' }).click();
    await expect.poll(() => page.locator('garden-editor .cm-unresolved-link').allTextContents()).toEqual(['[[Nowhere yet]]']);
    expect(await readFile(path.join(garden, 'Quorum.md'), 'utf8')).toContain('# Quorum');
    await page.keyboard.press('Control+s');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Saved');

    page.once('dialog', (dialog) => void dialog.accept('Distributed Systems/Raft algorithm.md'));
    await page.goto(dev.url + (await urlOf('Distributed Systems/Raft.md')).slice(1));
    await page.locator('garden-dev-bar button.rename').click();
    await expect
      .poll(() => page.locator('garden-dev-bar .message').textContent())
      .toBe('Renamed to Distributed Systems/Raft algorithm.md; links updated in Distributed Systems/Paxos.md, Home.md.');
    await expect.poll(() => new URL(page.url()).pathname).toBe(await urlOf('Distributed Systems/Raft algorithm.md'));
    expect(await readFile(path.join(garden, 'Home.md'), 'utf8')).toContain('Read [[Raft algorithm]] then [[Quorum]].');

    page.once('dialog', (dialog) => void dialog.accept('Fresh idea'));
    await page.locator('garden-dev-bar button.new').click();
    await expect.poll(() => page.locator('garden-editor .path').textContent()).toBe('Fresh idea.md');
    await expect.poll(() => new URL(page.url()).pathname).toBe(await urlOf('Fresh idea.md'));
    expect(await readFile(path.join(garden, 'Fresh idea.md'), 'utf8')).toContain('# Fresh idea');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('save conflicts', () => {
  it('shows both versions and leaves the disk file alone until the user chooses', async () => {
    const file = path.join(garden, 'Notes/Reading list.md');
    const { page, errors } = await openEditor('Notes/Reading list.md');
    await page.locator('garden-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nMy addition.');
    // Both add a paragraph at the end: an overlap, which no merge can settle.
    const theirs = '# Reading list\n\nPapers to read.\n\nAdded in another editor.\n';
    await writeFile(file, theirs);
    await page.keyboard.press('Control+s');

    const conflict = page.locator('garden-editor-conflict');
    await conflict.waitFor();
    expect(await status(page)).toBe('Conflict: the file changed on disk');
    expect(await conflict.locator('pre.mine').textContent()).toBe('# Reading list\n\nPapers to read.\n\nMy addition.');
    expect(await conflict.locator('pre.disk').textContent()).toBe(theirs);
    // Neither Ctrl-S nor the autosave pause writes anything while the conflict is open.
    await page.keyboard.press('Control+s');
    await page.waitForTimeout(2500);
    expect(await readFile(file, 'utf8')).toBe(theirs);

    await conflict.locator('button[data-choice="mine"]').click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Saved');
    expect(await readFile(file, 'utf8')).toBe('# Reading list\n\nPapers to read.\n\nMy addition.');
    expect(await conflict.count()).toBe(0);
    // Chromium logs every non-2xx response; the 409 that reported the conflict is the one expected.
    expect(errors.filter((e) => !/status of 409 \(Conflict\) \(http:\/\/127\.0\.0\.1:\d+\/_trellis\/api\/note\)/.test(e))).toEqual([]);
    expect(errors).toHaveLength(1);
    await page.close();
  });
});
