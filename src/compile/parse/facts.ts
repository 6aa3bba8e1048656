/**
 * Facts of a transformed tree: headings (and their HTML ids), links with
 * source positions and the paragraph around them, plain text and word count.
 */
import type { Heading as MdHeading, Image, Link, Nodes, Parent, Root } from 'mdast';
import { headingId } from '../../shared/ids.ts';
import type { Heading, LinkContext, LinkRef } from '../../shared/types.ts';
import { parseSize, splitLocalUrl, splitMarkdownUrl, splitTarget } from '../../shared/links/link-ref.ts';
import { toPlainText } from './plain-text.ts';
import type { WikiLink } from './wiki-link.ts';

const contextTypes = new Set(['paragraph', 'heading', 'tableRow']);
const maxContext = 400;

/** A link as the parser reads it: the link and the text around it, which the build keeps apart (src/store). */
export type ContextLink = LinkRef & { context: string; highlight?: [number, number] };

/** A note's links and their contexts, numbered alike. */
export function splitContexts(found: readonly ContextLink[]): { links: LinkRef[]; contexts: LinkContext[] } {
  const links: LinkRef[] = [];
  const contexts: LinkContext[] = [];
  for (const { context, highlight, ...link } of found) {
    links.push(link);
    contexts.push(highlight ? { text: context, highlight } : { text: context });
  }
  return { links, contexts };
}

/** What facts extraction returns. */
export interface TreeFacts {
  headings: Heading[];
  links: ContextLink[];
  text: string;
  wordCount: number;
}

/**
 * Extract facts of the note at `path`; sets `data.hProperties.id` on headings and
 * `data.linkIndex` on link nodes.
 */
export function extractFacts(tree: Root, path: string): TreeFacts {
  const headings = collectHeadings(tree);
  const links: ContextLink[] = [];
  collectLinks(tree, links, path.split('/').length - 1);
  const text = toPlainText(tree);
  return { headings, links, text, wordCount: countWords(text) };
}

function collectHeadings(tree: Root): Heading[] {
  const used = new Map<string, number>();
  const out: Heading[] = [];
  const walk = (p: Parent) => {
    for (const n of p.children as Nodes[]) {
      if (n.type === 'heading') add(n);
      else if ('children' in n) walk(n);
    }
  };
  const add = (n: MdHeading) => {
    const text = toPlainText(n, { bareMath: true }).trim();
    const base = headingId(text);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    const id = seen === 0 ? base : `${base}-${seen}`;
    const data = (n.data ??= {});
    data.hProperties = { ...(data.hProperties ?? {}), id };
    out.push({ depth: n.depth, text, id, line: n.position?.start.line ?? 0 });
  };
  walk(tree);
  return out;
}

type LinkNode = WikiLink | Link | Image;

function collectLinks(parent: Parent, links: ContextLink[], depth: number): void {
  for (const n of parent.children as Nodes[]) {
    if (contextTypes.has(n.type)) {
      const found: LinkNode[] = [];
      findLinks(n, found, depth);
      if (found.length > 0) addLinks(n, found, links);
    } else if ('children' in n) {
      collectLinks(n, links, depth);
    }
  }
}

function findLinks(n: Nodes, found: LinkNode[], depth: number): void {
  if (n.type === 'wikiLink') found.push(n);
  else if (n.type === 'link' && inGarden(splitMarkdownUrl(n.url), depth)) found.push(n);
  else if (n.type === 'image' && inGarden(splitLocalUrl(n.url), depth)) found.push(n);
  if ('children' in n) for (const c of n.children) findLinks(c as Nodes, found, depth);
}

/**
 * Whether a Markdown URL names something in the garden: a relative path that climbs out of it
 * (`../../images/a.png` from a note one folder deep) is an address on the published site, kept
 * as written and not checked.
 */
function inGarden(parts: { target: string } | undefined, depth: number): boolean {
  if (!parts) return false;
  let level = parts.target.startsWith('/') ? 0 : depth;
  for (const segment of parts.target.split('/')) {
    if (segment === '..') level--;
    else if (segment !== '.' && segment !== '') level++;
    if (level < 0) return false;
  }
  return true;
}

function addLinks(block: Nodes, found: LinkNode[], links: ContextLink[]): void {
  const marks = new Map<Nodes, [number, number]>();
  const full = toPlainText(block, { track: new Set(found), marks }).trimEnd();
  for (const node of found) {
    const { context, highlight } = clip(full, marks.get(node));
    const position = { line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 };
    const range: [number, number] = [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
    const index = links.length;
    if (node.type === 'wikiLink') {
      const parts = splitTarget(node.value);
      const size = node.data.embed ? parseSize(node.data.alias) : undefined;
      links.push({
        ...parts,
        ...(node.data.alias && !size ? { alias: node.data.alias } : {}),
        ...(size ?? {}),
        kind: node.data.embed ? 'embed' : 'link',
        syntax: 'wiki',
        position,
        range,
        context,
        ...(highlight ? { highlight } : {}),
      });
      node.data.linkIndex = index;
    } else if (node.type === 'image') {
      // A Markdown image with a local URL embeds what it names, as `![[…]]` does: a file, or a note.
      const { alt, size } = altAndSize(node.alt ?? '');
      const parts = splitLocalUrl(node.url)!;
      links.push({
        ...parts,
        ...(alt ? { alias: alt } : {}),
        ...(size ?? {}),
        kind: 'embed',
        syntax: 'markdown',
        position,
        range,
        context,
        ...(highlight ? { highlight } : {}),
      });
      (node.data ??= {}).linkIndex = index;
    } else {
      const parts = splitMarkdownUrl(node.url)!;
      links.push({ ...parts, kind: 'link', syntax: 'markdown', position, range, context, ...(highlight ? { highlight } : {}) });
      (node.data ??= {}).linkIndex = index;
    }
  }
}

/**
 * Obsidian's image sizes in a Markdown image's alt text: `![250](img.png)` sets the width,
 * `![alt|250x100](img.png)` the alt text, width and height.
 */
export function altAndSize(written: string): { alt: string; size?: { width?: number; height?: number } } {
  const bar = written.lastIndexOf('|');
  const size = parseSize(bar < 0 ? written : written.slice(bar + 1));
  if (!size) return { alt: written };
  return { alt: bar < 0 ? '' : written.slice(0, bar), size };
}

/** Cut long context to a window around the link, keeping the highlight range valid. */
function clip(full: string, range: [number, number] | undefined): { context: string; highlight?: [number, number] } {
  if (full.length <= maxContext || !range) {
    return range ? { context: full, highlight: range } : { context: full.slice(0, maxContext) };
  }
  const start = Math.max(0, Math.min(range[0] - 150, full.length - maxContext));
  const end = Math.min(full.length, start + maxContext);
  const prefix = start > 0 ? '…' : '';
  const context = prefix + full.slice(start, end) + (end < full.length ? '…' : '');
  return { context, highlight: [range[0] - start + prefix.length, Math.min(range[1], end) - start + prefix.length] };
}

function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

declare module 'mdast' {
  interface Data {
    linkIndex?: number;
  }
}
