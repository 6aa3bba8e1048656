/**
 * Security of `trellis dev`, attacked through the real server over HTTP (and
 * through Chromium where the browser's own rules decide): symlinks leading out
 * of the garden, cross-origin reads, malformed URLs, oversized bodies, files of
 * the project outside the app, and error bodies that could reveal the machine's paths.
 */
import { existsSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser, WebSocket as PageSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBodyBytes } from '../src/dev/read-json-body.ts';
import { startDev, type DevServer } from '../src/dev/index.ts';
import { projectRoot } from '../src/paths.ts';
import { launchChromium } from './browser/launch-chromium.ts';
import { startStaticServer, type StaticServer } from './browser/static-server.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

let dev: DevServer;
let root: string;
let port: number;
/** Folders outside the garden, holding what must never be served. */
let outside: string;
let early: string;
let later: string;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A raw HTTP request, so that Host, Origin and the Fetch Metadata headers can be set freely. */
function request(method: string, url: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const get = (url: string, headers: Record<string, string> = {}) => request('GET', url, { headers });
const json = (method: string, url: string, body: unknown) =>
  request(method, url, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until `path` is served with 200 (a watcher event was applied); fails after ~10 s. */
async function waitServed(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await get(url)).status === 200) return;
    await sleep(100);
  }
  throw new Error(`${url} was never served`);
}

/** Every absolute path of this machine that an error body must not reveal. */
const machinePaths = () => [root, outside, projectRoot.replace(/\/$/, ''), path.dirname(root)];

beforeAll(async () => {
  root = makeGarden({
    'Home.md': '# Home\n\nStart at [[Raft]].\n',
    'Raft.md': '# Raft\n\nConsensus.\n',
    'sub/Inner.md': '# Inner\n\nThe inside version.\n',
    'sub/pic.png': 'inside picture',
  });
  outside = tempDir();
  writeFileSync(path.join(outside, 'passwd'), 'root:SECRET-PASSWD:0:0');
  writeFileSync(path.join(outside, 'Secret.md'), '# Secret Plans\n\nSECRET-NOTE-TEXT\n');
  // Present at start-up: a link out of the garden (skipped by the walk), and a link inside that is later turned outward.
  early = tempDir();
  writeFileSync(path.join(early, 'Early.md'), '# Early\n\nEARLY-FIRST\n');
  writeFileSync(path.join(early, 'early.txt'), 'EARLY-FIRST');
  symlinkSync(early, path.join(root, 'early'));
  symlinkSync(path.join(root, 'sub'), path.join(root, 'inlink'));
  later = tempDir();
  writeFileSync(path.join(later, 'Inner.md'), '# Inner\n\nLATER-SECRET\n');
  writeFileSync(path.join(later, 'pic.png'), 'LATER-SECRET');
  port = await freePort();
  dev = await startDev({ garden: root, port, settleMs: 50, quiet: true });
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

describe('symbolic links out of the garden', () => {
  it('a folder or note linked out of the garden while the server runs is never indexed or served', async () => {
    symlinkSync(outside, path.join(root, 'etclink'));
    symlinkSync(path.join(outside, 'Secret.md'), path.join(root, 'Leak.md'));
    symlinkSync(path.join(outside, 'passwd'), path.join(root, 'leak.txt'));
    // A change the watcher does deliver, so we know it has looked at the garden since.
    writeFileSync(path.join(root, 'Sentinel.md'), '# Sentinel\n');
    await waitServed('/sentinel/');
    // Give a following watcher every chance to read the linked folder, then look everywhere.
    for (let i = 0; i < 15; i++) {
      await sleep(100);
      for (const url of ['/etclink/passwd', '/leak.txt', '/etclink/secret/', '/leak/', '/etclink/secret/index.json', '/leak/index.json']) {
        const r = await get(url);
        expect(r.text, url).not.toMatch(/SECRET/);
        expect(r.status, url).toBe(404);
      }
      const index = await get('/_trellis/api/index');
      expect(index.status).toBe(200);
      expect(index.text).not.toMatch(/Secret|Leak|etclink|leak\.txt/);
      expect((await get('/graph.json')).text).not.toMatch(/Secret|Leak/);
      for (const p of ['etclink/Secret.md', 'Leak.md']) {
        const r = await get(`/_trellis/api/note?path=${encodeURIComponent(p)}`);
        expect(r.text).not.toMatch(/SECRET/);
        expect(r.status).toBe(403);
      }
    }
  });

  it('a link out of the garden present at start-up stays unread when its target changes', async () => {
    writeFileSync(path.join(early, 'Early.md'), '# Early\n\nEARLY-CHANGED\n');
    writeFileSync(path.join(early, 'early.txt'), 'EARLY-CHANGED');
    writeFileSync(path.join(early, 'Added.md'), '# Added\n\nEARLY-ADDED\n');
    writeFileSync(path.join(root, 'Sentinel2.md'), '# Sentinel two\n');
    await waitServed('/sentinel2/');
    for (let i = 0; i < 15; i++) {
      await sleep(100);
      for (const url of ['/early/early/', '/early/early.txt', '/early/added/', '/early/early/index.json']) {
        const r = await get(url);
        expect(r.text, url).not.toMatch(/EARLY-/);
        expect(r.status, url).toBe(404);
      }
      expect((await get('/_trellis/api/index')).text).not.toMatch(/Early|Added/);
    }
  });

  it('a link that pointed inside the garden and is turned outward stops being served', async () => {
    // Indexed through the link at start-up (the walk follows links that stay inside).
    expect((await get('/inlink/pic.png')).text).toBe('inside picture');
    const tmp = path.join(root, 'inlink.tmp');
    symlinkSync(later, tmp);
    renameSync(tmp, path.join(root, 'inlink'));
    writeFileSync(path.join(root, 'Sentinel3.md'), '# Sentinel three\n');
    await waitServed('/sentinel3/');
    for (let i = 0; i < 15; i++) {
      await sleep(100);
      const pic = await get('/inlink/pic.png');
      expect(pic.text).not.toMatch(/LATER-SECRET/);
      expect(pic.status).toBe(404);
      for (const url of ['/inlink/inner/', '/inlink/inner/index.json', '/_trellis/api/note?path=inlink%2FInner.md', '/_trellis/api/index']) {
        expect((await get(url)).text, url).not.toMatch(/LATER-SECRET/);
      }
    }
    // Editing through the link is refused too: nothing is written outside.
    const put = await json('PUT', '/_trellis/api/note', { path: 'inlink/Inner.md', text: 'pwned', baseHash: null });
    expect(put.status).toBe(403);
    expect(readFileSync(path.join(later, 'Inner.md'), 'utf8')).toContain('LATER-SECRET');
  });
});

describe('a garden opened through a symbolic link', () => {
  it('is watched and served by its real path', async () => {
    const real = makeGarden({ 'A.md': '# A\n' });
    const via = path.join(tempDir(), 'garden');
    symlinkSync(real, via);
    const otherPort = await freePort();
    const server = await startDev({ garden: via, port: otherPort, settleMs: 50, quiet: true });
    try {
      writeFileSync(path.join(real, 'B.md'), '# B\n\nLinks [[A]].\n');
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        await sleep(100);
        status = (await fetch(`http://127.0.0.1:${otherPort}/b/`)).status;
      }
      expect(status).toBe(200);
      const saved = await fetch(`http://127.0.0.1:${otherPort}/_trellis/api/note`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: 'C.md', text: '# C\n', baseHash: null }),
      });
      expect(saved.status).toBe(200);
      expect(readFileSync(path.join(real, 'C.md'), 'utf8')).toBe('# C\n');
    } finally {
      await server.close();
    }
  });
});

