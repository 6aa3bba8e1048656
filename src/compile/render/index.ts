/**
 * Render stage: a parsed note's tree to HTML, split into top-level blocks
 * with their source lines, so the assembler can transclude a heading's
 * section or a block without rendering the note again.
 *
 * 1. mdast -> hast with handlers for wiki-links/embeds, tags, mermaid, local links; links,
 *    embeds and ```` ```base ```` blocks become placeholders (markers.ts) that the assemble stage
 *    fills once links are resolved.
 * 2. Raw HTML (when the note has some) parsed; every URL checked against the
 *    allow-list (refuse-unsafe-urls.ts); the tree sanitised (sanitize-schema.ts).
 * 3. Math with KaTeX (math.ts), code with Shiki (skipped for very large notes).
 * 4. One HTML string per top-level block.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Code, Image, Link, Paragraph, Root } from 'mdast';
import { defaultHandlers, toHast, type State } from 'mdast-util-to-hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import { VFile } from 'vfile';
import { tagSlug } from '../../shared/ids.ts';
import type { Tag } from '../parse/transforms/tags.ts';
import { altAndSize } from '../parse/facts.ts';
import type { ParsedNote } from '../../shared/types.ts';
import type { RenderContext } from './context.ts';
import { embedPlaceholder, linkPlaceholder, wikiLinkHandler } from './handlers/wiki-link.ts';
import { isBlockEmbed, marker } from './markers.ts';
import { basePlaceholder } from '../../bases/base-placeholder.ts';
import { renderMath } from './math.ts';
import { codeTheme, tokenClasses, tokenizeTimeLimit, type Highlighter } from './highlight-options.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { collectIds, prefixUserIds } from './prefix-user-ids.ts';
import { refuseUnsafeUrls } from './refuse-unsafe-urls.ts';
import type { RenderedBlock, RenderedNote } from '../types.ts';

/** Render a note's transformed tree. `highlight` is false for very large notes. */
export function renderNote(tree: Root, note: ParsedNote, ctx: RenderContext, highlight = true): RenderedNote {
  let hasRaw = false;
  // Whether the tree may hold a code block for Shiki: one from Markdown, or one raw HTML may hold.
  let hasCode = false;
  const hast = toHast(tree, {
    allowDangerousHtml: true,
    handlers: {
      wikiLink: wikiLinkHandler(ctx.nonce, note.links),
      tag: (_s: State, node: Tag): Element => ({
        type: 'element',
        tagName: 'a',
        properties: { className: ['tag'], href: tagSlug(node.value), dataTag: node.value },
        children: [{ type: 'text', value: '#' + node.value }],
      }),
      code: (state: State, node: Code) => {
        if (node.data?.baseIndex !== undefined) return basePlaceholder(state, node, ctx.nonce);
        if (node.lang === 'mermaid') return mermaid(node);
        hasCode = true;
        return defaultHandlers.code(state, node);
      },
      paragraph: (state: State, node: Paragraph) => paragraphAroundEmbeds(state, node, ctx.nonce),
      link: (state: State, node: Link) => localLink(ctx, note, state, node),
      image: (state: State, node: Image) => image(ctx, note, state, node),
      html: (state: State, node) => {
        hasRaw = true;
        return defaultHandlers.html(state, node) ?? [];
      },
    },
  }) as HastRoot;

  let root = hast;
  const file = new VFile();
  if (hasRaw) {
    const ownIds = collectIds(root);
    root = rehypeRaw()(root, file) as HastRoot;
    prefixUserIds(root, ownIds);
  }
  refuseUnsafeUrls(root, note.path, note.diagnostics);
  // Every note, raw HTML or not: rehype-sanitize returns a new, clean tree; the one passed in is left as it was.
  root = rehypeSanitize(sanitizeSchema)(root) as HastRoot;
  renderMath(root, note.path, note.diagnostics, ctx.math);
  if (highlight && ctx.highlighter && (hasCode || hasRaw)) {
    // A highlighted block replaces its element, without its position: the block keeps the element's
    // source lines (a section or block embed of the note finds it by them: src/assemble/assemble.ts).
    const positions = root.children.map((child) => child.position);
    // Only what rendering asks of it (lazy-highlighter.ts): no lazy loading, no inline code.
    rehypeShikiFromHighlighter(ctx.highlighter as Highlighter, {
      theme: codeTheme,
      fallbackLanguage: 'text',
      addLanguageClass: true,
      transformers: [tokenClasses],
      tokenizeTimeLimit,
      ...(ctx.memo ? { cache: ctx.memo } : {}),
    })(root, file, () => {});
    root.children.forEach((child, i) => {
      if (!child.position && positions[i]) child.position = positions[i];
    });
  }

  const blocks: RenderedBlock[] = [];
  for (const child of root.children) {
    if (child.type === 'text' && !child.value.trim()) continue;
    // The only raw nodes left are KaTeX's (math.ts): the tree was sanitised above.
    const html = toHtml(child as RootContent, { allowDangerousHtml: true });
    const start = child.position?.start.line ?? Number.MAX_SAFE_INTEGER;
    const end = child.position?.end.line ?? Number.MAX_SAFE_INTEGER;
    blocks.push({ start, end, html });
  }
  return { blocks, nonce: ctx.nonce, embeds: blockEmbeds(note) };
}

