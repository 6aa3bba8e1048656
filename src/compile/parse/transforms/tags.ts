/**
 * Inline `#tags` (and nested `#a/b`) in text become `tag` nodes. A tag starts
 * after whitespace or at the start of a text run, is made of letters, digits,
 * `_`, `-` and `/`, and is not only digits (so `#1` stays text), as in Obsidian.
 */
import type { Parent, PhrasingContent, Root } from 'mdast';

/** An inline tag. */
export interface Tag {
  type: 'tag';
  /** Tag without `#`. */
  value: string;
  data?: import('mdast').Data;
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    tag: Tag;
  }
  interface RootContentMap {
    tag: Tag;
  }
}

const tagPattern = /(^|[\s(])#([\p{L}\p{N}_\-/]+)/gu;
// Tags in headings count, as in Obsidian (`## Tasks #todo`); link text does not.
const skip = new Set(['link', 'linkReference', 'wikiLink']);

/** Replace inline tags by tag nodes in place and return the tags found. */
export function extractInlineTags(tree: Root): string[] {
  const found: string[] = [];
  walk(tree, found);
  return found;
}

function walk(parent: Parent, found: string[]): void {
  const out: PhrasingContent[] = [];
  let changed = false;
  for (const child of parent.children) {
    if (child.type === 'text' && child.value.includes('#')) {
      const pieces = splitTags(child.value, found);
      if (pieces) {
        for (const p of pieces) out.push(typeof p === 'string' ? { type: 'text', value: p, position: child.position } : p);
        changed = true;
        continue;
      }
    } else if ('children' in child && !skip.has(child.type)) {
      walk(child, found);
    }
    out.push(child as PhrasingContent);
  }
  if (changed) parent.children = out as Parent['children'];
}

function splitTags(text: string, found: string[]): (string | Tag)[] | undefined {
  const out: (string | Tag)[] = [];
  let last = 0;
  for (const m of text.matchAll(tagPattern)) {
    const value = m[2]!.replace(/\/+$/, '');
    if (!value || /^[\d/]+$/.test(value)) continue;
    const start = m.index! + m[1]!.length;
    if (start > last) out.push(text.slice(last, start));
    out.push({
      type: 'tag',
      value,
      data: { hName: 'a', hProperties: { className: ['tag'], 'data-tag': value }, hChildren: [{ type: 'text', value: '#' + value }] },
    });
    found.push(value);
    last = start + 1 + m[2]!.length;
  }
  if (out.length === 0) return undefined;
  if (last < text.length) out.push(text.slice(last));
  return out;
}
