/**
 * Identities of `.base` files. A base file goes through the pipeline as a page, as a canvas does
 * (src/canvas/canvas-path.ts): its path and id keep the `.base` extension, so `Books.base` and
 * `Books.md` are two pages, and `![[Books.base]]` resolves to it by the rules of note links.
 */
import { baseName } from '../shared/ids.ts';
import type { NoteId, NotePath } from '../shared/types.ts';

/** Whether a vault-relative path names a base file. */
export function isBasePath(path: string): boolean {
  return /\.base$/i.test(path);
}

/** A base file's path as the note path the pipeline carries (NFC, extension kept). */
export function toBasePath(path: string): NotePath {
  if (!isBasePath(path)) throw new Error(`bases: "${path}" is not a .base path; check isBasePath first`);
  return path.normalize('NFC') as NotePath;
}

/** A base file's id: its path, extension included. */
export function toBaseId(path: NotePath): NoteId {
  return path as string as NoteId;
}

/** The title Obsidian shows for a base: its file name without the extension. */
export function baseTitle(id: NoteId): string {
  return baseName(id).replace(/\.base$/i, '');
}
