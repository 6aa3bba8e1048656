/**
 * Assemble a note's final body HTML: join its rendered blocks and fill each
 * embed placeholder with the target note, the section under a heading, or a
 * block, recursively. Cycles and over-deep nesting are cut with a link and a
 * diagnostic.
 */
import { maxEmbedDepth, ruleIds } from '../constants.ts';
import { escapeHtml } from '../shared/html.ts';
import type { Diagnostic, Heading, NoteId, ParsedNote, ResolvedLink, Slug } from '../shared/types.ts';
import type { RenderedBlock, RenderedNote } from '../compile/render/index.ts';
import { embedMarkerHtmlPrefix } from '../compile/render/context.ts';
import { embedsIn, type BlockSpill } from '../store/spill.ts';

/** What the assembler reads about every note. */
export interface AssembleInput {
  notes: ReadonlyMap<NoteId, { parsed: ParsedNote; rendered: RenderedNote; url?: Slug }>;
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>;
  /** Blocks (with or without their HTML) of notes whose blocks were spilled to disk (spill.ts). */
  spill?: Pick<BlockSpill, 'blocks' | 'outline'>;
}

/** Assemble note `id`; diagnostics for cut embeds are pushed to `diagnostics`. */
export function assembleNote(id: NoteId, input: AssembleInput, diagnostics: Diagnostic[]): string {
  const entry = input.notes.get(id);
  if (!entry) return '';
  return fill(id, withHtml(entry.rendered, input), input, [id], diagnostics, true);
}

function withHtml(rendered: RenderedNote, input: AssembleInput): readonly RenderedBlock[] {
  return input.spill ? input.spill.blocks(rendered) : rendered.blocks;
}

function outline(rendered: RenderedNote, input: AssembleInput): readonly RenderedBlock[] {
  return input.spill ? input.spill.outline(rendered) : rendered.blocks;
}

/**
 * Follow note `id`'s embeds as {@link assembleNote} does and report the same
 * diagnostics, without building the HTML: a build checks every note up front
 * and assembles each page only when it is written.
 */
export function checkEmbeds(id: NoteId, input: AssembleInput, diagnostics: Diagnostic[]): void {
  const entry = input.notes.get(id);
  if (entry) fill(id, outline(entry.rendered, input), input, [id], diagnostics, false);
}

function fill(id: NoteId, blocks: readonly RenderedBlock[], input: AssembleInput, stack: string[], diagnostics: Diagnostic[], write: boolean): string {
  const entry = input.notes.get(id)!;
  if (entry.rendered.embeds.length === 0) return write ? joinBlocks(blocks) : '';
  const prefix = embedMarkerHtmlPrefix(entry.rendered.nonce);
  if (!write) {
    for (const b of blocks) for (const linkIndex of b.embeds ?? embedsIn(b.html, prefix)) embed(id, linkIndex, input, stack, diagnostics, false);
    return '';
  }
  const parts = joinBlocks(blocks).split(prefix);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const close = part.indexOf('-->');
    const linkIndex = Number(part.slice(0, close));
    out += embed(id, linkIndex, input, stack, diagnostics, true) + part.slice(close + 3);
  }
  return out;
}

function joinBlocks(blocks: readonly RenderedBlock[]): string {
  return blocks.map((b) => b.html).join('\n');
}

function embed(id: NoteId, linkIndex: number, input: AssembleInput, stack: string[], diagnostics: Diagnostic[], write: boolean): string {
  const link = input.links.get(id)?.[linkIndex];
  if (!link) return '';
  const r = link.resolution;
  const targetId = r.kind === 'note' ? r.target : r.kind === 'self' ? id : undefined;
  if (!targetId) return '';
  const target = input.notes.get(targetId);
  if (!target) return '';
  const anchor = r.kind === 'note' || r.kind === 'self' ? r.anchor : undefined;
  const where = { file: input.notes.get(id)!.parsed.path, line: link.ref.position.line, column: link.ref.position.column };
  const title = target.parsed.title + (anchor?.kind === 'heading' ? ' › ' + anchor.text.replace(/#/g, ' › ') : '');
  const href = (target.url ?? '') + (anchor ? '#' + (anchor.kind === 'block' ? '^' + anchor.id : anchor.id) : '');
  const asLink = `<a class="internal embed-cut" href="${escapeHtml(href)}" data-note="${escapeHtml(targetId)}">${escapeHtml(title)}</a>`;

  // The stack holds `id` for whole notes and `id#anchor` for sections. Only showing the same
  // note or section again inside itself is a cycle: a note may embed its own sections (Obsidian
  // shows `![[Self#A]]` written in section B), and an embed of a section that contains that
  // embed is cut when it comes round again. Depth is bounded below either way.
  const key = anchor ? `${targetId}#${anchor.id}` : targetId;
  if (stack.includes(key)) {
    diagnostics.push({
      ...where,
      ruleId: ruleIds.embedCycle,
      severity: 'warning',
      reason: `Embed cycle: ${[...stack, key].map((s) => `\`${s}\``).join(' → ')}; the embed is shown as a link`,
    });
    return asLink;
  }
  if (stack.length > maxEmbedDepth) {
    diagnostics.push({
      ...where,
      ruleId: ruleIds.embedDepth,
      severity: 'info',
      reason: `Embeds nest deeper than ${maxEmbedDepth} levels; the innermost is shown as a link`,
    });
    return asLink;
  }
  const blocks = selectBlocks(write ? withHtml(target.rendered, input) : outline(target.rendered, input), target.parsed, anchor);
  if (!blocks) return asLink;
  const body = fill(targetId, blocks, input, [...stack, key], diagnostics, write);
  if (!write) return '';
  return (
    `<div class="transclusion" data-note="${escapeHtml(targetId)}">` +
    `<div class="transclusion-header"><a class="internal" href="${escapeHtml(href)}" data-note="${escapeHtml(targetId)}">${escapeHtml(title)}</a></div>` +
    `<div class="transclusion-body">${body}</div></div>`
  );
}

/** The blocks an embed shows: all, a heading's section, or the block holding `^id`. */
export function selectBlocks(
  blocks: readonly RenderedBlock[],
  note: ParsedNote,
  anchor: import('../shared/types.ts').Anchor | undefined,
): readonly RenderedBlock[] | undefined {
  if (!anchor) return blocks;
  if (!anchor.found) return undefined;
  if (anchor.kind === 'block') {
    const b = note.blocks.find((x) => x.id.toLowerCase() === anchor.id.toLowerCase());
    if (!b) return undefined;
    const hit = blocks.find((x) => x.start <= b.line && b.line <= x.end);
    return hit ? [hit] : undefined;
  }
  const h = note.headings.find((x) => x.id === anchor.id);
  if (!h) return undefined;
  const end = sectionEnd(note.headings, h);
  return blocks.filter((b) => b.start >= h.line && b.start < end);
}

function sectionEnd(headings: readonly Heading[], h: Heading): number {
  const i = headings.indexOf(h);
  for (let k = i + 1; k < headings.length; k++) if (headings[k]!.depth <= h.depth) return headings[k]!.line;
  return Number.MAX_SAFE_INTEGER;
}
