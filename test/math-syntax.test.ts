/**
 * Math as Obsidian reads it (src/compile/parse/math-flow.ts, math-text.ts,
 * transforms/display-math.ts), as facts of the parsed tree: which text is a
 * display block, which is display math inside a paragraph, which is inline
 * math and which stays text. test/fixtures/render/obsidian-math shows the same
 * rules rendered by KaTeX.
 */
import type { Node, Parent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/compile/parse/index.ts';
import type { NoteId, NotePath } from '../src/shared/types.ts';

type Shape = string | { [kind: string]: Shape | Shape[] };

/** The tree's blocks, with math as `{math}` (a block), `{display}` or `{inline}` (in a paragraph), and text as strings. */
function shape(text: string): Shape[] {
  const { tree } = parseNote({ path: 'n.md' as NotePath, id: 'n' as NoteId, hash: '' }, text);
  return tree.children.map(toShape);
}

function toShape(node: Node): Shape {
  if (node.type === 'text') return (node as unknown as { value: string }).value;
  if (node.type === 'math') return { math: (node as unknown as { value: string }).value };
  if (node.type === 'inlineMath') {
    const { value, data } = node as unknown as { value: string; data: { hProperties: { className: string[] } } };
    return { [data.hProperties.className.includes('math-display') ? 'display' : 'inline']: value };
  }
  return { [node.type]: (node as Parent).children.map(toShape) };
}

describe('display math blocks', () => {
  it('take TeX on the opening line and end at a $$ that ends a line', () => {
    expect(shape('$$a = b\nc = d$$\n\nText $x$.')).toEqual([{ math: 'a = b\nc = d' }, { paragraph: ['Text ', { inline: 'x' }, '.'] }]);
  });
  it('are one line when $$…$$ is the whole line', () => {
    expect(shape('$$E = mc^2$$\n$$\nx\n$$')).toEqual([{ math: 'E = mc^2' }, { math: 'x' }]);
  });
  it('keep lines that look like Markdown blocks, and blank lines, as TeX', () => {
    expect(shape('$$\n- x\n# y\n\n    z\n$$')).toEqual([{ math: '- x\n# y\n\n    z' }]);
  });
  it('keep single dollars and backslash pairs inside as TeX', () => {
    expect(shape('$$\n\\text{for } \\$1 \\text{ when $x > 0$} \\$$\n$$')).toEqual([{ math: '\\text{for } \\$1 \\text{ when $x > 0$} \\$$' }]);
  });
  it('run to the end of their container when a bare $$ is never closed', () => {
    expect(shape('$$\nunclosed\n\nmore')).toEqual([{ math: 'unclosed\n\nmore' }]);
    expect(shape('> $$\n> a\nlazy')).toEqual([{ blockquote: [{ math: 'a' }] }, { paragraph: ['lazy'] }]);
  });
  it('live in quotes and list items', () => {
    expect(shape('> $$a^2\n> + b^2$$\n\n- $$\n  x\n  $$')).toEqual([{ blockquote: [{ math: 'a^2\n+ b^2' }] }, { list: [{ listItem: [{ math: 'x' }] }] }]);
  });
  it('interrupt a paragraph only when the $$ line is bare or a whole formula', () => {
    expect(shape('Text\n$$\na\n$$')).toEqual([{ paragraph: ['Text'] }, { math: 'a' }]);
    expect(shape('Text\n$$a$$')).toEqual([{ paragraph: ['Text'] }, { math: 'a' }]);
    expect(shape('Text\n$$a\nb$$\nmore')).toEqual([{ paragraph: ['Text\n', { display: 'a\nb' }, '\nmore'] }]);
  });
});

describe('display math inside a paragraph', () => {
  it('is $$…$$ anywhere in a line, also across the lines of the paragraph', () => {
    expect(shape('A $$\\sum_i i$$ and $y$.')).toEqual([{ paragraph: ['A ', { display: '\\sum_i i' }, ' and ', { inline: 'y' }, '.'] }]);
    expect(shape('$$x$$ tail')).toEqual([{ paragraph: [{ display: 'x' }, ' tail'] }]);
    expect(shape('$$a\nb$$ tail')).toEqual([{ paragraph: [{ display: 'a\nb' }, ' tail'] }]);
  });
  it('is text when no $$ closes it', () => {
    expect(shape('$$5 for the lot.\n\nI paid $$5 too.')).toEqual([{ paragraph: ['$$5 for the lot.'] }, { paragraph: ['I paid $$5 too.'] }]);
  });
});

describe('backslashes inside math', () => {
  it('keep \\$ inside the formula and the rest of the line as text', () => {
    expect(shape('A price in math: $\\text{\\$f0}$ and more text.')).toEqual([
      { paragraph: ['A price in math: ', { inline: '\\text{\\$f0}' }, ' and more text.'] },
    ]);
    expect(shape('$\\$1 + \\$2$ then $w$')).toEqual([{ paragraph: [{ inline: '\\$1 + \\$2' }, ' then ', { inline: 'w' }] }]);
  });
  it('pair up, so \\\\ before a $ still closes the formula', () => {
    expect(shape('$a \\\\$ b')).toEqual([{ paragraph: [{ inline: 'a \\\\' }, ' b'] }]);
  });
  it('escape dollars outside math as before', () => {
    expect(shape('\\$5 and \\$10, $$\\text{\\$5}$$.')).toEqual([{ paragraph: ['$5 and $10, ', { display: '\\text{\\$5}' }, '.'] }]);
  });
});
