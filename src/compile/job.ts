/**
 * The per-note job run on the worker pool (and by the dev server after a save): parse once,
 * extract facts, render with the same tree. A note nesting quotes or lists deeper than
 * `maxNesting` is refused before parsing, and a note that throws is caught; both are rendered
 * as escaped text with a positioned diagnostic.
 */
import { largeNoteBytes, maxNesting, ruleIds } from '../constants.ts';
import type { RenderContext } from './render/context.ts';
import { blockEmbeds, renderNote } from './render/index.ts';
import type { RenderedNote } from './types.ts';
import { marker } from './render/markers.ts';
import type { Diagnostic, ParsedNote } from '../shared/types.ts';
import { parseNote } from './parse/index.ts';
import { findDeepNesting } from './nesting-depth.ts';
import { placeholderNote } from './placeholder.ts';
import { isCanvasPath } from '../canvas/canvas-path.ts';
import { runCanvasJob } from '../canvas/compile-canvas.ts';
import type { NoteJob, NoteJobResult } from './types.ts';
import { highlightMemo, type HighlightedCode } from './render/highlight-memo.ts';
import { isBasePath } from '../bases/base-path.ts';
import { runBaseFileJob } from '../bases/compile-base-file.ts';

/**
 * Run one job; with `render` false only facts are extracted (for `trellis check`). With `code`, a
 * rendered note's result holds its highlighted code, found in `code.previous` (its previous
 * version's) where the code is unchanged (render/highlight-memo.ts).
 */
export function runNoteJob(job: NoteJob, ctx: RenderContext, render = true, code?: { previous: HighlightedCode | undefined }): NoteJobResult {
  if (!render || !code) return runJob(job, ctx, render);
  const memo = highlightMemo(code.previous);
  const result = runJob(job, { ...ctx, memo }, true);
  const taken = memo.taken();
  if (taken.length > 0) result.code = taken;
  return result;
}

function runJob(job: NoteJob, ctx: RenderContext, render: boolean): NoteJobResult {
  if (isCanvasPath(job.path)) return runCanvasJobSafely(job, ctx, render);
  if (isBasePath(job.path)) return runBaseFileJob(job, ctx.nonce);
  const deep = findDeepNesting(job.text, maxNesting);
  if (deep) {
    const reason = `Quotes and lists are nested ${deep.depth} deep here, past the limit of ${maxNesting}; the note is shown as plain text until its nesting is reduced`;
    return placeholderNote(job, { file: job.path, line: deep.line, column: deep.column, ruleId: ruleIds.noteTooDeep, severity: 'error', reason }, ctx.nonce);
  }
  const diagnostics: Diagnostic[] = [];
  const large = job.text.length > largeNoteBytes;
  if (large) {
    diagnostics.push({
      file: job.path,
      line: 1,
      column: 1,
      ruleId: ruleIds.largeNote,
      severity: 'info',
      reason: `This note is ${(job.text.length / 1e6).toFixed(1)} MB; it is built without code highlighting`,
    });
  }
  try {
    const { note, tree, text, contexts } = parseNote(job, job.text, diagnostics);
    const rendered = render ? renderNote(tree, note, ctx, !large) : embedSkeleton(note, ctx.nonce);
    return { note, rendered, text, contexts };
  } catch (error) {
    return failedNote(job, error, ctx.nonce);
  }
}

/**
 * Without HTML, a note is just its block embeds, each a one-line block at its source
 * line: enough for the assembler to follow transclusions and report cycles.
 */
function embedSkeleton(note: ParsedNote, nonce: string): RenderedNote {
  const embeds = blockEmbeds(note);
  const blocks = embeds.map((i) => ({ start: note.links[i]!.position.line, end: note.links[i]!.position.line, html: `<!--${marker('embed', nonce, i)}-->` }));
  return { blocks, nonce, embeds };
}

/** A placeholder result for a note the engine could not process. */
export function failedNote(job: Pick<NoteJob, 'path' | 'id' | 'hash' | 'text'>, error: unknown, nonce: string): NoteJobResult {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const diagnostic: Diagnostic = {
    file: job.path,
    line: 1,
    column: 1,
    ruleId: ruleIds.noteFailed,
    severity: 'error',
    reason: `This note could not be rendered (${reason.slice(0, 200)}); it is shown as plain text`,
  };
  return placeholderNote(job, diagnostic, nonce);
}

/** A canvas's job (src/canvas/); one that throws is shown as text with a diagnostic, as a note is. */
function runCanvasJobSafely(job: NoteJob, ctx: RenderContext, render: boolean): NoteJobResult {
  try {
    return runCanvasJob(job, ctx, render);
  } catch (error) {
    return failedNote(job, error, ctx.nonce);
  }
}
