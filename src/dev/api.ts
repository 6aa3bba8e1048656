/**
 * The editor API of `trellis dev`, under `/_trellis/api/`:
 *
 *   GET  note?path=P          -> { path, text, hash }
 *   PUT  note {path, text, baseHash}  -> { path, hash, changed } | 409 { error, current: {text, hash} }
 *   POST note {title, folder?}        -> 201 { path }
 *   POST rename {from, to}            -> { path, changed: [files rewritten] } | 409
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
import path from 'node:path';
import { toNoteId, toNotePath } from '../ids.ts';
import { buildLinkIndex } from '../resolve/link-index.ts';
import type { NoteId } from '../types.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { ChangeSet, GardenState } from './garden-state.ts';
import { createNote } from './new-note.ts';
import { rewriteLinks } from './rename.ts';
import { safeNotePath, UnsafePathError } from './safe-path.ts';
import { publicMessage } from './public-error.ts';
import { BodyTooLargeError, readJsonBody } from './read-json-body.ts';
import { crossOriginRefusal, writeAllowed } from './request-guard.ts';

/** What the API needs from the dev server. */
export interface ApiContext {
  state: GardenState;
  port: number;
  /** Apply file changes now and notify open pages. */
  applied(change: ChangeSet): void;
  /** Report an unexpected error in full (to the terminal); the browser gets it without this machine's paths. */
  logError?(error: unknown): void;
}

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
          return send(res, 409, { error: 'the file changed on disk since it was opened', current: current ? { text: current.toString('utf8'), hash: currentHash } : null });
        }
        await writeFileAtomic(abs, body.text);
        const change = await ctx.state.apply([rel]);
        ctx.applied(change);
        return send(res, 200, { path: rel, hash: sha256(Buffer.from(body.text, 'utf8')), changed: change.changed });
      }
      case 'POST note': {
        if (typeof body.title !== 'string' || !body.title.trim()) return send(res, 400, { error: 'title is required' });
        if (body.folder !== undefined) await safeNotePath(root, `${body.folder}/x.md`);
        let file: string;
        try {
          file = await createNote(root, body.title, typeof body.folder === 'string' ? body.folder : undefined);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') return send(res, 409, { error: 'a note with that name exists' });
          throw error;
        }
        const rel = path.relative(root, path.resolve(file)).split(path.sep).join('/');
        const change = await ctx.state.apply([rel]);
        ctx.applied(change);
        return send(res, 201, { path: rel });
      }
      case 'POST rename': {
        const from = await safeNotePath(root, body.from);
        const to = await safeNotePath(root, body.to);
        if (!(await exists(from.abs))) return send(res, 404, { error: `no note at ${from.rel}` });
        if (from.abs.toLowerCase() !== to.abs.toLowerCase() && (await exists(to.abs))) return send(res, 409, { error: `${to.rel} already exists` });
        const changed = await renameNote(ctx.state, from.rel, to.rel);
        if ('conflict' in changed) return send(res, 409, { error: `${changed.conflict} changed on disk; nothing was renamed` });
        const change = await ctx.state.apply([from.rel, to.rel, ...changed.files]);
        ctx.applied(change);
        return send(res, 200, { path: to.rel, changed: changed.files });
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

/**
 * Rewrite every link to `from` so it points at `to`, then move the file. A file
 * that changed on disk since the garden last read it (an edit the watcher has
 * not delivered yet) is read again first, and the plan redone.
 */
async function renameNote(state: GardenState, from: string, to: string): Promise<{ files: string[] } | { conflict: string }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const plan = await planRename(state, from, to);
    if ('files' in plan) return plan;
    await state.apply([plan.conflict]);
  }
  return planRename(state, from, to);
}

async function planRename(state: GardenState, from: string, to: string): Promise<{ files: string[] } | { conflict: string }> {
  const fromId = toNoteId(toNotePath(from));
  const view = state.view();
  const plans: { rel: string; abs: string; text: string; links: import('../types.ts').LinkRef[]; source: NoteId }[] = [];
  for (const n of view.notes) {
    const selfRefs = state.linksOf(n.parsed.id).filter((l) => {
      const r = l.resolution;
      if (r.kind === 'self') return n.parsed.id === fromId && l.ref.target !== '';
      return (r.kind === 'note' || r.kind === 'unpublished') && r.target === fromId;
    });
    if (selfRefs.length === 0) continue;
    const scanned = state.note(n.parsed.path);
    if (!scanned) continue;
    // Checked again: a symbolic link on the way may have been turned outward since the note was read.
    const { abs } = await safeNotePath(state.root, n.parsed.path);
    const onDisk = await fs.readFile(abs);
    if (sha256(onDisk) !== scanned.hash) return { conflict: n.parsed.path };
    plans.push({ rel: n.parsed.path, abs, text: scanned.content.text!, links: selfRefs.map((l) => l.ref), source: n.parsed.id });
  }
  // Resolve new targets against the garden as it will be after the move.
  const ids = view.notes.map((n) => (n.parsed.id === fromId ? toNoteId(toNotePath(to)) : n.parsed.id));
  const index = buildLinkIndex(ids.map((id) => ({ id, publish: true })), state.attachmentList().map((a) => a.path));
  for (const p of plans) {
    const source = p.source;
    await writeFileAtomic(p.abs, rewriteLinks(p.text, source, p.links, toNotePath(to), index));
  }
  await fs.mkdir(path.dirname(path.join(state.root, to)), { recursive: true });
  await fs.rename(path.join(state.root, from), path.join(state.root, to));
  return { files: plans.map((p) => p.rel) };
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

async function exists(abs: string): Promise<boolean> {
  return fs.stat(abs).then(() => true, () => false);
}

function send(res: http.ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}
