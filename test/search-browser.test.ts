/**
 * The search worker in a real browser: Vite bundles a page that uses `SearchClient` (which
 * starts web/search/search-worker.ts as a module worker), the built `_search/` files are served
 * next to it, and Chromium runs queries. Checks what only a browser can: the worker bundle loads
 * and fetches shards over HTTP, and a page fetches nothing for search until a query is made.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../src/search/index.ts';
import type { NoteId, SearchHit, Slug } from '../src/shared/types.ts';
import { launchChromium } from './browser/launch-chromium.ts';
import { startStaticServer, type StaticServer } from './browser/static-server.ts';
import { fixtureFiles, makeFixtureDoc } from './search-make-docs.ts';

const root = fileURLToPath(new URL('.tmp/search-browser/', import.meta.url));
const clientModule = fileURLToPath(new URL('../web/search/search-client.ts', import.meta.url));

declare global {
  interface Window {
    /** Set by the test page: run a query through SearchClient. */
    runSearch?: (q: string) => Promise<SearchHit[]>;
  }
}

let browser: Browser | undefined;
let server: StaticServer | undefined;

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  const source = path.join(root, 'src');
  const dist = path.join(root, 'dist');
  await mkdir(source, { recursive: true });
  await writeFile(path.join(source, 'index.html'), '<!doctype html><title>search</title><script type="module" src="./entry.ts"></script>');
  await writeFile(
    path.join(source, 'entry.ts'),
    `import { SearchClient } from ${JSON.stringify(clientModule)};
const client = new SearchClient(new URL('_search/', document.baseURI));
window.runSearch = async (q) => (await client.query(q, 5)).hits;`,
  );
  await build({
    configFile: false,
    root: source,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: dist, emptyOutDir: true, target: 'es2022' },
  });
  const docs = [
    ...fixtureFiles.map((file) => makeFixtureDoc(file)),
    {
      id: 'Notes/分布式' as NoteId,
      url: '/notes/fenbushi/' as Slug,
      title: 'データベース設計',
      aliases: [],
      headings: [],
      tags: [],
      body: '分布式系统的数据复制。データベースの検索。',
    },
  ];
  for (const file of buildSearchIndex(docs, { targetShardBytes: 4_000 }).files) {
    await mkdir(path.dirname(path.join(dist, file.path)), { recursive: true });
    await writeFile(path.join(dist, file.path), file.contents);
  }
  server = await startStaticServer(dist);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search in Chromium', () => {
  it('loads nothing for search until a query, then answers through the worker', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server!.url);
    await page.waitForFunction(() => typeof window.runSearch === 'function');
    const searchRequests = () => server!.requests.filter((request) => request.startsWith('/_search/'));
    expect(searchRequests()).toEqual([]);

    const hits = await page.evaluate(() => window.runSearch!('urgency'));
    expect(hits[0]).toMatchObject({ id: 'Advanced/Urgency', titleHtml: '<mark>Urgency</mark>' });
    expect(searchRequests()[0]).toBe('/_search/manifest.json');
    const shards = searchRequests().filter((request) => /\/(fields|body)-/.test(request));
    expect(shards).toHaveLength(2);

    const cjk = await page.evaluate(() => window.runSearch!('データ'));
    expect(cjk[0]?.id).toBe('Notes/分布式');
    expect(cjk[0]?.snippet).toContain('<mark>データ</mark>');
    expect(cjk[0]?.titleHtml).toBe('<mark>データ</mark>ベース設計');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
