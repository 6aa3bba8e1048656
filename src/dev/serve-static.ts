/**
 * A small static file server for a built site, bound to loopback only.
 * Pretty URLs map to `index.html`; unknown paths get the site's 404 page.
 */
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.pdf': 'application/pdf', '.xml': 'application/xml', '.woff2': 'font/woff2', '.mp3': 'audio/mpeg', '.mp4': 'video/mp4',
};

/** Serve `root` on 127.0.0.1:`port`; `extra` may answer a request first. */
export function serveStatic(root: () => string, port: number, extra?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    if (extra?.(req, res)) return;
    const dir = root();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(dir, path.normalize(pathname));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    const st = await fs.stat(file).catch(() => undefined);
    if (st?.isDirectory()) file = path.join(file, 'index.html');
    const ok = await fs.stat(file).then((s) => s.isFile(), () => false);
    if (!ok) {
      res.writeHead(404, { 'content-type': types['.html']! });
      createReadStream(path.join(dir, '404.html')).on('error', () => res.end('Not found')).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
