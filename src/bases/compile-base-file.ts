/**
 * The job of one `.base` file, run on the parse pool like a note's: the file becomes a page
 * whose headings are its views and whose blocks are one `base` placeholder per view (so a view
 * can be embedded alone, `![[Books.base#Reading]]`). The views themselves are drawn once the
 * garden is resolved (prepare-bases.ts), which also reports the file's problems; this job never
 * shows the YAML.
 */
import { indexLines } from '../canvas/source-points.ts';
import type { NoteJob, NoteJobResult } from '../compile/types.ts';
import { marker } from '../compile/render/markers.ts';
import type { ParsedNote } from '../shared/types.ts';
import { baseTitle } from './base-path.ts';
import { parseBase } from './parse-base.ts';
import { viewHeadings } from './view-headings.ts';

/** Parse the base file of `job` into a page of placeholders. */
export function runBaseFileJob(job: NoteJob, nonce: string): NoteJobResult {
  const lines = indexLines(job.text);
  const views = parseBase(job.text).views;
  const starts = views.map((v) => lines.pointAt(v.at).line);
  const headings = viewHeadings(views).map((h, i) => ({ depth: 2, text: h.text, id: h.id, line: starts[i]! }));
  const last = lines.pointAt(job.text.length).line;
  const placeholder = (i: number) => `<!--${marker('base', nonce, i)}-->`;
  const blocks =
    views.length === 0
      ? [{ start: 1, end: last, html: placeholder(0) }]
      : views.map((_v, i) => ({ start: starts[i]!, end: i + 1 < starts.length ? Math.max(starts[i]!, starts[i + 1]! - 1) : last, html: placeholder(i) }));
  const note: ParsedNote = {
    path: job.path,
    id: job.id,
    hash: job.hash,
    title: baseTitle(job.id),
    frontmatter: { aliases: [], tags: [], publish: true },
    tags: [],
    headings,
    blocks: [],
    links: [],
    wordCount: 0,
    diagnostics: [],
    bases: [{ yaml: job.text, line: 1, column: 1 }],
  };
  return { note, rendered: { blocks, nonce, embeds: [] }, text: '', contexts: [] };
}
