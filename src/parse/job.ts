/**
 * The per-note job run on the worker pool: parse once, extract facts, render
 * with the same tree. A note that throws (e.g. a stack overflow on absurd
 * nesting) is rendered as escaped text with a positioned diagnostic.
 */
import { largeNoteBytes, ruleIds } from '../constants.ts';
import { embedMarker, type RenderContext } from '../render/context.ts';
import { renderNote, type RenderedNote } from '../render/index.ts';
import type { Diagnostic, NoteId, NotePath, ParsedNote } from '../shared/types.ts';
import { parseNote } from './index.ts';

/** Input of one note job. */
export interface NoteJob {
  path: NotePath;
  id: NoteId;
  hash: string;
  text: string;
}

/** Output of one note job. */
export interface NoteJobResult {
  note: ParsedNote;
  rendered: RenderedNote;
}

/** Run one job; with `render` false only facts are extracted (for `trellis check`). */
export function runNoteJob(job: NoteJob, ctx: RenderContext, render = true): NoteJobResult {
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
    const { note, tree } = parseNote(job, job.text, diagnostics);
    const rendered = render ? renderNote(tree, note, ctx, !large) : embedSkeleton(note, ctx.nonce);
    return { note, rendered };
  } catch (error) {
    return failedNote(job, error, ctx.nonce);
  }
}

/**
 * Without HTML, a note is just its embeds, each a one-line block at its source
 * line: enough for the assembler to follow transclusions and report cycles.
 */
function embedSkeleton(note: ParsedNote, nonce: string): RenderedNote {
  const embeds = note.links.flatMap((l, i) => (l.kind === 'embed' ? [i] : []));
  const blocks = embeds.map((i) => ({ start: note.links[i]!.position.line, end: note.links[i]!.position.line, html: `<!--${embedMarker(nonce, i)}-->` }));
  return { blocks, nonce, embeds };
}

/** A placeholder result for a note the engine could not process. */
export function failedNote(job: Pick<NoteJob, 'path' | 'id' | 'hash' | 'text'>, error: unknown, nonce: string): NoteJobResult {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const note: ParsedNote = {
    path: job.path,
    id: job.id,
    hash: job.hash,
    title: job.id.slice(job.id.lastIndexOf('/') + 1),
    frontmatter: { aliases: [], tags: [], publish: true },
    tags: [],
    headings: [],
    blocks: [],
    links: [],
    text: job.text.slice(0, 10_000),
    wordCount: 0,
    diagnostics: [
      { file: job.path, line: 1, column: 1, ruleId: ruleIds.noteFailed, severity: 'error', reason: `This note could not be rendered (${reason.slice(0, 200)}); it is shown as plain text` },
    ],
  };
  const escaped = job.text.slice(0, 200_000).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
  return { note, rendered: { blocks: [{ start: 1, end: 1, html: `<pre class="note-failed">${escaped}</pre>` }], nonce, embeds: [] } };
}
