/**
 * Create on an unresolved link, and the rename result, in the editor of
 * `trellis dev` in Chromium against a dev server on a temporary garden. A link
 * whose target Obsidian would refuse as a file name shows the refusal and
 * writes nothing; a normal Create writes exactly `<Target>.md` and the link's
 * underline goes; a rename reports the links its new name made ambiguous.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { freePort } from '../helpers/free-port.ts';
import { makeGarden } from '../helpers/garden.ts';
import { noteUrl, openEditor as openDevEditor } from './dev-editor.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors } from './page-helpers.ts';

vi.setConfig({ testTimeout: 90_000 });

let browser: Browser;
let dev: DevServer;
let garden: string;

beforeAll(async () => {
  garden = makeGarden({
    'Home.md': '# Home\n\nRead [[What is Fencing?]] and [[Quorum]], then [[Index]].\n',
    'a/Index.md': '# Index\n\nThe first index.\n',
    'b/Draft.md': '# Draft\n\nA draft.\n',
  });
  dev = await startDev({ garden, port: await freePort(), quiet: true, settleMs: 300 });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

const openEditor = (notePath: string) => openDevEditor(browser, dev, notePath);

const underlined = (page: Page) => page.locator('garden-editor .cm-unresolved-link').allTextContents();
const files = async (dir: string) => (await readdir(dir)).sort();

describe('Create on an unresolved link', () => {
  it('shows the refusal for a name Obsidian refuses and writes nothing; a normal Create writes exactly <Target>.md', async () => {
    const { page, errors } = await openEditor('Home.md');
    await expect.poll(() => underlined(page)).toEqual(['[[What is Fencing?]]', '[[Quorum]]']);
    const before = await files(garden);

    await page.locator('garden-editor .cm-unresolved-link', { hasText: '[[What is Fencing?]]' }).hover();
    await page.locator('.cm-link-preview button', { hasText: 'Create “What is Fencing?”' }).click();
    const reason =
      'Cannot create a note for “What is Fencing?”: a note name cannot contain any of * " \\ / < > : | ? (Obsidian refuses them in file names); it contains ?; rename the link';
    await expect.poll(() => page.locator('.cm-link-preview p').textContent()).toBe(`Could not create it: ${reason}`);
    expect(await page.locator('garden-dev-bar .message').textContent()).toBe(`Could not create the note: ${reason}`);
    expect(await files(garden)).toEqual(before);
    expect(await underlined(page)).toEqual(['[[What is Fencing?]]', '[[Quorum]]']);

    await page.mouse.move(0, 0);
    await page.locator('garden-editor .cm-unresolved-link', { hasText: '[[Quorum]]' }).hover();
    await page.locator('.cm-link-preview button', { hasText: 'Create “Quorum”' }).click();
    await expect.poll(() => page.locator('garden-dev-bar .message').textContent()).toBe('Created Quorum.md.');
    expect(await files(garden)).toEqual([...before, 'Quorum.md'].sort());
    expect(await readFile(path.join(garden, 'Quorum.md'), 'utf8')).toContain('# Quorum\n');
    await expect.poll(() => underlined(page)).toEqual(['[[What is Fencing?]]']);

    // Chromium logs every non-2xx response; the 400 that carried the refusal is the one expected.
    expect(errors.filter((e) => !/status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/_trellis\/api\/note\)/.test(e))).toEqual([]);
    expect(errors).toHaveLength(1);
    await page.close();
  });
});

describe('Rename result', () => {
  it('names the links that the new name made ambiguous', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = collectErrors(page);
    await page.goto(dev.url + (await noteUrl(dev, 'b/Draft.md')).slice(1));
    page.once('dialog', (dialog) => void dialog.accept('b/Index.md'));
    await page.locator('garden-dev-bar button.rename').click();
    await expect
      .poll(() => page.locator('garden-dev-bar .message').textContent())
      .toBe('Renamed to b/Index.md; no other note linked to it. Other notes share the new name, so this link is now ambiguous: Home.md:3:48 [[Index]].');
    expect(await files(path.join(garden, 'b'))).toEqual(['Index.md']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
