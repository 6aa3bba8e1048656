/**
 * Serve an attachment of the garden from disk. The file is opened by its real
 * path, checked again at every request to lie inside the garden (a symbolic
 * link on its way may have been turned outward since it was indexed); a file
 * that vanished or leads out answers 404. Attachments are sent as sandboxed documents: an SVG or
 * HTML file opened directly on the dev server's origin cannot run script there (where it could call
 * the editor API), and its type is never sniffed into something else.
 */
import { promises as fs } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { realPathInside } from './inside-garden.ts';

const types: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
};

/** Send the attachment at garden-relative `rel`; resolves false (nothing sent) when it is missing or outside the garden. */
export async function serveAttachment(res: http.ServerResponse, root: string, rel: string): Promise<boolean> {
  const realRoot = await fs.realpath(root);
  const real = await realPathInside(realRoot, path.join(root, rel));
  const file = real === undefined ? undefined : await fs.open(real, 'r').catch(() => undefined);
  if (!file) return false;
  const st = await file.stat().catch(() => undefined);
  if (!st?.isFile()) {
    await file.close();
    return false;
  }
  res.writeHead(200, {
    'content-type': types[path.extname(rel).toLowerCase()] ?? 'application/octet-stream',
    'content-length': st.size,
    'cache-control': 'no-store',
    'content-security-policy': 'sandbox',
    'x-content-type-options': 'nosniff',
  });
  const stream = file.createReadStream();
  // A read error after the head is sent can only cut the answer short; it must not crash the server.
  stream.on('error', () => res.destroy());
  stream.pipe(res);
  return true;
}
