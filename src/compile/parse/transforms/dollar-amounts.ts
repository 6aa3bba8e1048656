/**
 * Obsidian's rule for inline math, applied to what remark-math paired: a
 * single `$` opens math only when a non-space follows it, and closes it only
 * when a non-space precedes it and no digit follows. So `It costs $5 and $10.`
 * and `$9 & $15` stay text, as in Obsidian, where remark-math would make
 * math of `5 and ` and `9 & `. Such a pair is turned back into the text it was
 * written as. `$$…$$` written inline is display math (display-math.ts).
 */
import type { Parent, Root, Text } from 'mdast';
import { walkTree } from '../../walk-tree.ts';
import { isInlineMath, type InlineMath } from './is-inline-math.ts';

/** Turn inline math that Obsidian would not read as math back into the text it was written as, in place; `source` is the note's text. */
export function keepDollarAmounts(tree: Root, source: string): void {
  walkTree<InlineMath, Parent>(tree, isInlineMath, (node, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return undefined;
    const written = source.slice(start, end);
    // `$$…$$` written inline is display math, whatever its spacing.
    if (!written.startsWith('$') || written.startsWith('$$') || !written.endsWith('$')) return undefined;
    const inner = written.slice(1, -1);
    if (!/^\s|\s$/.test(inner) && !/^\d/.test(source.slice(end, end + 1))) return undefined;
    parent.children[index] = { type: 'text', value: written, position: node.position! } satisfies Text;
    // Go on after the merged text: the math after it may have to be text too (`$5 and $10 and $15 and $20`).
    return mergeTexts(parent, index) + 1;
  });
}

/** Merge the text at `index` with text neighbours, so later passes (tags, highlights, mentions) see one run; returns where the merged text now is. */
function mergeTexts(parent: Parent, index: number): number {
  let i = index;
  const kids = parent.children;
  if (i > 0 && kids[i - 1]!.type === 'text') {
    const prev = kids[i - 1] as Text;
    const cur = kids[i] as Text;
    prev.value += cur.value;
    if (prev.position && cur.position) prev.position = { start: prev.position.start, end: cur.position.end };
    kids.splice(i, 1);
    i--;
  }
  const cur = kids[i] as Text;
  const next = kids[i + 1];
  if (next?.type === 'text') {
    cur.value += next.value;
    if (cur.position && next.position) cur.position = { start: cur.position.start, end: next.position.end };
    kids.splice(i + 1, 1);
  }
  return i;
}
