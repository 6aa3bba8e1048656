import type { Element } from 'hast';

/** Whether a hast node is an element (for walk-tree.ts). */
export function isElement(node: { type: string }): node is Element {
  return node.type === 'element';
}
