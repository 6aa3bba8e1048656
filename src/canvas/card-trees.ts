/**
 * The Markdown of a canvas as one syntax tree for the note renderer: one
 * wrapper per card, in the canvas's order. Text cards are parsed with the
 * note parser (wiki-links, tags, callouts, math...); file cards and group
 * backgrounds become `![[embeds]]` of their file, link cards Markdown links,
 * so every card goes through the same resolution, URL policy and sanitising
 * as a note. Links are numbered across the whole canvas, and positions are
 * mapped to the file (see segments.ts).
 */
import type { Data, Link, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { maxNesting, ruleIds } from '../constants.ts';
import { findDeepNesting } from '../compile/nesting-depth.ts';
import { parseNote } from '../compile/parse/index.ts';
import type { WikiLink } from '../compile/parse/wiki-link.ts';
import { splitTarget } from '../shared/links/link-ref.ts';
import type { Diagnostic, LinkRef, NoteId, NotePath } from '../shared/types.ts';
import { stringSegment, valueSegment, type Segment } from './segments.ts';
import type { LineIndex } from './source-points.ts';
import type { Canvas, CanvasNode } from './types.ts';

/** A wrapper of the tree: the body of a card, or the background image of a group. */
export interface CardRef {
  node: CanvasNode;
  role: 'body' | 'background';
}

/** The canvas's cards as one tree, with what a note's facts would hold. */
export interface CardTrees {
  tree: Root;
  /** What each child of `tree` is, in order. */
  cards: CardRef[];
  links: LinkRef[];
  segments: Segment[];
  /** Plain text of the text cards, for search and mentions. */
  text: string;
  tags: string[];
  wordCount: number;
}

/** The `canvasCard` wrapper: a `div` around one card's content. */
export interface CanvasCard {
  type: 'canvasCard';
  children: RootContent[];
  data: Data;
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface RootContentMap {
    canvasCard: CanvasCard;
  }
}

const imageExt = /\.(png|jpe?g|gif|webp|svg|avif|bmp)$/i;

/** Build the tree of `canvas` (the file `source` at `path`); diagnostics of the cards' Markdown go to `diagnostics`. */
export function buildCardTrees(
  canvas: Canvas,
  file: { path: NotePath; id: NoteId; hash: string; source: string; lines: LineIndex },
  diagnostics: Diagnostic[],
): CardTrees {
  const out: CardTrees = { tree: { type: 'root', children: [] }, cards: [], links: [], segments: [], text: '', tags: [], wordCount: 0 };
  const texts: string[] = [];
  const tags = new Set<string>();
  let base = 1;
  let baseOffset = 0;
  const add = (ref: CardRef, segment: Segment, children: RootContent[], className: string) => {
    out.cards.push(ref);
    out.segments.push(segment);
    const start = { line: segment.base, column: 1, offset: segment.baseOffset };
    const end = { line: segment.base + segment.lines - 1, column: 1, offset: segment.baseOffset };
    out.tree.children.push({ type: 'canvasCard', children, data: { hName: 'div', hProperties: { className: [className] } }, position: { start, end } });
    base += segment.lines + 1;
  };
  const embed = (node: CanvasNode, written: string, span: [number, number], context: string): WikiLink => {
    const linkIndex = out.links.length;
    out.links.push({
      ...splitTarget(written),
      kind: 'embed',
      syntax: 'canvas',
      position: file.lines.pointAt(span[0]),
      range: span,
      context,
      highlight: [0, context.length],
    });
    const position = { start: { line: base, column: 1, offset: baseOffset }, end: { line: base, column: 2, offset: baseOffset + 1 } };
    baseOffset += 2;
    return { type: 'wikiLink', value: written, data: { embed: true, linkIndex }, position };
  };

  for (const node of canvas.nodes) {
    switch (node.type) {
      case 'text': {
        const segment = stringSegment(file.source, file.lines, node.span, node.text, base, baseOffset);
        const children = textCard(node.text, segment, file, out.links, diagnostics, texts, tags);
        baseOffset += node.text.length + 2;
        add({ node, role: 'body' }, segment, children, 'canvas-card-content');
        out.wordCount += countWords(texts[texts.length - 1] ?? '');
        break;
      }
      case 'file': {
        const segment = valueSegment(file.lines, node.fileSpan[0], base, baseOffset);
        add({ node, role: 'body' }, segment, [embed(node, node.file + (node.subpath ?? ''), node.fileSpan, node.file)], 'canvas-card-content');
        break;
      }
      case 'link': {
        const segment = valueSegment(file.lines, node.urlSpan[0], base, baseOffset);
        const position = { start: { line: base, column: 1, offset: baseOffset }, end: { line: base, column: 2, offset: baseOffset + 1 } };
        baseOffset += 2;
        const link: Link = { type: 'link', url: node.url, children: [{ type: 'text', value: node.url }], position };
        add({ node, role: 'body' }, segment, [{ type: 'paragraph', children: [link], position }], 'canvas-card-content');
        break;
      }
      case 'group': {
        if (node.label) texts.push(node.label);
        if (!node.background || !node.backgroundSpan) break;
        if (!imageExt.test(node.background)) {
          const where = file.lines.pointAt(node.backgroundSpan[0]);
          diagnostics.push({
            file: file.path,
            ...where,
            ruleId: ruleIds.invalidCanvas,
            severity: 'warning',
            reason: `The background of group \`${node.id}\` is not an image; it is not drawn`,
          });
          break;
        }
        const segment = valueSegment(file.lines, node.backgroundSpan[0], base, baseOffset);
        add({ node, role: 'background' }, segment, [embed(node, node.background, node.backgroundSpan, node.background)], 'canvas-group-background');
        break;
      }
    }
  }
  for (const edge of canvas.edges) if (edge.label) texts.push(edge.label);
  out.text = texts.join('\n\n');
  out.tags = [...tags];
  return out;
}

/**
 * One text card: parsed as a note would be, its positions moved into its virtual lines and its
 * links renumbered after the canvas's links so far (their positions mapped to the file).
 */
function textCard(
  text: string,
  segment: Segment,
  file: { path: NotePath; id: NoteId; hash: string },
  links: LinkRef[],
  diagnostics: Diagnostic[],
  texts: string[],
  tags: Set<string>,
): RootContent[] {
  const deep = findDeepNesting(text, maxNesting);
  if (deep) {
    diagnostics.push({
      file: file.path,
      ...segment.pointOf(deep.line, deep.column),
      ruleId: ruleIds.noteTooDeep,
      severity: 'error',
      reason: `Quotes and lists are nested ${deep.depth} deep in this card, past the limit of ${maxNesting}; the card is shown as plain text`,
    });
    texts.push(text.slice(0, 10_000));
    return [{ type: 'code', value: text }];
  }
  const { note, tree } = parseNote(file, text);
  const first = links.length;
  for (const ref of note.links) {
    const [start, end] = ref.range;
    links.push({ ...ref, position: segment.pointOf(ref.position.line, ref.position.column), range: [segment.offsetOf(start), segment.offsetOf(end)] });
  }
  for (const d of note.diagnostics) diagnostics.push({ ...d, ...segment.pointOf(d.line, d.column) });
  for (const t of note.tags) tags.add(t);
  texts.push(note.text);
  visit(tree, (n) => {
    if (n.data?.linkIndex !== undefined) n.data.linkIndex += first;
    const p = n.position;
    if (!p) return;
    p.start = { line: p.start.line + segment.base - 1, column: p.start.column, offset: (p.start.offset ?? 0) + segment.baseOffset };
    p.end = { line: p.end.line + segment.base - 1, column: p.end.column, offset: (p.end.offset ?? 0) + segment.baseOffset };
  });
  return tree.children;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
