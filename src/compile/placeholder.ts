/**
 * The result of a note Trellis refused or gave up on: its text escaped in a `<pre>`, and one
 * diagnostic that says why. No links, tags or headings are read from it.
 */
import { escapeHtml } from '../shared/html.ts';
import type { Diagnostic, ParsedNote } from '../shared/types.ts';
import type { NoteJob, NoteJobResult } from './types.ts';

/** A placeholder page for `job` carrying `diagnostic`; `givenUp` marks a limit of this run (see {@link NoteJobResult}). */
export function placeholderNote(job: Pick<NoteJob, 'path' | 'id' | 'hash' | 'text'>, diagnostic: Diagnostic, nonce: string, givenUp = false): NoteJobResult {
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
    wordCount: 0,
    diagnostics: [diagnostic],
  };
  const escaped = escapeHtml(job.text.slice(0, 200_000));
  const rendered = { blocks: [{ start: 1, end: 1, html: `<pre class="note-failed">${escaped}</pre>` }], nonce, embeds: [] };
  const result: NoteJobResult = { note, rendered, text: job.text.slice(0, 10_000), contexts: [] };
  return givenUp ? { ...result, givenUp } : result;
}