/** Link indexes of `note`'s block embeds. */
export function blockEmbeds(note: ParsedNote): number[] {
  return note.links.flatMap((l, i) => (isBlockEmbed(l) ? [i] : []));
}

/**
 * A transcluded note is a block (`<div class="transclusion">`), which may not
 * sit inside `<p>`: a paragraph holding note embeds is split around them, and
 * text-less pieces are dropped.
 */
function paragraphAroundEmbeds(state: State, node: Paragraph, nonce: string): ElementContent | ElementContent[] {
  const children = state.all(node);
  const prefix = marker('embed', nonce, 0).slice(0, -1);
  const isEmbed = (c: ElementContent) => c.type === 'comment' && c.value.startsWith(prefix);
  if (!children.some(isEmbed)) return defaultHandlers.paragraph(state, node);
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.some((c) => c.type !== 'text' || c.value.trim() !== '')) {
      const p: Element = { type: 'element', tagName: 'p', properties: {}, children: run };
      state.patch(node, p);
      out.push(p);
    }
    run = [];
  };
  for (const c of children) {
    if (isEmbed(c)) {
      flush();
      state.patch(node, c);
      out.push(c);
    } else {
      run.push(c);
    }
  }
  flush();
  return out;
}

function mermaid(node: Code): Element {
  return { type: 'element', tagName: 'pre', properties: { className: ['mermaid'] }, children: [{ type: 'text', value: node.value }] };
}

function localLink(ctx: RenderContext, note: ParsedNote, state: State, node: Link): ElementContent | ElementContent[] {
  const index = node.data?.linkIndex;
  if (index === undefined || !note.links[index]) return defaultHandlers.link(state, node);
  return linkPlaceholder(ctx.nonce, index, state.all(node));
}

/**
 * A Markdown image. One with a local URL is an embed (facts.ts): of a note (`![](Note.md)`) it is
 * an embed placeholder; of a file, the image as written after a `media` placeholder, whose `src`
 * the assemble stage points at the attachment the URL resolves to.
 */
function image(ctx: RenderContext, note: ParsedNote, state: State, node: Image): ElementContent | ElementContent[] {
  const index = node.data?.linkIndex;
  const ref = index === undefined ? undefined : note.links[index];
  if (ref && /\.md$/i.test(ref.target)) return embedPlaceholder(ctx.nonce, ref, index!);
  const { alt, size } = altAndSize(node.alt ?? '');
  const element: Element = {
    type: 'element',
    tagName: 'img',
    properties: { src: node.url, alt, loading: 'lazy', ...(size ?? {}), ...(node.title ? { title: node.title } : {}) },
    children: [],
  };
  state.patch(node, element);
  if (index === undefined) return element;
  return [{ type: 'comment', value: marker('media', ctx.nonce, index) }, element];
}
