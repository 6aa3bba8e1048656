/**
 * Wiki-links in frontmatter values (`up: "[[b]]"`, `categories: ["[[People]]"]`), which Obsidian
 * counts as links in its graph and backlinks: every string value (list items included) that holds
 * `[[…]]` is parsed as Markdown, and each wiki-link becomes a link of syntax `property`, placed at
 * its value, with a context that names the property (`up: b`) for backlinks.
 */
import type { Nodes, Root, Yaml } from 'mdast';
import { visit } from 'unist-util-visit';
import { type Document, isPair, isScalar, LineCounter, parseDocument, type Scalar, visit as visitYaml } from 'yaml';
import { splitTarget } from '../../shared/links/link-ref.ts';
import type { LinkRef } from '../../shared/types.ts';
import type { ContextLink } from './facts.ts';
import { toPlainText } from './plain-text.ts';
import { parseMarkdown } from './processor.ts';
import { normalizeWikiLinks } from './transforms/normalize-wiki-links.ts';
import type { WikiLink } from './wiki-link.ts';

/** The links of a note's frontmatter node; `source` is the note's text (for offsets). Invalid YAML has none. */
export function collectFrontmatterLinks(node: Yaml | undefined, source: string): ContextLink[] {
  if (!node?.position || !node.value.includes('[[')) return [];
  const lines = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter: lines });
  if (doc.errors.length > 0) return [];
  const valueStart = source.indexOf(node.value, node.position.start.offset ?? 0);
  const valueLine = node.position.start.line + 1;
  const links: ContextLink[] = [];
  visitLinkScalars(doc, (scalar, range, property) => {
    const { line, col } = lines.linePos(range[0]);
    const position = { line: valueLine + line - 1, column: col };
    links.push(...linksOfValue(scalar.value, property, position, [valueStart + range[0], valueStart + range[1]]));
  });
  return links;
}

/**
 * Call `each` for every string value of `doc` that may hold wiki-links, in document order: the
 * values whose links {@link collectFrontmatterLinks} reads, in its order. `range` is the scalar's
 * place in the YAML text; `property` the key of the pair it is in.
 */
export function visitLinkScalars(doc: Document, each: (scalar: Scalar<string>, range: [number, number], property: string) => void): void {
  visitYaml(doc, {
    Scalar(key, scalar, path) {
      if (key === 'key' || typeof scalar.value !== 'string' || !scalar.value.includes('[[') || !scalar.range) return;
      const pair = [...path].reverse().find(isPair);
      const property = pair && isScalar(pair.key) ? String(pair.key.value) : '';
      each(scalar as Scalar<string>, [scalar.range[0], scalar.range[1]], property);
    },
  });
}

/** The wiki-links of one frontmatter string, in order, read as Markdown (so `` `[[x]]` `` is no link), and the tree they are in. */
export function valueWikiLinks(value: string): { tree: Root; links: WikiLink[] } {
  const tree = parseMarkdown(value);
  normalizeWikiLinks(tree);
  const links: WikiLink[] = [];
  visit(tree, 'wikiLink', (n) => void links.push(n));
  return { tree, links };
}

function linksOfValue(value: string, property: string, position: LinkRef['position'], range: [number, number]): ContextLink[] {
  const { tree, links: found } = valueWikiLinks(value);
  if (found.length === 0) return [];
  const marks = new Map<Nodes, [number, number]>();
  const text = toPlainText(tree, { track: new Set<Nodes>(found), marks }).trim();
  const prefix = property ? `${property}: ` : '';
  return found.map((n) => {
    const mark = marks.get(n);
    return {
      ...splitTarget(n.value),
      ...(n.data.alias ? { alias: n.data.alias } : {}),
      kind: 'link',
      syntax: 'property',
      position,
      range,
      context: prefix + text,
      ...(mark ? { highlight: [mark[0] + prefix.length, mark[1] + prefix.length] as [number, number] } : {}),
    };
  });
}
