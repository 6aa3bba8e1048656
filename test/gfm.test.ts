/**
 * GitHub-flavoured Markdown through the whole pipeline: tables, footnotes,
 * strikethrough, task lists and literal autolinks (found in the tree's text
 * nodes, not by the tokenizer; see src/parse/gfm.ts).
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
