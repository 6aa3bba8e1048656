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
 *
 * The transform runs four patterns over every text node, three of them from each word character
 * (an e-mail address ends a run of them), ~12 % of parsing a note without any. Every address it links
 * has an `@`, every URL `http://`, `https://` or `www.`; a tree whose text nodes have neither
 * (`mayHaveLiteralAutolinks`, the same nodes the transform reads) is left as the transform would leave it.
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
import type { Root } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
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
    autolinksWhereTheyCanBe(gfmAutolinkLiteralFromMarkdown()),
  );
}

/** The autolink extension with its transforms run only on a tree that `mayHaveLiteralAutolinks`. */
export function autolinksWhereTheyCanBe(extension: FromMarkdownExtension): FromMarkdownExtension {
  const transforms = extension.transforms ?? [];
  return {
    ...extension,
    transforms: [
      (tree: Root) => {
        if (!mayHaveLiteralAutolinks(tree)) return;
        for (const transform of transforms) tree = transform(tree) ?? tree;
        return tree;
      },
    ],
  };
}

/** A URL's start as the transform's URL pattern needs it: `http://`, `https://` or `www.`, in any case. */
const urlStart = /https?:\/\/|www\./i;

/**
 * Whether any text node of `tree` has an `@` or a URL's start: else none of the transform's patterns
 * (a URL, an `xmpp:` or `mailto:` address, an e-mail address) can match. It reads every `text` node,
 * as the transform does, inside links too (which the transform skips: a false yes costs only time).
 * Its own loop, not `walkTree` (src/compile/walk-tree.ts): it stops at the first text that can hold one.
 */
export function mayHaveLiteralAutolinks(tree: Root): boolean {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as { type: string; value?: unknown; children?: unknown[] };
    if (node.type === 'text' && typeof node.value === 'string' && (node.value.includes('@') || urlStart.test(node.value))) return true;
    if (node.children) for (const child of node.children) stack.push(child);
  }
  return false;
}
