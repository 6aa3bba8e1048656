/**
 * Obsidian shows math between `$$` as a display equation wherever it is
 * written: `Text $$x$$ more` shows `Text`, then `x` centred on a line of its
 * own, then `more`. A `$$…$$` that is a whole block is already display math
 * (math-flow.ts); this marks the ones written inside a paragraph, which the
 * parser reads as inline math, so that KaTeX renders them in display mode.
 */
import type { Root } from 'mdast';
import { walkTree } from '../../walk-tree.ts';
import { isInlineMath, type InlineMath } from './is-inline-math.ts';

/** Mark inline math written with `$$` (or a longer run) as display math, in place; `source` is the note's text. */
export function markDisplayMath(tree: Root, source: string): void {
  walkTree<InlineMath, Root>(tree, isInlineMath, (node) => {
    const start = node.position?.start.offset;
    if (start === undefined || !source.startsWith('$$', start)) return;
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: ['language-math', 'math-display'] } };
  });
}
