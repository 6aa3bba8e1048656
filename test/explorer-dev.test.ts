/**
 * The dev server serves the sidebar explorer's files from the live garden: the
 * same listings a build writes, and a note added on disk appears in its
 * folder's listing without a restart, and in the tree of an open page.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import { explorerFile, type FolderListing } from '../src/shared/explorer-data.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden } from './helpers/garden.ts';
import { launchChromium } from './browser/launch-chromium.ts';

let root: string;
let port: number;
let dev: DevServer;

const get = async (url: string): Promise<{ status: number; text: string }> => {
  const r = await fetch(`http://127.0.0.1:${port}${url}`);
  return { status: r.status, text: await r.text() };
};

beforeAll(async () => {
  root = makeGarden({ 'Home.md': '# Home\n', 'Notes/First.md': '# First\n', 'Notes/Deeper/Second.md': '# Second\n' });
  port = await freePort();
  dev = await startDev({ garden: root, port, settleMs: 50, quiet: true });
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

describe('explorer files in the dev server', () => {
  it('serves the listings of the live garden and follows a note added on disk', async () => {
    const rootListing = await get(explorerFile(''));
    expect(rootListing.status).toBe(200);
    expect(JSON.parse(rootListing.text)).toEqual({ d: [['Notes', 2]], n: [['Home', '/']] } satisfies FolderListing);
    expect(JSON.parse((await get(explorerFile('Notes'))).text)).toEqual({ d: [['Deeper', 1]], n: [['First', 'first']] } satisfies FolderListing);
    expect((await get('/_explorer/nothing.json')).status).toBe(404);

    mkdirSync(path.join(root, 'Notes'), { recursive: true });
    writeFileSync(path.join(root, 'Notes/Added.md'), '# Added\n');
    let listing: FolderListing | undefined;
    for (let i = 0; i < 100; i++) {
      listing = JSON.parse((await get(explorerFile('Notes'))).text) as FolderListing;
      if (listing.n.length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(listing).toEqual({
      d: [['Deeper', 1]],
      n: [
        ['Added', 'added'],
        ['First', 'first'],
      ],
    });
    const names = JSON.parse((await get('/_explorer/names.json')).text) as { n: unknown[] };
    expect(names.n.length).toBe(4);
  });

  it('shows a note added on disk in the tree of an open page, without a reload', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`http://127.0.0.1:${port}/notes/first/`);
      const tree = page.getByRole('tree', { name: 'Notes' });
      await tree.getByRole('treeitem', { name: 'First', exact: true }).waitFor({ timeout: 30_000 });
      await page.evaluate(() => Object.assign(window, { trellisMarker: 'kept' }));
      writeFileSync(path.join(root, 'Notes/Later.md'), '# Later\n');
      await tree.getByRole('treeitem', { name: 'Later', exact: true }).waitFor({ timeout: 20_000 });
      expect(await page.evaluate(() => (window as unknown as { trellisMarker?: string }).trellisMarker)).toBe('kept');
    } finally {
      await browser.close();
    }
  }, 90_000);
});
