/**
 * The literal-autolink transform runs only on a tree whose text could hold an autolink
 * (src/compile/parse/gfm.ts, `mayHaveLiteralAutolinks`): the parser's trees must be exactly the
 * trees the library's transform, run on every tree, makes. Seeded random documents mix what the
 * transform links (URLs in any case, `www.`, e-mail, `mailto:` and `xmpp:` addresses) with what only
 * decodes to it (character references, escapes) and what it must skip (code, links, wiki-links).
 */
import { describe, expect, it } from 'vitest';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { mayHaveLiteralAutolinks, remarkGfmTreeAutolinks } from '../src/compile/parse/gfm.ts';
import { parseMarkdown } from '../src/compile/parse/processor.ts';
import { remarkObsidianMath } from '../src/compile/parse/math.ts';
import { remarkWikiLinks } from '../src/compile/parse/wiki-link.ts';

/** The parser as src/compile/parse/processor.ts makes it, but with the library's transform run on every tree. */
function alwaysTransformed(this: Processor): void {
  remarkGfmTreeAutolinks.call(this);
  const extensions = this.data().fromMarkdownExtensions!;
  extensions[extensions.length - 1] = gfmAutolinkLiteralFromMarkdown();
}
const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(alwaysTransformed).use(remarkObsidianMath).use(remarkWikiLinks);

const fragments = [
  'plain words',
  'Systems',
  'https://example.com/path?q=1',
  'HTTP://EXAMPLE.ORG',
  'hTtPs://mixed.case',
  'www.example.com',
  'WWW.Example.COM/x',
  'www',
  'http:',
  'http:/not',
  'someone@example.com',
  'a.b+c@d-e.example.org',
  'mailto:me@example.com',
  'xmpp:me@example.com/res',
  '@',
  'user@',
  '@host.com',
  '&#64;',
  'me&#64;example.com',
  '&commat;',
  'x&commat;y.org',
  '&#x77;ww.example.com',
  'ht&#116;p://example.com',
  '\\@',
  'me\\@example.com',
  '`code@example.com`',
  '`https://in.code`',
  '[label](https://example.com)',
  '[www.label.com](/x)',
  '<https://angle.example>',
  '[[Note@Home]]',
  '[[https://wiki.example]]',
  '*emph www.x.com*',
  '**me@bold.com**',
  '$a@b$',
  '~~www.strike.com~~',
  '\n\n',
  '\n- ',
  '\n> ',
  '\n| a | b |\n|---|---|\n| x@y.com | www.z.org |\n\n',
];

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function document(random: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(random() * 12);
  for (let i = 0; i < n; i++) parts.push(fragments[Math.floor(random() * fragments.length)]!);
  return parts.join(random() < 0.7 ? ' ' : '');
}

describe('literal autolinks only where the text can hold one', () => {
  it('parses every document as the library transform run on every tree does (2,000 seeded documents)', () => {
    const random = seeded(20261127);
    let skipped = 0;
    let transformed = 0;
    for (let i = 0; i < 2000; i++) {
      const text = document(random);
      const tree = parseMarkdown(text);
      expect(tree, text).toEqual(reference.parse(text));
      if (mayHaveLiteralAutolinks(tree)) transformed++;
      else skipped++;
    }
    // Both kinds of document were tried.
    expect(skipped).toBeGreaterThan(50);
    expect(transformed).toBeGreaterThan(100);
  });

  it('links what decodes to an address or a URL, and reads the text nodes, not the source', () => {
    const linked = (text: string) => JSON.stringify(parseMarkdown(text)).includes('"type":"link"');
    expect(linked('write to me&#64;example.com')).toBe(true);
    expect(linked('see &#x77;ww.example.com')).toBe(true);
    expect(linked('SEE WWW.EXAMPLE.COM')).toBe(true);
    expect(linked('no address here, only words')).toBe(false);
    // In code the text is not a text node: nothing to link, nothing to look at.
    expect(mayHaveLiteralAutolinks(parseMarkdown('`me@example.com`'))).toBe(false);
    expect(mayHaveLiteralAutolinks(reference.parse('words and more words'))).toBe(false);
    expect(mayHaveLiteralAutolinks(reference.parse('a&commat;b'))).toBe(true);
  });
});
