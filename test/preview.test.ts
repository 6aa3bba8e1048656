/**
 * `trellis preview` over real HTTP, as a static host would serve a built site:
 * under its base path, folders with and without their slash, content types,
 * the site's 404 page, and nothing outside the folder (traversal, symlinks, dotfiles).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../src/preview/index.ts';
import { tempDir } from './helpers/garden.ts';
import { bin } from './helpers/publish-garden.ts';

let dist: string;
let server: PreviewServer;
let port: number;

/** A raw request (the path is sent as written, so `..` is not resolved by a client). */
function get(pathname: string, method = 'GET'): Promise<{ status: number; type?: string; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ...(res.headers['content-type'] ? { type: res.headers['content-type'] } : {}),
          ...(res.headers.location ? { location: res.headers.location } : {}),
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const root = tempDir();
  dist = path.join(root, 'dist');
  const outside = path.join(root, 'secret.txt');
  writeFileSync(outside, 'secret');
  const files: Record<string, string> = {
    'index.html': '<h1>Home</h1>',
    '404.html': '<h1>Page not found</h1>',
    'a/b/index.html': '<h1>B</h1>',
    '_app/assets/main.js': 'export {}',
    '_app/assets/main.css': 'body{}',
    'graph.json': '{}',
    'rss.xml': '<rss/>',
    'pic one.png': 'png',
    '.trellis-build.json': JSON.stringify({ fingerprint: 'x', basePath: '/notes/' }),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  }
  symlinkSync(outside, path.join(dist, 'link.txt'));
  server = await startPreview({ dir: dist, port: 0 });
  port = Number(new URL(server.url).port);
});

afterAll(() => server?.close());

describe('trellis preview', () => {
  it('serves the site under the base path its build recorded, on loopback', () => {
    expect(server.basePath).toBe('/notes/');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/notes\/$/);
  });

  it('serves pages, folders and files with their content types', async () => {
    expect(await get('/notes/')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>Home</h1>' });
    expect(await get('/notes/a/b/')).toMatchObject({ status: 200, body: '<h1>B</h1>' });
    expect(await get('/notes/a/b?x=1')).toMatchObject({ status: 301, location: '/notes/a/b/?x=1' });
    expect(await get('/notes')).toMatchObject({ status: 301, location: '/notes/' });
    expect(await get('/')).toMatchObject({ status: 301, location: '/notes/' });
    expect(await get('/notes/_app/assets/main.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get('/notes/_app/assets/main.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(await get('/notes/graph.json')).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(await get('/notes/rss.xml')).toMatchObject({ status: 200, type: 'application/xml; charset=utf-8' });
    expect(await get('/notes/pic%20one.png')).toMatchObject({ status: 200, type: 'image/png', body: 'png' });
    expect(await get('/notes/', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect(await get('/notes/', 'POST')).toMatchObject({ status: 405 });
  });

  it('answers what the site does not have with its 404 page, and what is outside it with a plain 404', async () => {
    expect(await get('/notes/nope/')).toEqual({ status: 404, type: 'text/html; charset=utf-8', body: '<h1>Page not found</h1>' });
    expect(await get('/notes/a/missing.js')).toMatchObject({ status: 404, body: '<h1>Page not found</h1>' });
    expect(await get('/other/')).toMatchObject({ status: 404, type: 'text/plain; charset=utf-8' });
  });

  it('never serves a file outside the folder, through a symlink, or a dotfile', async () => {
    for (const p of ['/notes/../secret.txt', '/notes/%2e%2e/secret.txt', '/notes/a/..%2f..%2fsecret.txt', '/notes/a\\..\\..\\secret.txt', '/notes/%00']) {
      const r = await get(p);
      expect([400, 404], p).toContain(r.status);
      expect(r.body, p).not.toContain('secret');
    }
    expect(await get('/notes/link.txt')).toMatchObject({ status: 404, body: '<h1>Page not found</h1>' });
    expect(await get('/notes/.trellis-build.json')).toMatchObject({ status: 404, body: '<h1>Page not found</h1>' });
    expect(await get('/notes/%E0%A4%A')).toMatchObject({ status: 400 });
  });

  it('refuses a folder that is not a built site', async () => {
    await expect(startPreview({ dir: tempDir(), port: 0 })).rejects.toThrow('is not a built site');
    await expect(startPreview({ dir: path.join(tempDir(), 'none'), port: 0 })).rejects.toThrow('does not exist');
  });

  it('says on the command line, without a stack, when there is no site or the port is taken', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [bin, 'preview', ...args], { encoding: 'utf8', timeout: 60_000 });
    const missing = path.join(tempDir(), 'none');
    expect(cli(missing)).toMatchObject({ status: 1, stderr: `trellis: ${missing} does not exist; build the site first (trellis build)\n` });
    expect(cli(dist, '--port', String(port))).toMatchObject({ status: 1, stderr: `trellis: port ${port} is in use; choose another with --port\n` });
  }, 120_000);
});
