/**
 * Obsidian's "shortest path when possible" resolution of a link target to a
 * note or attachment. The rules are specified in docs/linking.md; each is
 * pinned by test/resolve.test.ts.
 */
import { baseName, dirName, nameKey } from '../ids.ts';
import type { NoteId } from '../types.ts';
import type { IndexedNote, LinkIndex } from './link-index.ts';

/** Result of resolving a target path/name (anchors are handled separately). */
export type TargetResolution =
  { kind: 'note'; note: IndexedNote; candidates?: NoteId[] } | { kind: 'attachment'; path: string; candidates?: string[] } | { kind: 'missing' };

const noteExt = /\.md$/i;
const anyExt = /\.([A-Za-z0-9]{1,8})$/;

/**
 * Resolve `target` (as written, without anchor) from the note `sourceId`.
 * @param target e.g. `Note`, `Folder/Note`, `Note.md`, `./Note`, `image.png`
 */
export function resolveTarget(index: LinkIndex, sourceId: NoteId, target: string): TargetResolution {
  const written = target.trim().normalize('NFC').replace(/\\/g, '/').replace(/^\/+/, '');
  if (!written) return { kind: 'missing' };
  const relative = /^\.\.?\//.test(written);
  const t = relative ? joinRelative(dirName(sourceId), written) : written;
  if (!t) return { kind: 'missing' };

  const ext = anyExt.exec(t)?.[1];
  const isNote = ext === undefined || noteExt.test(t) || !looksLikeAttachment(ext);
  if (isNote) {
    const note = resolveNote(index, sourceId, t.replace(noteExt, ''), relative);
    if (note.kind !== 'missing') return note;
    if (ext === undefined || noteExt.test(t)) return note;
  }
  return resolveAttachment(index, sourceId, t, relative);
}

function resolveNote(index: LinkIndex, sourceId: NoteId, t: string, relative: boolean): TargetResolution {
  const found = lookup(index.byPath, index.byName, (n) => n.id, sourceId, t, relative);
  if (!found) return { kind: 'missing' };
  return { kind: 'note', note: found.chosen, ...(found.candidates ? { candidates: found.candidates.map((n) => n.id) } : {}) };
}

function resolveAttachment(index: LinkIndex, sourceId: NoteId, t: string, relative: boolean): TargetResolution {
  const found = lookup(index.attachmentsByPath, index.attachmentsByName, (p) => p, sourceId, t, relative);
  if (!found) return { kind: 'missing' };
  return { kind: 'attachment', path: found.chosen, ...(found.candidates ? { candidates: found.candidates } : {}) };
}

/** Rules 1-5 over one pair of indexes: exact path, else name (or path suffix on a folder boundary), ranked when shared. */
function lookup<T>(
  byPath: ReadonlyMap<string, T>,
  byName: ReadonlyMap<string, T[]>,
  pathOf: (item: T) => string,
  sourceId: NoteId,
  t: string,
  relative: boolean,
): { chosen: T; candidates?: T[] } | undefined {
  const key = nameKey(t);
  const exact = byPath.get(key);
  if (exact) return { chosen: exact };
  if (relative) return undefined;
  const named = byName.get(nameKey(baseName(t)));
  if (!named) return undefined;
  const matches = key.includes('/') ? named.filter((item) => nameKey(pathOf(item)).endsWith('/' + key)) : named;
  if (matches.length === 0) return undefined;
  if (matches.length === 1) return { chosen: matches[0]! };
  const ranked = rankCandidates(matches, pathOf, dirName(sourceId));
  return { chosen: ranked[0]!, candidates: ranked };
}

/**
 * Obsidian's order for files sharing a name (its `getLinkpathDest`): those under the linking note's
 * folder, sub-folders included, first; then the shorter full path; then alphabetical order.
 */
export function rankCandidates<T>(items: readonly T[], pathOf: (item: T) => string, sourceDir: string): T[] {
  const prefix = sourceDir === '' ? '' : nameKey(sourceDir) + '/';
  const group = (p: string) => (nameKey(p).startsWith(prefix) ? 0 : 1);
  return [...items].sort((a, b) => {
    const pa = pathOf(a);
    const pb = pathOf(b);
    if (group(pa) !== group(pb)) return group(pa) - group(pb);
    if (pa.length !== pb.length) return pa.length - pb.length;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
}

/** Join a `./` or `../` target onto a folder; undefined when it climbs out of the vault. */
function joinRelative(dir: string, target: string): string | undefined {
  const parts = dir ? dir.split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

const attachmentExts = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'svg',
  'avif',
  'bmp',
  'ico',
  'pdf',
  'mp3',
  'wav',
  'ogg',
  'm4a',
  'flac',
  'webm',
  'mp4',
  'mov',
  'mkv',
  'ogv',
  'csv',
  'txt',
  'json',
  'zip',
]);

/**
 * Whether a target's extension names a file that is never a note. `.canvas` and `.base` are not
 * among them: a built site draws canvases and bases as pages, indexed as notes under their full
 * file name (src/canvas/canvas-path.ts, src/bases/base-path.ts), and a target that finds no such
 * page still falls back to attachments.
 */
function looksLikeAttachment(ext: string): boolean {
  return attachmentExts.has(ext.toLowerCase());
}
