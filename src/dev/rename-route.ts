/**
 * `POST /_trellis/api/rename {from, to}`: move a note and rewrite the links to
 * it (rename-note.ts). Answers `{path, changed, ambiguous}`: the files whose
 * links were rewritten, and the links elsewhere that the new name made
 * ambiguous. Never replaces another note: 409, with nothing changed.
 */
import { promises as fs } from 'node:fs';
import { nameKey, toNoteId, toNotePath } from '../shared/ids.ts';
import { findAmbiguousLinks } from './ambiguous-links.ts';
import type { ApiContext } from './api-context.ts';
import type { Reply } from './create-route.ts';
import { DestinationExistsError } from './move-no-replace.ts';
import { nameProblem } from './note-name.ts';
import { renameNote } from './rename-note.ts';
import { safeNotePath } from './safe-path.ts';

/** Rename the note `body.from` to `body.to` (garden-relative paths with `.md`). */
export async function renameRoute(body: Record<string, unknown>, ctx: ApiContext): Promise<Reply> {
  const state = ctx.state;
  const from = await safeNotePath(state.root, body.from);
  const to = await safeNotePath(state.root, body.to);
  if (from.rel === to.rel) return { status: 400, body: { error: 'the new path is the same as the old one' } };
  const segments = to.rel.slice(0, -3).split('/');
  for (const [i, segment] of segments.entries()) {
    const problem = nameProblem(segment, i === segments.length - 1 ? '.md' : '');
    if (problem) return { status: 400, body: { error: `Cannot rename to “${to.rel}”: ${problem}` } };
  }
  if (
    !(await fs.stat(from.abs).then(
      (s) => s.isFile(),
      () => false,
    ))
  )
    return { status: 404, body: { error: `no note at ${from.rel}` } };
  const fromId = toNoteId(toNotePath(from.rel));
  const toId = toNoteId(toNotePath(to.rel));
  // Links compare paths without case: another note whose path differs only in case could not be told apart.
  const twin = state.view().notes.find((n) => n.parsed.id !== fromId && nameKey(n.parsed.id) === nameKey(toId));
  if (twin) {
    const what = twin.parsed.path === to.rel ? 'already exists' : 'exists, and links compare paths without case';
    return { status: 409, body: { error: `${twin.parsed.path} ${what}; a rename never replaces another note` } };
  }
  let result;
  try {
    result = await renameNote(state, from.rel, to.rel);
  } catch (error) {
    if (error instanceof DestinationExistsError) return { status: 409, body: { error: `${to.rel} already exists; a rename never replaces another note` } };
    throw error;
  }
  if ('conflict' in result) return { status: 409, body: { error: `${result.conflict} changed on disk; nothing was renamed` } };
  const change = await state.apply([from.rel, to.rel, ...result.files]);
  // Open editors follow the note to its new path (garden:update's `renamed`).
  ctx.applied(change, { from: toNotePath(from.rel), to: toNotePath(to.rel) });
  return { status: 200, body: { path: to.rel, changed: result.files, ambiguous: await findAmbiguousLinks(state, toId) } };
}
