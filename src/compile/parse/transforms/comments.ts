/**
 * Obsidian comments: everything between a pair of `%%` markers is removed from
 * the tree, across inline and block boundaries, so links inside comments do
 * not count. Markers inside code are code, not comments.
 */
import type { Parent, Root, RootContent, Text } from 'mdast';

const marker = '%%';
/** Containers that must keep their shape even when a comment empties them. */
const structural = new Set(['tableCell', 'tableRow', 'table', 'listItem', 'list']);

/** Remove commented-out content in place. */
export function removeComments(tree: Root): void {
  const state = { inside: false };
  prune(tree, state);
}

function prune(parent: Parent, state: { inside: boolean }): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'text') {
      splitText(child, state, out);
    } else if ('children' in child && child.children.length > 0) {
      prune(child, state);
      if (child.children.length > 0 || structural.has(child.type)) out.push(child);
    } else if (!state.inside) {
      out.push(child);
    }
  }
  parent.children = out as Parent['children'];
}

function splitText(node: Text, state: { inside: boolean }, out: RootContent[]): void {
  if (!node.value.includes(marker)) {
    if (!state.inside) out.push(node);
    return;
  }
  const parts = node.value.split(marker);
  parts.forEach((part, i) => {
    if (i > 0) state.inside = !state.inside;
    if (!state.inside && part) out.push({ type: 'text', value: part, position: node.position });
  });
}
