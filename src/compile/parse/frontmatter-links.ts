/**
 * Wiki-links in frontmatter values (`up: "[[b]]"`, `categories: ["[[People]]"]`), which Obsidian
 * counts as links in its graph and backlinks: every string value (list items included) that holds
 * `[[…]]` is parsed as Markdown, and each wiki-link becomes a link of syntax `property`, placed at
 * its value, with a context that names the property (`up: b`) for backlinks.
 */
import type { Yaml } from 'mdast';
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { isPair, isScalar, LineCounter, parseDocument, visit as visitYaml } from 'yaml';
import { splitTarget } from '../../shared/links/link-ref.ts';
import type { LinkRef } from '../../shared/types.ts';
import { toPlainText } from './plain-text.ts';
import { parseMarkdown } from './processor.ts';
import { normalizeWikiLinks } from './transforms/normalize-wiki-links.ts';

/** The links of a note's frontmatter node; `source` is the note's text (for offsets). Invalid YAML has none. */
export function collectFrontmatterLinks(node: Yaml | undefined, source: string): LinkRef[] {
  if (!node?.position || !node.value.includes('[[')) return [];
  const lines = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter: lines });
  if (doc.errors.length > 0) return [];
  const valueStart = source.indexOf(node.value, node.position.start.offset ?? 0);
  const valueLine = node.position.start.line + 1;
  const links: LinkRef[] = [];
  visitYaml(doc, {
    Scalar(key, scalar, path) {
      if (key === 'key' || typeof scalar.value !== 'string' || !scalar.value.includes('[[') || !scalar.range) return;
      const pair = [...path].reverse().find(isPair);
      const property = pair && isScalar(pair.key) ? String(pair.key.value) : '';
      const { line, col } = lines.linePos(scalar.range[0]);
      const position = { line: valueLine + line - 1, column: col };
      const range: [number, number] = [valueStart + scalar.range[0], valueStart + scalar.range[1]];
      links.push(...linksOfValue(scalar.value, property, position, range));
    },
  });
  return links;
}

function linksOfValue(value: string, property: string, position: LinkRef['position'], range: [number, number]): LinkRef[] {
  const tree = parseMarkdown(value);
  normalizeWikiLinks(tree);
  const found: Nodes[] = [];
  visit(tree, 'wikiLink', (n) => void found.push(n));
  if (found.length === 0) return [];
  const marks = new Map<Nodes, [number, number]>();
  const text = toPlainText(tree, new Set(found), marks).trim();
  const prefix = property ? `${property}: ` : '';
  return found.map((n) => {
    if (n.type !== 'wikiLink') throw new Error('Frontmatter links: expected wiki-links only');
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
