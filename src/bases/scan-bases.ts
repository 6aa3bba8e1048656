/**
 * Scan hook for bases: each `.base` file of the garden read into a scanned "note" (path and id
 * keep the extension; see base-path.ts) by the scan's reader of file pages
 * (src/scan/scan-file-pages.ts), as canvases are.
 */
import { ruleIds } from '../constants.ts';
import type { Diagnostic, NoteId } from '../shared/types.ts';
import type { GitDates } from '../scan/git-dates.ts';
import type { ScannedNote } from '../scan/scanned-note.ts';
import { scanFilePages } from '../scan/scan-file-pages.ts';
import { isBasePath, toBaseId, toBasePath } from './base-path.ts';

/** Read the base files among `files`; `taken` are the ids of the garden's notes and canvases. */
export async function scanBases(
  files: readonly { rel: string; abs: string }[],
  taken: Iterable<NoteId>,
  gitDates: ReadonlyMap<string, GitDates>,
): Promise<{ bases: ScannedNote[]; diagnostics: Diagnostic[] }> {
  const kind = { noun: 'base', ruleId: ruleIds.invalidBase, isPath: isBasePath, toPath: toBasePath, toId: toBaseId };
  const { pages, diagnostics } = await scanFilePages(files, taken, gitDates, kind);
  return { bases: pages, diagnostics };
}
