/**
 * Two `trellis dev` servers of one install at once (two gardens, or the test suite's dev servers
 * running side by side): Vite's dependency optimizer has no lock between them, so each bundles the
 * app's packages into a folder no other running server writes (src/dev/vite-cache.ts). Both serve
 * their garden with a working app in Chromium, loaded at the same time; a server's own folder is
 * gone once it closes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { freePort } from '../helpers/free-port.ts';
import { makeGarden } from '../helpers/garden.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors } from './page-helpers.ts';

vi.setConfig({ testTimeout: 180_000 });

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const garden = (name: string) =>
  makeGarden({
    [`${name}.md`]: `# ${name}\n\nSee [[Other ${name}]].\n`,
    [`Other ${name}.md`]: `# Other ${name}\n\nBack to [[${name}]].\n`,
  });

describe('two dev servers at once', () => {
  it('bundle the app apart, both serve a working app loaded at the same time, and remove their own folder on close', async () => {
    const [a, b] = await Promise.all(
      ['Raft', 'Paxos'].map(async (name) => startDev({ garden: garden(name), port: await freePort(), quiet: true, settleMs: 200 })),
    );
    const servers: DevServer[] = [a!, b!];
    try {
      const dirs = servers.map((s) => s.vite.config.cacheDir);
      expect(dirs[0]).not.toBe(dirs[1]);
      // At most one holds the shared folder (another test file's server may hold it); the others have their own.
      const own = dirs.filter((d) => /^dev-\d+-/.test(path.basename(d)));
      expect(own.length).toBeGreaterThanOrEqual(1);

      const pages = await Promise.all(servers.map(() => browser.newPage()));
      const errors = pages.map((p) => collectErrors(p));
      const refused = pages.map((p) => {
        const list: string[] = [];
        p.on('response', (r) => {
          if (r.status() >= 400) list.push(`${r.status()} ${r.url()}`);
        });
        return list;
      });
      await Promise.all(
        pages.map(async (page, i) => {
          const name = ['Raft', 'Paxos'][i]!;
          await page.goto(servers[i]!.url + name.toLowerCase() + '/');
          await page.waitForFunction(() => customElements.get('garden-app') !== undefined, undefined, { timeout: 120_000 });
          // The app navigates in place: its modules, packages included, ran.
          await page.evaluate(() => Object.assign(window, { sideBySide: 'kept' }));
          await page.locator('.note-body a.internal', { hasText: `Other ${name}` }).click();
          await expect.poll(() => page.locator('main h1').textContent(), { timeout: 30_000 }).toBe(`Other ${name}`);
          expect(await page.evaluate(() => (window as unknown as { sideBySide?: string }).sideBySide)).toBe('kept');
        }),
      );
      expect(refused).toEqual([[], []]);
      expect(errors).toEqual([[], []]);
      await Promise.all(pages.map((p) => p.close()));
      for (const s of servers.splice(0)) await s.close();
      for (const d of own) expect(existsSync(d)).toBe(false);
    } finally {
      for (const s of servers) await s.close();
    }
  });
});
