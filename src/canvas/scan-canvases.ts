/**
 * Scan hook for canvases: each `.canvas` file of the garden read into a scanned "note" (path and
 * id keep the extension; see canvas-path.ts) by the scan's reader of file pages
 * (src/scan/scan-file-pages.ts).
 */
import { ruleIds } from '../constants.ts';
import type { Diagnostic, NoteId } from '../shared/types.ts';
import type { GitDates } from '../scan/git-dates.ts';
import type { ScannedNote } from '../scan/scanned-note.ts';
import { scanFilePages } from '../scan/scan-file-pages.ts';
import { isCanvasPath, toCanvasId, toCanvasPath } from './canvas-path.ts';

/** Read the canvases among `files`; `noteIds` are the ids of the garden's notes. */
export async function scanCanvases(
  files: readonly { rel: string; abs: string }[],
  noteIds: Iterable<NoteId>,
  gitDates: ReadonlyMap<string, GitDates>,
): Promise<{ canvases: ScannedNote[]; diagnostics: Diagnostic[] }> {
  const kind = { noun: 'canvas', ruleId: ruleIds.invalidCanvas, isPath: isCanvasPath, toPath: toCanvasPath, toId: toCanvasId };
  const { pages, diagnostics } = await scanFilePages(files, noteIds, gitDates, kind);
  return { canvases: pages, diagnostics };
}
