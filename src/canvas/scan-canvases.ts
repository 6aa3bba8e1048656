/**
 * Scan hook for canvases: read each `.canvas` file of the garden into a
 * scanned "note" (path and id keep the extension; see canvas-path.ts), so the
 * build can hand it to the parse pool, the cache and every later stage like a
 * note. A canvas whose id a note already has (`Plan.canvas.md`) is left an
 * attachment, with a warning.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { ruleIds } from '../constants.ts';
import { nameKey } from '../shared/ids.ts';
import type { Diagnostic, NoteId, Slug } from '../shared/types.ts';
import type { GitDates } from '../scan/git-dates.ts';
import type { ScannedNote } from '../scan/scanned-note.ts';
import { isCanvasPath, toCanvasId, toCanvasPath } from './canvas-path.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Read the canvases among `files`; `noteIds` are the ids of the garden's notes. */
export async function scanCanvases(
  files: readonly { rel: string; abs: string }[],
  noteIds: Iterable<NoteId>,
  gitDates: ReadonlyMap<string, GitDates>,
): Promise<{ canvases: ScannedNote[]; diagnostics: Diagnostic[] }> {
  const taken = new Set([...noteIds].map(nameKey));
  const canvases: ScannedNote[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    if (!isCanvasPath(f.rel)) continue;
    const path = toCanvasPath(f.rel);
    const where = { file: f.rel, line: 1, column: 1, severity: 'warning' as const };
    if (taken.has(nameKey(path))) {
      diagnostics.push({
        ...where,
        ruleId: ruleIds.invalidCanvas,
        reason: `The note \`${path}.md\` has the name this canvas would have; the canvas is not drawn as a page`,
      });
      continue;
    }
    const read = await Promise.all([fs.readFile(f.abs), fs.stat(f.abs)]).catch((error: Error) => error);
    if (read instanceof Error) {
      diagnostics.push({ ...where, ruleId: ruleIds.unreadable, reason: `Cannot read canvas: ${read.message}` });
      continue;
    }
    const [bytes, st] = read;
    const hash = createHash('sha256').update(bytes).digest('hex');
    const content = { hash, size: bytes.byteLength, mtimeMs: st.mtimeMs, text: decode(bytes, f.rel, diagnostics), publish: true, diagnostics: [] };
    const git = gitDates.get(path);
    canvases.push({
      path,
      id: toCanvasId(path),
      absPath: f.abs,
      hash,
      size: content.size,
      mtimeMs: st.mtimeMs,
      content,
      url: '/' as Slug,
      ...(git ? { git } : {}),
    });
  }
  return { canvases, diagnostics };
}

/** UTF-8 text without a byte-order mark; invalid bytes become U+FFFD (and JSON errors where they matter) with a warning. */
function decode(bytes: Uint8Array, file: string, diagnostics: Diagnostic[]): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
    diagnostics.push({
      file,
      line: 1,
      column: 1,
      ruleId: ruleIds.invalidEncoding,
      severity: 'warning',
      reason: 'This canvas is not valid UTF-8; invalid bytes are shown as U+FFFD',
    });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
