/**
 * The job of one `.canvas` file, run on the parse pool like a note's: read and
 * validate the JSON (read-canvas.ts), render each card's Markdown with the
 * note renderer (card-trees.ts), and draw the scene
 * (render-scene.ts). The result is a note-shaped `NoteJobResult`: the canvas's
 * links (file cards, links in text cards) are resolved, drawn in the graph and
 * listed in backlinks like any note's, its text is searched, and its page is
 * written by the emitter. File cards are embeds, filled by the assembler.
 */
import { largeNoteBytes, ruleIds } from '../constants.ts';
import type { NoteJob, NoteJobResult } from '../compile/types.ts';
import type { RenderContext } from '../compile/render/context.ts';
import { marker } from '../compile/render/markers.ts';
import { blockEmbeds, renderNote } from '../compile/render/index.ts';
import type { RenderedNote } from '../compile/types.ts';
import { placeholderNote } from '../compile/placeholder.ts';
import type { Diagnostic, ParsedNote } from '../shared/types.ts';
import { canvasTitle } from './canvas-path.ts';
import { buildCardTrees } from './card-trees.ts';
import { readCanvas } from './read-canvas.ts';
import { renderScene } from './render-scene.ts';
import { indexLines } from './source-points.ts';

/** Parse and (when `render`) render the canvas of `job`. */
export function runCanvasJob(job: NoteJob, ctx: RenderContext, render = true): NoteJobResult {
  const lines = indexLines(job.text);
  const diagnostics: Diagnostic[] = [];
  const warn = (at: number, reason: string) =>
    diagnostics.push({ file: job.path, ...lines.pointAt(at), ruleId: ruleIds.invalidCanvas, severity: 'warning', reason });
  const read = readCanvas(job.text, warn);
  const title = canvasTitle(job.id);
  if (!read.ok) {
    const reason = `${read.reason}; it is shown as text`;
    const result = placeholderNote(job, { file: job.path, ...lines.pointAt(read.at), ruleId: ruleIds.invalidCanvas, severity: 'error', reason }, ctx.nonce);
    result.note.title = title;
    return result;
  }
  const { canvas } = read;
  const trees = buildCardTrees(canvas, { path: job.path, id: job.id, hash: job.hash, source: job.text, lines }, diagnostics);
  const note: ParsedNote = {
    path: job.path,
    id: job.id,
    hash: job.hash,
    title,
    frontmatter: { aliases: [], tags: [], publish: true },
    tags: trees.tags,
    headings: [],
    blocks: [],
    links: trees.links,
    wordCount: trees.wordCount,
    diagnostics,
  };
  const embeds = blockEmbeds(note);
  const end = lines.pointAt(job.text.length).line;
  if (!render) {
    // As for notes checked without HTML: only the embeds, for the assembler to follow.
    const blocks = embeds.map((i) => ({ start: 1, end, html: `<!--${marker('embed', ctx.nonce, i)}-->` }));
    return { note, rendered: { blocks, nonce: ctx.nonce, embeds }, text: trees.text, contexts: trees.contexts };
  }
  const bodies = new Map<string, string>();
  const backgrounds = new Map<string, string>();
  const highlight = job.text.length <= largeNoteBytes;
  for (const { ref, tree, segment } of trees.cards) {
    // Diagnostics the renderer adds (a refused URL, bad math) are positioned in the card's own text.
    const before = diagnostics.length;
    const { blocks } = renderNote(tree, note, ctx, highlight);
    for (let i = before; i < diagnostics.length; i++) diagnostics[i] = { ...diagnostics[i]!, ...segment.pointOf(diagnostics[i]!.line, diagnostics[i]!.column) };
    (ref.role === 'body' ? bodies : backgrounds).set(ref.node.id, blocks.map((b) => b.html).join('\n'));
  }
  const html = renderScene({ canvas, bodies, backgrounds, key: job.hash.slice(0, 8), title });
  const scene: RenderedNote = { blocks: [{ start: 1, end, html }], nonce: ctx.nonce, embeds };
  return { note, rendered: scene, text: trees.text, contexts: trees.contexts };
}
