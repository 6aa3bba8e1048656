import { describe, expect, it } from 'vitest';
import type { Heading } from '../types.ts';
import { renderToc } from './render-toc.ts';

const h = (depth: number, text: string, id = text.toLowerCase().replace(/ /g, '-')): Heading => ({ depth, text, id, line: 1 });

describe('renderToc', () => {
  it('nests headings by level', () => {
    const html = renderToc([h(2, 'A'), h(3, 'A one'), h(3, 'A two'), h(2, 'B')]);
    expect(html).toContain(
      '<ul><li><a href="#a">A</a><ul><li><a href="#a-one">A one</a></li><li><a href="#a-two">A two</a></li></ul></li><li><a href="#b">B</a></li></ul>',
    );
    expect(html).toMatch(/^<nav class="toc" aria-labelledby="trellis-toc-title">/);
  });

  it('never skips a level and closes every list when it climbs back out', () => {
    const html = renderToc([h(2, 'A'), h(4, 'Deep'), h(2, 'B')]);
    expect(html).toContain('<ul><li><a href="#a">A</a><ul><li><a href="#deep">Deep</a></li></ul></li><li><a href="#b">B</a></li></ul>');
  });

  it('starts from the shallowest heading and skips h1 and h5+', () => {
    const html = renderToc([h(1, 'Title'), h(3, 'X'), h(3, 'Y'), h(5, 'Tiny')]);
    expect(html).toContain('<ul><li><a href="#x">X</a></li><li><a href="#y">Y</a></li></ul>');
    expect(html).not.toContain('Title');
    expect(html).not.toContain('Tiny');
  });

  it('is empty for fewer than two headings', () => {
    expect(renderToc([])).toBe('');
    expect(renderToc([h(2, 'Only')])).toBe('');
  });

  it('escapes heading text and ids', () => {
    expect(renderToc([h(2, '<script>', 'a"b'), h(2, 'B')])).toContain('<a href="#a&quot;b">&lt;script&gt;</a>');
  });
});
