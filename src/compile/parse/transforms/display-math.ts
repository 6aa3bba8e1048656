/**
 * Obsidian shows math between `$$` as a display equation wherever it is
 * written: `Text $$x$$ more` shows `Text`, then `x` centred on a line of its
 * own, then `more`. A `$$…$$` that is a whole block is already display math
 * (math-flow.ts); this marks the ones written inside a paragraph, which the
 * parser reads as inline math, so that KaTeX renders them in display mode.
 */
import type { PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** remark-math's inline node (registered in mdast's content maps by remark-math). */
type InlineMath = Extract<PhrasingContent, { type: 'inlineMath' }>;

/** Mark inline math written with `$$` (or a longer run) as display math, in place; `source` is the note's text. */
export function markDisplayMath(tree: Root, source: string): void {
  visit(tree, 'inlineMath', (node: InlineMath) => {
    const start = node.position?.start.offset;
    if (start === undefined || !source.startsWith('$$', start)) return;
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: ['language-math', 'math-display'] } };
  });
}
