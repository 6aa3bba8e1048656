/**
 * The unified parser for Obsidian-flavoured Markdown: CommonMark, GFM,
 * YAML frontmatter, math and wiki-links/embeds. Parsing only; transforms run
 * in parse-note.ts so each is a plain function over the tree.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkGfmTreeAutolinks } from './gfm.ts';
import { remarkObsidianMath } from './math.ts';
import { remarkWikiLinks } from './wiki-link.ts';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmTreeAutolinks).use(remarkObsidianMath).use(remarkWikiLinks);

/** Parse Markdown text to mdast. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
