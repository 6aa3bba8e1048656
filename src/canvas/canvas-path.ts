/**
 * Identities of canvases. A canvas goes through the pipeline as a note whose
 * path and id are its file path with the `.canvas` extension kept, so that it
 * never shares an id with a note (`Plan.canvas` and `Plan.md` are two pages)
 * and `[[Plan.canvas]]` resolves to it by the same rules as a note link.
 */
import { baseName } from '../shared/ids.ts';
import type { NoteId, NotePath } from '../shared/types.ts';

/** Whether a vault-relative path names a JSON Canvas file. */
export function isCanvasPath(path: string): boolean {
  return /\.canvas$/i.test(path);
}

/** A canvas's path as the note path the pipeline carries (NFC, extension kept). */
export function toCanvasPath(path: string): NotePath {
  if (!isCanvasPath(path)) throw new Error(`canvas: "${path}" is not a .canvas path; check isCanvasPath first`);
  return path.normalize('NFC') as NotePath;
}

/** A canvas's id: its path, extension included. */
export function toCanvasId(path: NotePath): NoteId {
  return path as string as NoteId;
}

/** The title Obsidian shows for a canvas: its file name without the extension. */
export function canvasTitle(id: NoteId): string {
  return baseName(id).replace(/\.canvas$/i, '');
}
