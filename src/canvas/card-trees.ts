/**
 * The Markdown of a canvas as syntax trees for the note renderer, one per
 * card, in the canvas's order. Text cards are parsed with the
 * note parser (wiki-links, tags, callouts, math...); file cards and group
 * backgrounds become `![[embeds]]` of their file, link cards Markdown links,
 * so every card goes through the same resolution, URL policy and sanitising
 * as a note. Links are numbered across the whole canvas, and their positions
 * mapped to the file (see segments.ts).
 */
import type { Link, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { maxNesting, ruleIds } from '../constants.ts';
import { findDeepNesting } from '../compile/nesting-depth.ts';
import { parseNote } from '../compile/parse/index.ts';
import type { WikiLink } from '../compile/parse/wiki-link.ts';
import { splitTarget } from '../shared/links/link-ref.ts';
import type { Diagnostic, LinkContext, LinkRef, NoteId, NotePath } from '../shared/types.ts';
import { stringSegment, valueSegment, type Segment } from './segments.ts';
import type { LineIndex } from './source-points.ts';
import type { Canvas, CanvasNode } from './types.ts';

/** What a card shows: the body of a text, file or link node, or the background image of a group. */
export interface CardRef {
  node: CanvasNode;
  role: 'body' | 'background';
}

/** One card's tree, with where its positions come from in the file. */
export interface CardTree {
  ref: CardRef;
  tree: Root;
  segment: Segment;
}

/** The canvas's cards, each a tree of its own, with what a note's facts would hold. */
export interface CardTrees {
  cards: CardTree[];
  links: LinkRef[];
  /** The text around each link, numbered as `links`. */
  contexts: LinkContext[];
  /** Plain text of the text cards and the labels, for search and mentions. */
  text: string;
  tags: string[];
  wordCount: number;
}

const imageExt = /\.(png|jpe?g|gif|webp|svg|avif|bmp)$/i;
/** The position of a node Trellis makes for a card: the card's line 1 (its value in the file, see valueSegment). */
const here = () => ({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } });

/**
 * Build the trees of `canvas` (the file `source` at `path`); diagnostics of the cards' Markdown go to
 * `diagnostics`. Each card is rendered on its own, so markup in one (a stray `</div>`) cannot reach another.
 */
export function buildCardTrees(
  canvas: Canvas,
  file: { path: NotePath; id: NoteId; hash: string; source: string; lines: LineIndex },
  diagnostics: Diagnostic[],
): CardTrees {
  const out: CardTrees = { cards: [], links: [], contexts: [], text: '', tags: [], wordCount: 0 };
  const texts: string[] = [];
  const tags = new Set<string>();
  const add = (node: CanvasNode, role: CardRef['role'], segment: Segment, children: RootContent[]) =>
    out.cards.push({ ref: { node, role }, tree: { type: 'root', children }, segment });
  const embed = (written: string, span: [number, number], context: string): WikiLink => {
    out.links.push({
      ...splitTarget(written),
      kind: 'embed',
      syntax: 'canvas',
      position: file.lines.pointAt(span[0]),
      range: span,
    });
    out.contexts.push({ text: context, highlight: [0, context.length] });
    return { type: 'wikiLink', value: written, data: { embed: true, linkIndex: out.links.length - 1 }, position: here() };
  };

  for (const node of canvas.nodes) {
    switch (node.type) {
      case 'text': {
        const segment = stringSegment(file.source, file.lines, node.span, node.text);
        const before = texts.length;
        add(node, 'body', segment, textCard(node.text, segment, file, out, diagnostics, texts, tags));
        out.wordCount += texts.slice(before).reduce((n, t) => n + countWords(t), 0);
        break;
      }
      case 'file':
        add(node, 'body', valueSegment(file.lines, node.fileSpan[0]), [embed(node.file + (node.subpath ?? ''), node.fileSpan, node.file)]);
        break;
      case 'link': {
        const link: Link = { type: 'link', url: node.url, children: [{ type: 'text', value: node.url }], position: here() };
        add(node, 'body', valueSegment(file.lines, node.urlSpan[0]), [{ type: 'paragraph', children: [link], position: here() }]);
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
        add(node, 'background', valueSegment(file.lines, node.backgroundSpan[0]), [embed(node.background, node.backgroundSpan, node.background)]);
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
 * One text card: parsed as a note would be, its links renumbered after the canvas's links so far
 * (their positions mapped to the file).
 */
function textCard(
  text: string,
  segment: Segment,
  file: { path: NotePath; id: NoteId; hash: string },
  out: Pick<CardTrees, 'links' | 'contexts'>,
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
  const { note, tree, text: plain, contexts } = parseNote(file, text);
  const first = out.links.length;
  out.contexts.push(...contexts);
  for (const ref of note.links) {
    const [start, end] = ref.range;
    out.links.push({ ...ref, position: segment.pointOf(ref.position.line, ref.position.column), range: [segment.offsetOf(start), segment.offsetOf(end)] });
  }
  for (const d of note.diagnostics) diagnostics.push({ ...d, ...segment.pointOf(d.line, d.column) });
  for (const t of note.tags) tags.add(t);
  texts.push(plain);
  visit(tree, (n) => {
    if (n.data?.linkIndex !== undefined) n.data.linkIndex += first;
  });
  return tree.children;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
