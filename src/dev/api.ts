/**
 * The editor API of `trellis dev`, under `/_trellis/api/`:
 *
 *   GET  note?path=P          -> { path, text, hash }
 *   PUT  note {path, text, baseHash}  -> { path, hash, changed } | 409 { error, current: {text, hash} }
 *   POST note {title, folder?} | {link, from} -> 201 { path } | 400 { error: why the name is refused } | 409
 *   POST rename {from, to}            -> { path, changed: [files rewritten], ambiguous: [{file, line, column, link}] } | 400 | 409
 *   POST link-mention {path, target, baseHash, text} -> { path, hash, link, changed } | 409 { error } (changed on disk, or not linkable)
 *   GET  index                -> notes (title, aliases, path, url, headings, blocks) and attachments, for completion
 *
 * Writes stay inside the garden (safe-path.ts), are atomic (atomic-write.ts),
 * and never overwrite a file that changed on disk since the editor read it:
 * every save carries the hash it was based on. Requests from other origins
 * are refused, reads included (request-guard.ts); bodies are JSON of at most
 * 5 MB (read-json-body.ts, 413 beyond); errors name garden-relative paths only.
 */
import { createHash } from 'node:crypto';
import { promises as fs, realpathSync } from 'node:fs';
import type http from 'node:http';
import { writeFileAtomic } from './atomic-write.ts';
import type { GardenState } from './garden-state.ts';
import { createRoute } from './create-route.ts';
import { linkMentionRoute } from './link-mention-route.ts';
import { renameRoute } from './rename-route.ts';
import { safeNotePath, UnsafePathError } from './safe-path.ts';
import { publicMessage } from './public-error.ts';
import { BodyTooLargeError, readJsonBody } from './read-json-body.ts';
import { crossOriginRefusal, writeAllowed } from './request-guard.ts';

import type { ApiContext } from './api-context.ts';

export type { ApiContext };

const prefix = '/_trellis/api/';
/** Writes run one at a time, so a hash check and the write it guards cannot interleave with another write. */
let writeQueue: Promise<unknown> = Promise.resolve();

function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const run = writeQueue.then(fn, fn);
  writeQueue = run.catch(() => undefined);
  return run;
}
/** Handle an API request; returns false when the URL is not the API's. */
export async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, ctx: ApiContext): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(prefix)) return false;
  const route = `${req.method} ${url.pathname.slice(prefix.length)}`;
  try {
    // Notes, unpublished ones included, are read by the editor only: never by a page of another origin.
    const refusal = crossOriginRefusal(req, ctx.port, false);
    if (refusal) return send(res, 403, { error: refusal });
    if (req.method !== 'GET') {
      const guard = writeAllowed(req, ctx.port);
      if (!guard.ok) return send(res, 403, { error: guard.reason });
      const body = await readJsonBody(req);
      return await serialized(() => write(route, body, res, ctx));
    }
    return await read(route, url, res, ctx);
  } catch (error) {
    return sendError(res, error, ctx);
  }
}

async function read(route: string, url: URL, res: http.ServerResponse, ctx: ApiContext): Promise<true> {
  const root = ctx.state.root;
  switch (route) {
    case 'GET note': {
      const { abs, rel } = await safeNotePath(root, url.searchParams.get('path'));
      const bytes = await fs.readFile(abs).catch(() => undefined);
      if (!bytes) return send(res, 404, { error: `no note at ${rel}` });
      return send(res, 200, { path: rel, text: bytes.toString('utf8'), hash: sha256(bytes) });
    }
    case 'GET index':
      return send(res, 200, completionIndex(ctx.state));
    default:
      return send(res, 404, { error: `no API route ${route}` });
  }
}

async function write(route: string, body: Record<string, unknown>, res: http.ServerResponse, ctx: ApiContext): Promise<true> {
  const root = ctx.state.root;
  try {
    switch (route) {
      case 'PUT note': {
        const { abs, rel } = await safeNotePath(root, body.path);
        if (typeof body.text !== 'string') return send(res, 400, { error: 'text must be a string' });
        const current = await fs.readFile(abs).catch(() => undefined);
        const currentHash = current ? sha256(current) : null;
        if (currentHash !== (body.baseHash ?? null)) {
          return send(res, 409, {
            error: 'the file changed on disk since it was opened',
            current: current ? { text: current.toString('utf8'), hash: currentHash } : null,
          });
        }
        await writeFileAtomic(abs, body.text);
        const change = await ctx.state.apply([rel]);
        ctx.applied(change);
        return send(res, 200, { path: rel, hash: sha256(Buffer.from(body.text, 'utf8')), changed: change.changed });
      }
      case 'POST note': {
        const reply = await createRoute(body, ctx);
        return send(res, reply.status, reply.body);
      }
      case 'POST rename': {
        const reply = await renameRoute(body, ctx);
        return send(res, reply.status, reply.body);
      }
      case 'POST link-mention': {
        const reply = await linkMentionRoute(body, ctx);
        return send(res, reply.status, reply.body);
      }
      default:
        return send(res, 404, { error: `no API route ${route}` });
    }
  } catch (error) {
    return sendError(res, error, ctx);
  }
}

/** The garden's path as given and as the file system resolves it (error messages may name either). */
function gardenRoots(root: string): string[] {
  try {
    return [root, realpathSync(root)];
  } catch {
    return [root];
  }
}

function sendError(res: http.ServerResponse, error: unknown, ctx: ApiContext): true {
  if (error instanceof UnsafePathError) return send(res, 403, { error: error.message });
  if (error instanceof BodyTooLargeError) {
    // The rest of the body is not read: close the connection once this answer is out.
    res.setHeader('connection', 'close');
    return send(res, 413, { error: error.message });
  }
  if (error instanceof SyntaxError) return send(res, 400, { error: 'invalid JSON body' });
  ctx.logError?.(error);
  return send(res, 500, { error: publicMessage(error, gardenRoots(ctx.state.root)) });
}

function completionIndex(state: GardenState) {
  return {
    notes: state.view().notes.map((n) => ({
      id: n.parsed.id,
      path: n.parsed.path,
      title: n.parsed.title,
      aliases: n.parsed.frontmatter.aliases,
      url: n.publish ? n.url : null,
      headings: n.parsed.headings.map((h) => ({ text: h.text, id: h.id, depth: h.depth })),
      blocks: n.parsed.blocks.map((b) => b.id),
    })),
    attachments: state.attachmentList().map((a) => a.path),
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function send(res: http.ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}
