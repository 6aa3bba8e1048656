/** Helpers for browser tests of the editor against a running `trellis dev`. */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DevServer } from '../../src/dev/index.ts';
import { collectErrors } from './page-helpers.ts';

/** Page path of a note, from the editor API's index. */
export async function noteUrl(dev: DevServer, notePath: string): Promise<string> {
  const index = (await (await fetch(dev.url + '_trellis/api/index')).json()) as { notes: { path: string; url: string }[] };
  const note = index.notes.find((n) => n.path === notePath);
  if (!note) throw new Error(`no note ${notePath} in the index`);
  return note.url;
}

/** Open a note's page in a new page of `browser` and its editor; returns the page and its console errors. */
export async function openEditor(browser: Browser, dev: DevServer, notePath: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const errors = collectErrors(page);
  await page.goto(dev.url + (await noteUrl(dev, notePath)).slice(1));
  await page.locator('garden-dev-bar button.edit').click();
  await page.locator('garden-editor .cm-content').waitFor();
  await expect.poll(() => page.locator('garden-editor .cm-content').textContent()).toContain('# ');
  return { page, errors };
}
