import type { PhrasingContent } from 'mdast';

/** remark-math's inline node (registered in mdast's content maps by remark-math). */
export type InlineMath = Extract<PhrasingContent, { type: 'inlineMath' }>;

/** Whether an mdast node is inline math (for walk-tree.ts). */
export function isInlineMath(node: { type: string }): node is InlineMath {
  return node.type === 'inlineMath';
}
