/**
 * Math rendered at build time with KaTeX: the elements remark-math leaves
 * (`code.math-inline`, `pre > code.math-display`, and ` ```math ` blocks)
 * are replaced by KaTeX's HTML, kept as a `raw` node so it is written out as
 * KaTeX produced it rather than parsed back into a tree (rehype-katex does
 * that with parse5, which is about half of the cost of math).
 *
 * This runs after sanitising, so the only raw nodes left in the tree are
 * the ones made here. A formula KaTeX cannot parse is shown in KaTeX's error
 * style and reported with its position.
 */
import type { Element, ElementContent, Root } from 'hast';
import { skipChildren, walkTree } from '../walk-tree.ts';
import { isElement } from './is-element.ts';
import { ruleIds } from '../../constants.ts';
import type { Diagnostic } from '../../shared/types.ts';
import type { Typesetter } from './typesetter.ts';

/** Replace every math element of `root` by KaTeX's rendering (`typeset`, typesetter.ts); problems go to `diagnostics`. */
export function renderMath(root: Root, file: string, diagnostics: Diagnostic[], typeset: Typesetter): void {
  walkTree<Element, Root | Element>(root, isElement, (node, index, parent) => {
    const math = mathOf(node);
    if (!math) return undefined;
    parent.children[index] = { type: 'raw', value: typesetChecked(typeset, math.tex, math.display, node, file, diagnostics) };
    return skipChildren;
  });
}

/** The TeX source and mode of a math element, if `el` is one. */
function mathOf(el: Element): { tex: string; display: boolean } | undefined {
  const code = el.tagName === 'pre' && el.children.length === 1 && el.children[0]!.type === 'element' ? (el.children[0] as Element) : el;
  if (code.tagName !== 'code') return undefined;
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return undefined;
  const inline = classes.includes('math-inline');
  const display = classes.includes('math-display') || (code !== el && classes.includes('language-math'));
  if (!inline && !display) return undefined;
  return { tex: textOf(code.children), display: display && !inline };
}

function textOf(children: ElementContent[]): string {
  let text = '';
  for (const c of children) text += c.type === 'text' ? c.value : c.type === 'element' ? textOf(c.children) : '';
  return text;
}

function typesetChecked(typeset: Typesetter, tex: string, displayMode: boolean, el: Element, file: string, diagnostics: Diagnostic[]): string {
  try {
    return typeset(tex, displayMode, true);
  } catch (error) {
    const start = el.position?.start;
    const reason = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
    diagnostics.push({
      file,
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      ruleId: ruleIds.invalidMath,
      severity: 'warning',
      reason: `KaTeX cannot render this formula: ${reason}`,
    });
    try {
      return typeset(tex, displayMode, false);
    } catch {
      const escaped = tex.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
      return `<span class="katex-error" title="${escaped}">${escaped}</span>`;
    }
  }
}
