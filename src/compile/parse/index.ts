/**
 * Parse stage: one note's text to a transformed mdast and its facts.
 *
 * 1. Parse with unified (CommonMark, GFM, frontmatter, math, wiki-links, embeds).
 * 2. Read frontmatter (positioned diagnostic when invalid).
 * 3. Normalise wiki-links, turn dollar amounts back into text, mark `$$`
 *    display math, remove `%%comments%%`, number ```` ```base ```` blocks (their
 *    YAML goes to the facts, src/bases/), mark `==highlights==`, callouts,
 *    `#tags` and `^block-ids`.
 * 4. Extract facts: title, tags, headings, blocks, links with context, text.
 */
import type { Root, Yaml } from 'mdast';
import { baseName } from '../../shared/ids.ts';
import type { Diagnostic, LinkContext, NoteFile, ParsedNote } from '../../shared/types.ts';
import { extractBaseBlocks } from '../../bases/base-blocks.ts';
import { extractFacts, splitContexts } from './facts.ts';
import { readFrontmatter } from './frontmatter.ts';
import { collectFrontmatterLinks } from './frontmatter-links.ts';
import { readProperties } from './frontmatter-properties.ts';
import { parseMarkdown } from './processor.ts';
import { extractBlockIds } from './transforms/block-ids.ts';
import { markCallouts } from './transforms/callouts.ts';
import { removeComments } from './transforms/comments.ts';
import { markDisplayMath } from './transforms/display-math.ts';
import { keepDollarAmounts } from './transforms/dollar-amounts.ts';
import { markHighlights } from './transforms/highlights.ts';
import { normalizeWikiLinks } from './transforms/normalize-wiki-links.ts';
import { extractInlineTags } from './transforms/tags.ts';

/** A parsed note together with its tree, for rendering in the same pass, its plain text and its links' contexts. */
export interface ParseResult {
  note: ParsedNote;
  tree: Root;
  /** Plain text of the whole note body, comments excluded (search, unlinked mentions). */
  text: string;
  /** The text around each link, numbered as `note.links`. */
  contexts: LinkContext[];
}

/** Parse a note's decoded text. `diagnostics` from decoding are carried into the result. */
export function parseNote(file: Pick<NoteFile, 'path' | 'id' | 'hash'>, text: string, diagnostics: Diagnostic[] = []): ParseResult {
  const tree = parseMarkdown(text);
  const yaml = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
  const fm = readFrontmatter(yaml, file.path);
  if (yaml) tree.children.shift();

  normalizeWikiLinks(tree);
  keepDollarAmounts(tree, text);
  markDisplayMath(tree, text);
  removeComments(tree);
  const bases = extractBaseBlocks(tree);
  markHighlights(tree);
  markCallouts(tree);
  const inlineTags = extractInlineTags(tree);
  const blocks = extractBlockIds(tree);
  const facts = extractFacts(tree, file.path);

  const frontmatter = fm.frontmatter;
  const tags = [...new Set([...frontmatter.tags, ...inlineTags])];
  // Frontmatter links come after the body's: body links are numbered by their place in the tree (linkIndex).
  const { links, contexts } = splitContexts([...facts.links, ...collectFrontmatterLinks(yaml, text)]);
  const note: ParsedNote = {
    path: file.path,
    id: file.id,
    hash: file.hash,
    title: frontmatter.title ?? baseName(file.id),
    frontmatter,
    tags,
    headings: facts.headings,
    blocks,
    links,
    wordCount: facts.wordCount,
    diagnostics: [...diagnostics, ...fm.diagnostics],
    ...(fm.doc ? { properties: readProperties(fm.doc, facts.links.length) } : {}),
    ...(bases.length > 0 ? { bases } : {}),
  };
  return { note, tree, text: facts.text, contexts };
}
