/**
 * Create on an unresolved link: the one note path that the link would reach,
 * found with the builder's own resolver (docs/linking.md). A target is never
 * altered to make a usable file name: a name Obsidian refuses is refused, so
 * the author renames the link instead.
 */
import { baseName, dirName, toNoteId, toNotePath } from '../shared/ids.ts';
import { buildLinkIndex, type LinkIndex } from '../shared/links/link-index.ts';
import { resolveTarget } from '../shared/links/resolve-target.ts';
import type { NoteId, NotePath } from '../shared/types.ts';
import { nameProblem } from './note-name.ts';

/** Where to create the note, or why not (status 400: the target cannot name a note; 409: it already resolves). */
export type LinkNotePlan = { path: NotePath } | { refused: string; status: 400 | 409 };

/**
 * The path of the note to create so that `target` (a wiki-link target as written, without anchor),
 * written in the note `source`, resolves to it.
 * @param index the garden's link index now
 */
export function notePathForLink(index: LinkIndex, source: NoteId, target: string): LinkNotePlan {
  const refuse = (why: string): LinkNotePlan => ({ refused: `Cannot create a note for “${target}”: ${why}`, status: 400 });
  const now = resolveTarget(index, source, target);
  if (now.kind === 'note') return { refused: `“${target}” already resolves to ${now.note.id}.md`, status: 409 };
  if (now.kind === 'attachment') return { refused: `“${target}” already resolves to ${now.path}`, status: 409 };

  const written = target.trim().normalize('NFC').replace(/^\/+/, '');
  const relative = /^\.\.?\//.test(written);
  const segments = relative ? joinRelative(dirName(source), written) : written.split('/');
  if (!segments) return refuse('the path climbs above the garden');
  const last = segments.length - 1;
  if (/\.md$/i.test(segments[last]!)) segments[last] = segments[last]!.slice(0, -3);
  for (const [i, segment] of segments.entries()) {
    const problem = nameProblem(segment, i === last ? '.md' : '');
    if (problem) return refuse(`${problem}; rename the link`);
  }
  const path = toNotePath(segments.join('/') + '.md');
  const id = toNoteId(path);

  // Would the link reach a note there? Ask the resolver, with the note added to the garden.
  const ids = [...index.byPath.values()].map((n) => n.id);
  const attachments = [...index.attachmentsByPath.values()];
  const withNote = buildLinkIndex(
    [...ids, id].map((n) => ({ id: n, publish: true })),
    attachments,
  );
  const reached = resolveTarget(withNote, source, target);
  if (reached.kind === 'note' && reached.note.id === id) return { path };
  const ext = /\.(\w+)$/.exec(baseName(written))?.[1];
  if (ext && ext.toLowerCase() !== 'md') return refuse(`the link names an attachment (.${ext}), not a note`);
  return refuse(`a note at ${path} would not be reached by the link`);
}

/** The segments of a `./` or `../` target joined onto a folder; undefined when it climbs above the garden. */
function joinRelative(dir: string, target: string): string[] | undefined {
  const parts = dir ? dir.split('/') : [];
  for (const segment of target.split('/')) {
    if (segment === '.') continue;
    if (segment !== '..') parts.push(segment);
    else if (parts.length === 0) return undefined;
    else parts.pop();
  }
  return parts;
}