describe('cross-origin reads', () => {
  const foreign = 'http://localhost:9999';

  it('no response allows another origin to read it, and the API refuses foreign requests', async () => {
    for (const url of [
      '/_trellis/api/index',
      '/_trellis/api/note?path=Home.md',
      '/raft/',
      '/raft/index.json',
      '/graph.json',
      '/web/main.ts',
      '/@vite/client',
    ]) {
      const r = await get(url, { origin: foreign });
      const allowed = r.headers['access-control-allow-origin'];
      expect(allowed === foreign || allowed === '*', `${url}: ${allowed}`).toBe(false);
      const preflight = await request('OPTIONS', url, { headers: { origin: foreign, 'access-control-request-method': 'GET' } });
      expect([foreign, '*']).not.toContain(preflight.headers['access-control-allow-origin']);
    }
    for (const url of ['/_trellis/api/index', '/_trellis/api/note?path=Home.md']) {
      const byOrigin = await get(url, { origin: foreign });
      expect(byOrigin.status, url).toBe(403);
      expect(byOrigin.text).not.toContain('Consensus');
      for (const site of ['cross-site', 'same-site']) {
        const r = await get(url, { 'sec-fetch-site': site, 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' });
        expect(r.status, `${url} ${site}`).toBe(403);
      }
    }
    // The app's own requests still work.
    expect((await get('/_trellis/api/index', { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' })).status).toBe(200);
    expect((await get('/_trellis/api/index', { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });
});

describe('malformed URLs and error bodies', () => {
  it('a malformed URL answers 400 with a plain message, and the next request is served', async () => {
    for (const url of ['/%E0%A4%A', '/raft/%E0%A4%A/', '/web/%E0%A4%A.ts', '/_trellis/api/note?path=%E0%A4%A']) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.headers['content-type']).toMatch(/^text\/plain/);
      for (const p of machinePaths()) expect(r.text).not.toContain(p);
    }
    expect((await get('/raft/')).status).toBe(200);
  });

  it('API errors name garden-relative paths only, never a path of this machine', async () => {
    const answers = [
      await get('/_trellis/api/note?path=Nowhere.md'),
      await get('/_trellis/api/note?path=..%2Fx.md'),
      await get('/_trellis/api/note?path=%2Fetc%2Fx.md'),
      await get('/_trellis/api/nothing'),
      // A folder where a file is: the file system's own error (which names the absolute path).
      await json('PUT', '/_trellis/api/note', { path: 'Home.md/x.md', text: 'x', baseHash: null }),
      await json('POST', '/_trellis/api/note', { title: 'Child', folder: 'Home.md' }),
      await json('POST', '/_trellis/api/rename', { from: 'Raft.md', to: 'Home.md/Raft.md' }),
      await request('PUT', '/_trellis/api/note', { body: '{not json', headers: { 'content-type': 'application/json' } }),
    ];
    for (const r of answers) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(JSON.parse(r.text)).toHaveProperty('error');
      for (const p of machinePaths()) expect(r.text).not.toContain(p);
    }
    expect(readFileSync(path.join(root, 'Raft.md'), 'utf8')).toContain('Consensus');
  });
});

describe('request bodies', () => {
  it(`a body over the limit (${maxBodyBytes} bytes) is refused with 413 from its Content-Length, before it is sent`, async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/_trellis/api/note',
          headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': String(maxBodyBytes + 1) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      // Only the start of the announced body: a server that waits for the rest never answers.
      req.write('{"path":"Home.md","text":"');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error).toContain('5 MB');
    expect(readFileSync(path.join(root, 'Home.md'), 'utf8')).toContain('Start at');
  });

  it('a streamed body is cut off at the limit with 413, and other requests are answered meanwhile', async () => {
    const total = 64 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    let concurrent: Promise<Answer> | undefined;
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/_trellis/api/note',
          headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      req.on('error', (error) => (sent < total ? undefined : reject(error)));
      req.write('{"path":"Home.md","baseHash":null,"text":"');
      const pump = () => {
        while (sent < total) {
          if (sent > 1024 * 1024 && !concurrent) concurrent = get('/_trellis/api/index');
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end('"}');
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error).toContain('5 MB');
    // The server stopped reading: the client could not send the whole body.
    expect(sent).toBeLessThan(total);
    expect((await concurrent!).status).toBe(200);
    expect((await get('/raft/')).status).toBe(200);
    expect(readFileSync(path.join(root, 'Home.md'), 'utf8')).toContain('Start at');
  });

  it('while a large saved note renders, the server answers other requests', async () => {
    // About 1 MB of short paragraphs: seconds of parsing and rendering.
    const text = '# Large\n\n' + 'A short paragraph of the large note.\n\n'.repeat(26_000);
    let saved = false;
    const saving = json('PUT', '/_trellis/api/note', { path: 'Large.md', text, baseHash: null }).finally(() => (saved = true));
    // The file is written before it is rendered: once it is on disk, rendering has begun or is about to.
    await expect.poll(() => existsSync(path.join(root, 'Large.md')), { interval: 5, timeout: 30_000 }).toBe(true);
    // One request after another while the save is pending: on the server's own thread, the
    // rendering would hold up the second or third until the save is done.
    let answered = 0;
    while (!saved) {
      expect((await get('/raft/index.json')).status).toBe(200);
      answered++;
    }
    expect((await saving).status).toBe(200);
    expect(answered).toBeGreaterThanOrEqual(10);
    expect((await get('/large/index.json')).text).toContain('A short paragraph of the large note.');
  });

  it('a note just under the limit can still be saved', async () => {
    const r = JSON.parse((await get('/_trellis/api/note?path=Big.md')).text) as { hash?: string };
    expect(r.hash).toBeUndefined();
    // One long word: quick to render, so the test is about the limit, not about rendering.
    const text = '# Big\n\n' + 'x'.repeat(maxBodyBytes - 1000);
    const body = { path: 'Big.md', text, baseHash: null };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(maxBodyBytes - 2000);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(maxBodyBytes);
    const saved = await json('PUT', '/_trellis/api/note', body);
    expect(saved.status).toBe(200);
    expect(readFileSync(path.join(root, 'Big.md'), 'utf8')).toBe(text);
  });
});

describe('what the server serves besides the garden', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = dev.vite.httpServer!.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('never serves the project outside the app, dotfiles, or the file system', async () => {
    for (const url of [
      '/package.json',
      '/package-lock.json',
      '/tsconfig.json',
      '/vite.config.ts',
      '/src/cli.ts',
      '/src/dev/api.ts',
      '/test/dev-api.test.ts',
      '/README.md',
      '/.gitignore',
      '/@fs/etc/passwd',
      `/@fs${projectRoot}package.json`,
      '/..%2f..%2fetc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/web/../package.json',
      '/node_modules/.cache/',
      '/node_modules/.package-lock.json',
      '/src/cli.ts?import',
      '/src/cli.ts?raw',
      '/@id/src/cli.ts',
    ]) {
      const r = await get(url);
      expect([400, 403, 404], `${url}: ${r.status}`).toContain(r.status);
      expect(r.text).not.toMatch(/"name": "trellis"|root:x?:0|import |startDev|compilerOptions/);
      for (const p of machinePaths()) expect(r.text, url).not.toContain(p);
    }
    // What the app needs is still served.
    for (const url of ['/web/main.ts', '/@vite/client', '/src/shared/ids.ts', '/node_modules/katex/dist/katex.min.css'])
      expect((await get(url)).status, url).toBe(200);
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  let other: StaticServer;

  beforeAll(async () => {
    browser = await launchChromium();
    const site = tempDir();
    writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>another local site</title><p>hello</p>');
    other = await startStaticServer(site);
  });

  afterAll(async () => {
    await browser?.close();
    await other?.close();
  });

  it('a page of another local server cannot read the API, the index, note data or pages', async () => {
    const page = await browser.newPage();
    await page.goto(other.url);
    for (const url of ['_trellis/api/index', '_trellis/api/note?path=Home.md', 'raft/index.json', 'graph.json', 'raft/']) {
      const result = await page.evaluate(async (u) => {
        try {
          const r = await fetch(u);
          return `read ${r.status}: ${await r.text()}`;
        } catch (error) {
          return `failed: ${String(error)}`;
        }
      }, `http://127.0.0.1:${port}/${url}`);
      expect(result, url).toMatch(/^failed/);
    }
    // Nor can it listen to the garden's updates (note ids, unpublished ones included): Vite's
    // websocket wants the token written into /@vite/client, which the page cannot read.
    const socket = await page.evaluate(async (origin) => {
      const client = await fetch(origin + '/@vite/client').then(
        (r) => r.text(),
        () => '',
      );
      const token = /const wsToken = "([^"]+)"/.exec(client)?.[1] ?? '';
      return new Promise<string>((resolve) => {
        const ws = new WebSocket(`${origin.replace('http', 'ws')}/?token=${token}`, 'vite-hmr');
        ws.onmessage = (e) => resolve(`message (token ${token ? 'read' : 'unread'}): ${String(e.data)}`);
        ws.onerror = () => resolve(`refused (token ${token ? 'read' : 'unread'})`);
      });
    }, `http://127.0.0.1:${port}`);
    expect(socket).toBe('refused (token unread)');
    await page.close();
  });

  it('the editor’s own save of a body over the limit gets the 413 and its message, not a network error', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/raft/`);
    const answer = await page.evaluate(
      async (size) => {
        try {
          const r = await fetch('/_trellis/api/note', {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ path: 'Raft.md', text: 'x'.repeat(size), baseHash: null }),
          });
          return `${r.status} ${((await r.json()) as { error: string }).error}`;
        } catch (error) {
          return `failed: ${String(error)}`;
        }
      },
      maxBodyBytes + 1024 * 1024,
    );
    expect(answer).toMatch(/^413 .*5 MB.*cannot be saved from the editor/);
    await page.close();
  });

  it('a malformed URL loaded by another page raises no error overlay in the writer’s tab', async () => {
    const writer = await browser.newPage();
    const frames: string[] = [];
    writer.on('websocket', (ws: PageSocket) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
    await writer.goto(`http://127.0.0.1:${port}/raft/`);
    await writer.locator('garden-dev-bar').waitFor({ state: 'attached' });
    await expect.poll(() => frames.some((f) => f.includes('"connected"'))).toBe(true);

    const attacker = await browser.newPage();
    await attacker.goto(other.url);
    await attacker.evaluate(async (u) => {
      await new Promise((resolve) => {
        const img = document.createElement('img');
        img.onload = img.onerror = resolve;
        img.src = u;
        document.body.append(img);
      });
    }, `http://127.0.0.1:${port}/%E0%A4%A`);
    expect((await get('/%E0%A4%A')).status).toBe(400);
    // Messages arrive in order: once this change is announced, an error sent before it would have arrived too.
    writeFileSync(path.join(root, 'Raft.md'), '# Raft\n\nConsensus, revised.\n');
    await expect.poll(() => frames.some((f) => f.includes('garden:update')), { timeout: 15_000 }).toBe(true);
    expect(frames.filter((f) => f.includes('"type":"error"'))).toEqual([]);
    expect(await writer.locator('vite-error-overlay').count()).toBe(0);
    await attacker.close();
    await writer.close();
  });
});
