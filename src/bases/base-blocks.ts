/**
 * Parse hook: find the ```` ```base ```` code blocks of a note (Obsidian's bases embedded in a
 * note) and number them. Each block's YAML goes on the parsed note (`ParsedNote.bases`) and its
 * node is marked with its number, so the renderer leaves a `base` placeholder where the block
 * is; the base itself is drawn after the whole garden is resolved (prepare-bases.ts).
 */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { BaseBlock } from '../shared/types.ts';

declare module 'mdast' {
  interface Data {
    /** The number of a ```` ```base ```` block among its note's (`ParsedNote.bases`). */
    baseIndex?: number;
  }
}

/** The YAML of each `base` code block of `tree`, in order; each block's node gets its `data.baseIndex` and loses its text. */
export function extractBaseBlocks(tree: Root): BaseBlock[] {
  const out: BaseBlock[] = [];
  visit(tree, 'code', (node: Code) => {
    if (node.lang !== 'base' || !node.position) return;
    (node.data ??= {}).baseIndex = out.length;
    // The YAML starts on the line after the fence, as far right as the fence.
    out.push({ yaml: node.value, line: node.position.start.line + 1, column: node.position.start.column });
    // The YAML moves to the note's facts: the block's text is never the page's, nor searched as its words.
    node.value = '';
  });
  return out;
}
