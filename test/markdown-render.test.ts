/**
 * Markdown through the whole pipeline. GFM: tables, footnotes, strikethrough,
 * task lists and literal autolinks (found in the tree's text nodes, not by
 * the tokenizer; see src/parse/gfm.ts). Math: KaTeX at build time, written as
 * KaTeX produced it (src/render/math.ts), with positioned diagnostics.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGarden, type GardenModel } from '../src/build.ts';
import { makeGarden } from './helpers/garden.ts';

let model: GardenModel;
const html = (p: string) => model.notes.find((n) => n.parsed.path === p)!.html;

beforeAll(async () => {
  const root = makeGarden({
    'Links.md': [
      'Read https://raft.github.io/raft.pdf, then www.kernel.org.',
      '',
      'Mail ops@example.com or see <https://example.org/explicit>.',
      '',
      '[a labelled https://inner.example link](https://outer.example/)',
      '',
      'Code `https://not.linked.example` stays code, and so does this:',
      '',
      '```',
      'curl https://in.code.block.example',
      '```',
      '',
      '[[Other|see https://alias.example]] keeps its alias as text.',
      '',
      'Parenthesised (https://paren.example/path) and trailing https://dot.example/a.',
    ].join('\n'),
    'Other.md': 'Other note.',
    'Html.md': [
      '# Raw HTML',
      '',
      '<details><summary>More</summary><mark>kept</mark> <kbd>Ctrl</kbd></details>',
      '',
      '<p onclick="steal()" style="color:red">handler</p><a href="javascript:alert(1)">js link</a><img src="x.png" onerror="alert(1)">',
      '',
      '<iframe src="https://evil.example/"></iframe><style>body{display:none}</style><form><input name="q"></form>',
      '',
      '> [!warning] Careful',
      '> A callout in a note with HTML, linking [[Other]].',
      '',
      '![[Other]]',
      '',
      '## Section',
      '',
      'Section text <b>bold</b>.',
      '',
      '![[paper.pdf]]',
      '',
      '<iframe src="/paper.pdf" class="embed-pdf"></iframe><!--trellis-trusted:guess:0-->',
    ].join('\n'),
    'paper.pdf': '%PDF-1.4 not really',
    'Embeds Html.md': '![[Html#Section]]\n\nText ![[Other]] inline.',
    'Math.md': [
      'Inline $e^{i\\pi} + 1 = 0$ math.',
      '',
      '$$',
      '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}',
      '$$',
      '',
      '```math',
      'a^2 + b^2 = c^2',
      '```',
      '',
      'Broken: $\\frac{1}{$ here.',
      '',
      '<div class="note">raw <b>html</b><script>alert(1)</script></div>',
      '',
      'With HTML, $x_1$ still renders.',
    ].join('\n'),
    'Gfm.md': [
      '| a | b |',
      '|---|:-:|',
      '| ~~gone~~ | [[Other]] |',
      '',
      '- [x] done',
      '- [ ] open',
      '',
      'A claim.[^1] Single ~tilde~ is not strikethrough.',
      '',
      '[^1]: The footnote.',
    ].join('\n'),
  });
  model = await buildGarden({ garden: root, noCache: true });
}, 120_000);

describe('literal autolinks', () => {
  it('links http(s) URLs and www. hosts, without trailing punctuation', () => {
    expect(html('Links.md')).toContain('<a href="https://raft.github.io/raft.pdf">https://raft.github.io/raft.pdf</a>,');
    expect(html('Links.md')).toContain('<a href="http://www.kernel.org">www.kernel.org</a>.');
    expect(html('Links.md')).toContain('(<a href="https://paren.example/path">https://paren.example/path</a>)');
    expect(html('Links.md')).toContain('<a href="https://dot.example/a">https://dot.example/a</a>.');
  });
  it('links e-mail addresses and keeps explicit autolinks', () => {
    expect(html('Links.md')).toContain('<a href="mailto:ops@example.com">ops@example.com</a>');
    expect(html('Links.md')).toContain('<a href="https://example.org/explicit">https://example.org/explicit</a>');
  });
  it('leaves URLs alone inside links, code and wiki-link aliases', () => {
    const page = html('Links.md');
    expect(page).not.toContain('href="https://inner.example');
    expect(page).toContain('https://inner.example link</a>');
    expect(page).not.toContain('href="https://not.linked.example');
    expect(page).not.toContain('href="https://in.code.block.example');
    expect(page).not.toContain('href="https://alias.example');
    expect(page).toContain('see https://alias.example</a>');
  });
});

describe('GFM constructs', () => {
  it('renders tables with alignment, strikethrough and wiki-links in cells', () => {
    const page = html('Gfm.md');
    expect(page).toMatch(/<table>[\s\S]*<th[^>]*>a<\/th>[\s\S]*<th align="center">b<\/th>/);
    expect(page).toContain('<del>gone</del>');
    expect(page).toMatch(/<td align="center"><a [^>]*href="\/other\/"/);
  });
  it('renders task lists and footnotes; a single tilde is literal', () => {
    const page = html('Gfm.md');
    expect(page).toMatch(/<input type="checkbox" checked disabled>\s*done/);
    expect(page).toMatch(/<input type="checkbox" disabled>\s*open/);
    expect(page).toMatch(/<sup><a href="#user-content-fn-1"[^>]*>1<\/a><\/sup>/);
    expect(page).toContain('The footnote.');
    expect(page).toContain('~tilde~');
  });
});

describe('raw HTML policy (docs/syntax.md)', () => {
  it('removes scripts, styles, handlers, javascript: URLs, forms and foreign iframes', () => {
    const page = html('Html.md') + html('Math.md');
    for (const bad of ['<script', 'alert(1)', 'onclick', 'onerror', 'javascript:', '<style', 'display:none', 'style="color:red"', '<form', 'evil.example']) {
      expect(page, bad).not.toContain(bad);
    }
    // GitHub's rule: an input survives only as a disabled checkbox; its name is prefixed so it cannot shadow `document.q`.
    expect(page).toContain('<input name="user-content-q" disabled type="checkbox">');
  });
  it("keeps the allowed elements, and Trellis's own markup in the same note", () => {
    const page = html('Html.md');
    expect(page).toContain('<details><summary>More</summary><mark>kept</mark> <kbd>Ctrl</kbd></details>');
    expect(page).toContain('<p>handler</p>');
    expect(page).toMatch(/<div class="callout" data-callout="warning"/);
    expect(page).toMatch(/<a href="\/other\/" class="internal" data-note="Other">Other<\/a>/);
    expect(page).toContain('<h2 id="section">');
  });
  it("keeps Trellis's own PDF iframe, and only that one", () => {
    const page = html('Html.md');
    expect(page.match(/<iframe/g)).toHaveLength(1);
    expect(page).toMatch(/<iframe src="\/paper.pdf" class="embed-pdf" title="paper.pdf"/);
  });
  it('still transcludes, in and out of a note with HTML', () => {
    expect(html('Html.md')).toMatch(/<div class="transclusion" data-note="Other">[\s\S]*Other note\./);
    expect(html('Embeds Html.md')).toContain('Section text <b>bold</b>.');
  });
  it('never puts a transcluded note inside a paragraph', () => {
    for (const p of ['Html.md', 'Embeds Html.md']) expect(html(p)).not.toMatch(/<p>(?:(?!<\/p>)[\s\S])*<div class="transclusion"/);
    expect(html('Embeds Html.md')).toMatch(/<p>Text <\/p>\n<div class="transclusion" data-note="Other">[\s\S]*<\/div>\n<p> inline\.<\/p>$/);
  });
});

describe('math', () => {
  it('renders inline, display and ```math blocks with KaTeX (HTML and MathML)', () => {
    const page = html('Math.md');
    expect(page).toMatch(/<p>Inline <span class="katex"><span class="katex-mathml"><math [^>]*><semantics>/);
    expect(page).toContain('<annotation encoding="application/x-tex">e^{i\\pi} + 1 = 0</annotation>');
    expect(page.match(/<span class="katex-display">/g)).toHaveLength(2);
    expect(page).toMatch(/<annotation encoding="application\/x-tex">a\^2 \+ b\^2 = c\^2\s*<\/annotation>/);
    expect(page).not.toContain('language-math');
  });
  it('reports a formula KaTeX cannot parse at its position and shows it as an error', () => {
    const d = model.diagnostics.filter((x) => x.file === 'Math.md');
    expect(d).toMatchObject([{ ruleId: 'invalid-math', severity: 'warning', line: 11, column: 9 }]);
    expect(d[0]!.reason).toMatch(/^KaTeX cannot render this formula: /);
    expect(html('Math.md')).toMatch(/<span class="katex-error" title="[^"]+"[^>]*>\\frac\{1\}\{<\/span>/);
  });
  it('keeps math in a note whose raw HTML is sanitised', () => {
    const page = html('Math.md');
    expect(page).not.toContain('<script');
    expect(page).toContain('<b>html</b>');
    expect(page).toContain('<annotation encoding="application/x-tex">x_1</annotation>');
  });
});
