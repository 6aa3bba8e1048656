/**
 * `POST /_trellis/api/link-mention {path, target, baseHash, text}`: the Link
 * action of an unlinked mention. Turns the first unlinked mention of the note
 * `target` in the note at `path` (the one its page shows, reading `text`) into
 * a wiki-link, at the mention's source offsets (link-mention.ts), and saves
 * the file atomically. As the editor's saves: only inside the garden, and
 * never over a file that changed on disk since the page read it, so `baseHash`
 * is the hash of the bytes the mention was found in (the page has it); another
 * answers 409 and the file is left as it is. Answers `{path, hash, link,
 * changed}`; 409 with the reason when the mention cannot be linked.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { toNoteId, toNotePath } from '../shared/ids.ts';
import type { NoteId } from '../shared/types.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { ApiContext } from './api-context.ts';
import { linkIndex, type Reply } from './create-route.ts';
import { linkMention } from './link-mention.ts';
import { shortestTarget } from './rename.ts';
import { safeNotePath } from './safe-path.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Link one unlinked mention in its source file. */
export async function linkMentionRoute(body: Record<string, unknown>, ctx: ApiContext): Promise<Reply> {
  const state = ctx.state;
  const { abs, rel } = await safeNotePath(state.root, body.path);
  if (typeof body.target !== 'string') return { status: 400, body: { error: 'target must be a note id' } };
  if (typeof body.baseHash !== 'string') return { status: 400, body: { error: 'baseHash must be the hash of the text the mention was found in' } };
  if (body.text !== undefined && typeof body.text !== 'string') return { status: 400, body: { error: 'text must be a string' } };
  const bytes = await fs.readFile(abs).catch(() => undefined);
  if (!bytes) return { status: 404, body: { error: `no note at ${rel}` } };
  const hash = sha256(bytes);
  if (hash !== body.baseHash) {
    return {
      status: 409,
      body: { error: `${rel} changed on disk since this page was shown, so nothing was linked; the page updates with it, then try again` },
    };
  }
  const target = state.view().byId.get(body.target as NoteId);
  if (!target?.publish) return { status: 404, body: { error: `no published note ${body.target}` } };

  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return { status: 409, body: { error: `${rel} is not valid UTF-8; link the mention in the editor` } };
  }
  // The build reads a note without its byte order mark; the file keeps it.
  const bom = decoded.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = decoded.slice(bom.length);
  if (text.includes('\u0000')) return { status: 409, body: { error: `${rel} holds NUL bytes; link the mention in the editor` } };

  const sourceId = toNoteId(toNotePath(rel));
  const linked = new Set<NoteId>();
  for (const l of state.linksOf(sourceId)) if (l.resolution.kind === 'note' || l.resolution.kind === 'unpublished') linked.add(l.resolution.target);
  const written = shortestTarget(sourceId, target.parsed.id, linkIndex(state));
  const plan = linkMention(
    text,
    { path: toNotePath(rel), id: sourceId, hash },
    { id: target.parsed.id, title: target.parsed.title, aliases: target.parsed.frontmatter.aliases },
    linked,
    written,
    body.text,
  );
  if ('refused' in plan) return { status: 409, body: { error: `Cannot link: ${plan.refused}` } };
  const next = bom + plan.text;
  await writeFileAtomic(abs, next);
  const change = await state.apply([rel]);
  ctx.applied(change);
  return { status: 200, body: { path: rel, hash: sha256(Buffer.from(next, 'utf8')), link: plan.link, changed: change.changed } };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
