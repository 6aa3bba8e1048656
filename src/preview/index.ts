/**
 * `trellis preview [dist]`: serve a built site on 127.0.0.1 the way a static host
 * (GitHub Pages, Netlify, Cloudflare Pages) does, under the site's base path, so an
 * author can check it before publishing.
 *
 * 1. The base path is the one the site was built for (its build record), so a site
 *    built with `--url https://user.github.io/notes/` is served under `/notes/`.
 * 2. `/a/b/` serves `a/b/index.html`; `/a/b` redirects to `/a/b/` when that is a folder;
 *    files are sent with the content type of their extension.
 * 3. Anything else under the base path gets the site's `404.html` with status 404;
 *    paths outside it get a plain 404 (`/` redirects to the base path, for convenience).
 * 4. Only files inside the folder are served (by real path), never dotfiles.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildRecordFile, readBuildRecord } from '../emit/build-record.ts';
import { contentType } from './content-types.ts';
import { sitePathOf } from './site-path.ts';

/** Options of the preview server. */
export interface PreviewOptions {
  /** The built site (default `dist`). */
  dir: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Base path to serve under; default: the one recorded by the build, else `/`. */
  basePath?: string;
}

/** A running preview. */
export interface PreviewServer {
  /** The site's address, base path included (`http://127.0.0.1:4173/notes/`). */
  url: string;
  basePath: string;
  close(): Promise<void>;
}

/** Start serving `dir`; rejects when it is not a built site or the port is taken. */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const root = await fs.realpath(path.resolve(options.dir)).catch(() => {
    throw new Error(`Preview: ${options.dir} does not exist; build the site first (trellis build)`);
  });
  const record = readBuildRecord(root);
  if (!record && !(await exists(path.join(root, 'index.html'))) && !(await exists(path.join(root, '404.html'))))
    throw new Error(`Preview: ${options.dir} is not a built site (no ${buildRecordFile}, index.html or 404.html); build it first (trellis build)`);
  const basePath = options.basePath ?? record?.basePath ?? '/';
  const server = createServer((req, res) => {
    serve(req, res, root, basePath).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    basePath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, root: string, basePath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', { allow: 'GET, HEAD' });
  const target = sitePathOf(req.url ?? '/', basePath);
  switch (target.kind) {
    case 'bad':
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad request');
    case 'redirect':
      return redirect(res, target.location);
    case 'outside':
      return send(res, 404, 'text/plain; charset=utf-8', `Not found: this server serves the site under ${basePath}`);
    case 'file': {
      const file = await fileFor(root, target.path);
      if (file === 'folder') return redirect(res, target.pathname + '/' + target.search);
      if (file) return sendFile(req, res, file, 200);
      break;
    }
    case 'missing':
      break;
  }
  const notFound = await fileFor(root, '404.html');
  if (typeof notFound === 'string') return sendFile(req, res, notFound, 404);
  send(res, 404, 'text/plain; charset=utf-8', 'Not found');
}

/** The real path of the file a site path names (`a/b/` is `a/b/index.html`), `folder` for a folder named without its slash. */
async function fileFor(root: string, sitePath: string): Promise<string | 'folder' | undefined> {
  const wanted = path.join(root, ...sitePath.split('/').filter(Boolean), sitePath === '' || sitePath.endsWith('/') ? 'index.html' : '');
  const real = await fs.realpath(wanted).catch(() => undefined);
  if (!real || (real !== root && !real.startsWith(root + path.sep))) return undefined;
  const stat = await fs.stat(real);
  if (stat.isDirectory()) return sitePath.endsWith('/') || sitePath === '' ? undefined : 'folder';
  return stat.isFile() ? real : undefined;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status: number): Promise<void> {
  return fs.stat(file).then((stat) => {
    res.writeHead(status, { 'content-type': contentType(file), 'content-length': stat.size, ...commonHeaders });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
}

const commonHeaders = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { location, ...commonHeaders });
  res.end();
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...commonHeaders, ...headers });
  res.end(body);
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}
