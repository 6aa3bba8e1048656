/**
 * Assemble a note's final body HTML: join its rendered blocks and replace each placeholder the
 * compile stage left (compile/render/markers.ts) using the resolve stage's links: a link's tags,
 * an embedded file, or, for a note embed, the target note, the section under a heading, or a
 * block, recursively. Cycles and over-deep nesting are cut with a link and a diagnostic.
 */
import { maxEmbedDepth, ruleIds } from '../constants.ts';
import { escapeHtml } from '../shared/html.ts';
import type { Diagnostic, Heading, NoteId, ParsedNote, ResolvedLink, Slug } from '../shared/types.ts';
import type { RenderedBlock } from '../compile/types.ts';
import { markerHtmlPrefix, markerStart, readMarker } from '../compile/render/markers.ts';
import type { NoteReader } from '../store/note-store.ts';
import { embedsIn } from '../store/pack-blocks.ts';
import { embedHtml, linkTags, pointImage, type UrlOf } from './link-html.ts';
import { withBase } from '../shared/with-base.ts';
import { rebaseTagLinks } from './rebase-tag-links.ts';

/** What the assembler knows of a note: its facts, the nonce of its placeholders, its block embeds, its URL if published. */
export interface AssembleNote {
  parsed: ParsedNote;
  nonce: string;
  embeds: readonly number[];
  url?: Slug | undefined;
}
import type { BaseRenderer } from '../bases/prepare-bases.ts';

/** What the assembler reads about every note. */
export interface AssembleInput {
  notes: ReadonlyMap<NoteId, AssembleNote>;
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>;
  /** Where the notes' blocks are read from (with or without their HTML). */
  store: Pick<NoteReader, 'blocks' | 'outline'>;
  /**
   * What every note and attachment URL is prefixed with: the site's base path (`/notes/`, default `/`),
   * or its absolute URL for HTML read outside the site (feeds).
   */
  basePath?: string;
  /** Draws the bases that `base` placeholders stand for (src/bases/prepare-bases.ts). */
  bases?: BaseRenderer;
}

/** Assemble note `id`; diagnostics for cut embeds are pushed to `diagnostics`. */
export function assembleNote(id: NoteId, input: AssembleInput, diagnostics: Diagnostic[]): string {
  const entry = input.notes.get(id);
  if (!entry) return '';
  return fill(id, input.store.blocks(id), input, [id], diagnostics, true);
}

/**
 * Follow note `id`'s embeds as {@link assembleNote} does and report the same
 * diagnostics, without building the HTML: a build checks every note up front
 * and assembles each page only when it is written.
 */
export function checkEmbeds(id: NoteId, input: AssembleInput, diagnostics: Diagnostic[]): void {
  const entry = input.notes.get(id);
  if (entry) fill(id, input.store.outline(id), input, [id], diagnostics, false);
}

function fill(id: NoteId, blocks: readonly RenderedBlock[], input: AssembleInput, stack: string[], diagnostics: Diagnostic[], write: boolean): string {
  const entry = input.notes.get(id)!;
  if (!write) {
    if (entry.embeds.length === 0) return '';
    const prefix = markerHtmlPrefix('embed', entry.nonce);
    for (const b of blocks) for (const linkIndex of b.embeds ?? embedsIn(b.html, prefix)) embed(id, linkIndex, input, stack, diagnostics, false);
    return '';
  }
  const html = rebaseTagLinks(joinBlocks(blocks), input.basePath ?? '/');
  const nonce = entry.nonce;
  const links = input.links.get(id) ?? [];
  const urlOf = noteUrls(input);
  const base = input.basePath ?? '/';
  const out: string[] = [];
  // Closing tags of the links whose text is being copied, by link index.
  const closing = new Map<number, string>();
  let from = 0;
  for (let at = html.indexOf(markerStart); at >= 0; at = html.indexOf(markerStart, at + 1)) {
    const found = readMarker(html, at, nonce);
    if (!found) continue;
    out.push(html.slice(from, at));
    from = found.end;
    if (found.kind === 'base') {
      out.push(input.bases?.(id, found.linkIndex, stack) ?? '');
      continue;
    }
    const link = links[found.linkIndex];
    if (!link) continue;
    switch (found.kind) {
      case 'link': {
        const [open, close] = linkTags(link.resolution, link.ref, urlOf, base);
        closing.set(found.linkIndex, close);
        out.push(open);
        break;
      }
      case 'link-end':
        out.push(closing.get(found.linkIndex) ?? '');
        break;
      case 'media':
        if (link.ref.syntax === 'markdown') {
          const end = html.indexOf('>', from) + 1;
          out.push(pointImage(html.slice(from, end), link.resolution, base));
          from = end;
        } else out.push(embedHtml(link.resolution, link.ref, urlOf, base));
        break;
      case 'embed':
        out.push(embed(id, found.linkIndex, input, stack, diagnostics, true));
        break;
    }
  }
  out.push(html.slice(from));
  return out.join('');
}

/** Note URLs as pages link them: below the base path. */
function noteUrls(input: AssembleInput): UrlOf {
  const base = input.basePath ?? '/';
  return (target) => {
    const url = input.notes.get(target)?.url;
    return url === undefined ? undefined : withBase(base, url);
  };
}

function joinBlocks(blocks: readonly RenderedBlock[]): string {
  return blocks.map((b) => b.html).join('\n');
}

function embed(id: NoteId, linkIndex: number, input: AssembleInput, stack: string[], diagnostics: Diagnostic[], write: boolean): string {
  const link = input.links.get(id)?.[linkIndex];
  if (!link) return '';
  const r = link.resolution;
  const urlOf = noteUrls(input);
  const targetId = r.kind === 'note' ? r.target : r.kind === 'self' ? id : undefined;
  const target = targetId === undefined ? undefined : input.notes.get(targetId);
  // A block embed of a file or of nothing: the file's element or a link, in a paragraph of its own.
  if (!targetId || !target) return write ? `<p>${embedHtml(r, link.ref, urlOf, input.basePath)}</p>` : '';
  const anchor = r.kind === 'note' || r.kind === 'self' ? r.anchor : undefined;
  const where = { file: input.notes.get(id)!.parsed.path, line: link.ref.position.line, column: link.ref.position.column };
  const title = target.parsed.title + (anchor?.kind === 'heading' ? ' › ' + anchor.text.replace(/#/g, ' › ') : '');
  const href = (urlOf(targetId) ?? '') + (anchor ? '#' + (anchor.kind === 'block' ? '^' + anchor.id : anchor.id) : '');
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
  const blocks = selectBlocks(write ? input.store.blocks(targetId) : input.store.outline(targetId), target.parsed, anchor);
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
