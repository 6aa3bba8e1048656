/**
 * `POST /_trellis/api/note`: New note (`{title, folder?}`) or Create on an
 * unresolved link (`{link, from}`). Names Obsidian refuses are refused with
 * the reason, never changed into another name; Create answers success only
 * once the link, resolved again in the updated garden, reaches the new note.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { baseName, dirName, nameKey, toNoteId, toNotePath } from '../shared/ids.ts';
import { buildLinkIndex, type LinkIndex } from '../shared/links/link-index.ts';
import { resolveTarget } from '../shared/links/resolve-target.ts';
import type { ApiContext } from './api-context.ts';
import type { GardenState } from './garden-state.ts';
import { createNote, newNotePath } from './new-note.ts';
import { NoteNameError } from './note-name.ts';
import { notePathForLink } from './note-path-for-link.ts';
import { safeNotePath } from './safe-path.ts';

/** An answer of the API: status and JSON body. */
export interface Reply {
  status: number;
  body: unknown;
}

/** Create a note from the template, as New note or for an unresolved link; never overwrites. */
export async function createRoute(body: Record<string, unknown>, ctx: ApiContext): Promise<Reply> {
  const root = ctx.state.root;
  if (body.link !== undefined) {
    if (typeof body.link !== 'string') return { status: 400, body: { error: 'link must be a string' } };
    const source = await safeNotePath(root, body.from);
    const sourceId = toNoteId(toNotePath(source.rel));
    const plan = notePathForLink(linkIndex(ctx.state), sourceId, body.link);
    if ('refused' in plan) return { status: plan.status, body: { error: plan.refused } };
    const created = await create(ctx, baseName(toNoteId(plan.path)), dirName(plan.path));
    if (created.status !== 201) return created;
    const rel = (created.body as { path: string }).path;
    // The link, resolved in the garden as it is now, must reach the note just written.
    const reached = resolveTarget(linkIndex(ctx.state), sourceId, body.link);
    if (reached.kind === 'note' && reached.note.id === toNoteId(toNotePath(rel))) return created;
    await removeUntouched(ctx, rel, created.text);
    return { status: 409, body: { error: `Cannot create a note for “${body.link}”: the link would not reach ${rel}, so nothing was kept` } };
  }
  if (typeof body.title !== 'string') return { status: 400, body: { error: 'title is required' } };
  if (body.folder !== undefined && typeof body.folder !== 'string') return { status: 400, body: { error: 'folder must be a string' } };
  if (body.folder !== undefined) await safeNotePath(root, `${body.folder}/x.md`);
  return create(ctx, body.title, body.folder);
}

async function create(ctx: ApiContext, title: string, folder: string | undefined): Promise<Reply & { text?: string }> {
  const root = ctx.state.root;
  let rel: string;
  try {
    rel = newNotePath(title, folder);
  } catch (error) {
    if (error instanceof NoteNameError) return { status: 400, body: { error: error.message } };
    throw error;
  }
  // The write refuses an existing file; this also refuses a name that differs only in case, which links could not tell apart.
  const twin = linkIndex(ctx.state).byPath.get(nameKey(rel.slice(0, -3)));
  if (twin) return { status: 409, body: { error: `a note named ${twin.id}.md exists (names are compared without case)` } };
  const { abs } = await safeNotePath(root, rel);
  try {
    await createNote(root, title, folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { status: 409, body: { error: 'a note with that name exists' } };
    throw error;
  }
  const change = await ctx.state.apply([rel]);
  ctx.applied(change);
  return { status: 201, body: { path: rel }, text: await fs.readFile(abs, 'utf8') };
}

/** Delete a note this request created, unless someone wrote to it since. */
async function removeUntouched(ctx: ApiContext, rel: string, text: string | undefined): Promise<void> {
  const abs = path.join(ctx.state.root, rel);
  if ((await fs.readFile(abs, 'utf8').catch(() => undefined)) !== text) return;
  await fs.rm(abs);
  ctx.applied(await ctx.state.apply([rel]));
}

/** The link index of the garden as the state holds it now. */
export function linkIndex(state: GardenState): LinkIndex {
  const notes = state.view().notes.map((n) => ({ id: n.parsed.id, publish: n.publish }));
  return buildLinkIndex(
    notes,
    state.attachmentList().map((a) => a.path),
  );
}
