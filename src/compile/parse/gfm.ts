/**
 * GitHub-flavoured Markdown for the parser: tables, footnotes, strikethrough
 * and task lists as micromark constructs; literal autolinks (`https://…`,
 * `www.…`, e-mail addresses) found afterwards in the tree's text nodes.
 *
 * remark-gfm also tokenizes literal autolinks character by character, which
 * costs a large part of all parsing (docs/performance.md). The mdast
 * extension of the same GFM package already carries a tree transform that
 * finds literal autolinks in text; it is used alone here. The one difference
 * from GitHub: a URL is cut where emphasis starts inside it
 * (`https://a.example/_x_` links `https://a.example/` and shows `x` emphasised),
 * and a literal URL in a link's label stays text in both. See docs/syntax.md.
 */
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** unified plugin: GFM with literal autolinks found by a tree transform. */
export function remarkGfmTreeAutolinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough({ singleTilde: false }), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    gfmAutolinkLiteralFromMarkdown(),
  );
}
