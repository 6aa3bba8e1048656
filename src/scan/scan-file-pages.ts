/**
 * Scan hook for files drawn as pages of their own (canvases, bases): read each file of a kind into
 * a scanned "note" whose path and id keep the extension, so the build hands it to the parse pool,
 * the cache and every later stage like a note. A file whose id a note (or an earlier page) already
 * has (`Plan.canvas.md`) is left an attachment, with a warning.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { ruleIds } from '../constants.ts';
import { nameKey } from '../shared/ids.ts';
import type { Diagnostic, NoteId, NotePath, Slug } from '../shared/types.ts';
import type { GitDates } from './git-dates.ts';
import type { ScannedNote } from './scanned-note.ts';

/** A kind of file drawn as a page. */
export interface FilePageKind {
  /** `canvas`, `base`: named in diagnostics. */
  noun: string;
  /** The rule id of this kind's problems (`invalid-canvas`). */
  ruleId: string;
  isPath(rel: string): boolean;
  toPath(rel: string): NotePath;
  toId(path: NotePath): NoteId;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Read the files of `kind` among `files`; `taken` are the ids already used (notes, other pages). */
export async function scanFilePages(
  files: readonly { rel: string; abs: string }[],
  taken: Iterable<NoteId>,
  gitDates: ReadonlyMap<string, GitDates>,
  kind: FilePageKind,
): Promise<{ pages: ScannedNote[]; diagnostics: Diagnostic[] }> {
  // The names taken, made only when the garden has a file of this kind: most have none, and the names of 10k notes cost ~25 ms.
  let used: Set<string> | undefined;
  const pages: ScannedNote[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    if (!kind.isPath(f.rel)) continue;
    const path = kind.toPath(f.rel);
    const where = { file: f.rel, line: 1, column: 1, severity: 'warning' as const };
    used ??= new Set([...taken].map(nameKey));
    if (used.has(nameKey(path))) {
      diagnostics.push({
        ...where,
        ruleId: kind.ruleId,
        reason: `The note \`${path}.md\` has the name this ${kind.noun} would have; the ${kind.noun} is not drawn as a page`,
      });
      continue;
    }
    const read = await Promise.all([fs.readFile(f.abs), fs.stat(f.abs)]).catch((error: Error) => error);
    if (read instanceof Error) {
      diagnostics.push({ ...where, ruleId: ruleIds.unreadable, reason: `Cannot read ${kind.noun}: ${read.message}` });
      continue;
    }
    const [bytes, st] = read;
    const hash = createHash('sha256').update(bytes).digest('hex');
    const content = { hash, size: bytes.byteLength, mtimeMs: st.mtimeMs, text: decode(bytes, f.rel, kind.noun, diagnostics), publish: true, diagnostics: [] };
    const git = gitDates.get(path);
    pages.push({
      path,
      id: kind.toId(path),
      absPath: f.abs,
      hash,
      size: content.size,
      mtimeMs: st.mtimeMs,
      content,
      url: '/' as Slug,
      ...(git ? { git } : {}),
    });
  }
  return { pages, diagnostics };
}

/** UTF-8 text without a byte-order mark; invalid bytes become U+FFFD (and parse errors where they matter) with a warning. */
function decode(bytes: Uint8Array, file: string, noun: string, diagnostics: Diagnostic[]): string {
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
      reason: `This ${noun} is not valid UTF-8; invalid bytes are shown as U+FFFD`,
    });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
