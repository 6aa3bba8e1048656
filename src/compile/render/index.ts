/**
 * Render stage: a parsed note's tree to HTML, split into top-level blocks
 * with their source lines, so the assembler can transclude a heading's
 * section or a block without rendering the note again.
 *
 * 1. mdast -> hast with handlers for wiki-links/embeds, tags, mermaid, local links.
 * 2. Raw HTML (when the note has some) parsed; every URL checked against the
 *    allow-list (refuse-unsafe-urls.ts); the tree sanitised (sanitize-schema.ts).
 * 3. Math with KaTeX (math.ts), code with Shiki (skipped for very large notes).
 * 4. One HTML string per top-level block; embeds left as placeholders.
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
import { resolveLink } from '../../shared/links/resolve-link.ts';
import { parseSize } from '../../shared/links/link-ref.ts';
import { resolveTarget } from '../../shared/links/resolve-target.ts';
import type { ParsedNote } from '../../shared/types.ts';
import { attachmentUrl, embedMarkerPrefix, type RenderContext } from './context.ts';
import { linkElement, wikiLinkHandler } from './handlers/wiki-link.ts';
import { renderMath } from './math.ts';
import { codeTheme, tokenClasses, tokenizeTimeLimit } from './highlighter.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import type { PackedBlocks, SpillRef } from '../../store/spill.ts';
import { setTrustedAside } from './trusted.ts';
import { collectIds, prefixUserIds } from './prefix-user-ids.ts';
import { refuseUnsafeUrls } from './refuse-unsafe-urls.ts';

/** One rendered top-level block and the source lines it spans. */
export interface RenderedBlock {
  start: number;
  end: number;
  html: string;
  /** Embed link indexes in this block; set on blocks read back from a spill file (spill.ts). */
  embeds?: number[];
}

/** A rendered note, before embeds are filled in. */
export interface RenderedNote {
  blocks: RenderedBlock[];
  nonce: string;
  /** Link indexes of note embeds left as placeholders. */
  embeds: number[];
  /** Set when the blocks' HTML was moved to a build's spill file (spill.ts). */
  spill?: SpillRef;
  /** Set when the blocks were packed for the spill file, by a parse worker (spill.ts); `blocks` is then empty. */
  packed?: PackedBlocks;
}

/** Render a note's transformed tree. `highlight` is false for very large notes. */
export function renderNote(tree: Root, note: ParsedNote, ctx: RenderContext, highlight = true): RenderedNote {
  let hasRaw = false;
  const hast = toHast(tree, {
    allowDangerousHtml: true,
    handlers: {
      wikiLink: wikiLinkHandler(ctx, note.id, note.links),
      tag: (_s: State, node: Tag): Element => ({
        type: 'element',
        tagName: 'a',
        properties: { className: ['tag'], href: tagSlug(node.value), dataTag: node.value },
        children: [{ type: 'text', value: '#' + node.value }],
      }),
      code: (state: State, node: Code) => (node.lang === 'mermaid' ? mermaid(node) : defaultHandlers.code(state, node)),
      paragraph: (state: State, node: Paragraph) => paragraphAroundEmbeds(state, node, ctx.nonce),
      link: (state: State, node: Link) => localLink(ctx, note, state, node),
      image: (state: State, node: Image) => localImage(ctx, note, state, node),
      html: (state: State, node) => {
        hasRaw = true;
        return defaultHandlers.html(state, node) ?? [];
      },
    },
  }) as HastRoot;

  let root = hast;
  const file = new VFile();
  const restoreTrusted = setTrustedAside(root, ctx.nonce);
  if (hasRaw) {
    const ownIds = collectIds(root);
    root = rehypeRaw()(root, file) as HastRoot;
    prefixUserIds(root, ownIds);
  }
  refuseUnsafeUrls(root, note.path, note.diagnostics);
  // Every note, raw HTML or not: rehype-sanitize returns a new, clean tree; the one passed in is left as it was.
  root = rehypeSanitize(sanitizeSchema)(root) as HastRoot;
  restoreTrusted(root);
  renderMath(root, note.path, note.diagnostics);
  if (highlight && ctx.highlighter) {
    rehypeShikiFromHighlighter(ctx.highlighter, {
      theme: codeTheme,
      fallbackLanguage: 'text',
      addLanguageClass: true,
      transformers: [tokenClasses],
      tokenizeTimeLimit,
    })(root, file, () => {});
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
  const embeds = note.links.flatMap((l, i) => (l.kind === 'embed' ? [i] : []));
  return { blocks, nonce: ctx.nonce, embeds };
}

/**
 * A transcluded note is a block (`<div class="transclusion">`), which may not
 * sit inside `<p>`: a paragraph holding note embeds is split around them, and
 * text-less pieces are dropped.
 */
function paragraphAroundEmbeds(state: State, node: Paragraph, nonce: string): ElementContent | ElementContent[] {
  const children = state.all(node);
  const prefix = embedMarkerPrefix(nonce);
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
  const ref = index === undefined ? undefined : note.links[index];
  if (!ref) return defaultHandlers.link(state, node);
  const { resolution } = resolveLink(ctx.index, note.id, ref);
  return linkElement(ctx, resolution, state.all(node), ref);
}

function localImage(ctx: RenderContext, note: ParsedNote, state: State, node: Image): ElementContent | ElementContent[] {
  const { alt, size } = altAndSize(node.alt ?? '');
  let src = node.url;
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(node.url)) {
    let path = node.url;
    try {
      path = decodeURIComponent(path);
    } catch {
      /* keep as written */
    }
    const t = resolveTarget(ctx.index, note.id, path);
    if (t.kind === 'attachment') src = attachmentUrl(t.path);
  }
  const element: Element = {
    type: 'element',
    tagName: 'img',
    properties: { src, alt, loading: 'lazy', ...(size ?? {}), ...(node.title ? { title: node.title } : {}) },
    children: [],
  };
  state.patch(node, element);
  return element;
}

/**
 * Obsidian's image sizes in a Markdown image's alt text: `![250](img.png)` sets the width,
 * `![alt|250x100](img.png)` the alt text, width and height.
 */
function altAndSize(written: string): { alt: string; size?: { width?: number; height?: number } } {
  const bar = written.lastIndexOf('|');
  const size = parseSize(bar < 0 ? written : written.slice(bar + 1));
  if (!size) return { alt: written };
  return { alt: bar < 0 ? '' : written.slice(0, bar), size };
}
