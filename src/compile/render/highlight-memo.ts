/**
 * A note's highlighted code blocks, kept with its compiled result (`NoteJobResult.code`), so that
 * the note's next version highlights only the code that changed: an edit to a note's prose finds
 * each of its code blocks here and copies the HTML, without loading Shiki's grammars or running
 * them (on a warm build, most of what the parse worker spent on a changed note).
 *
 * A block is known by a hash of what rehype-shiki keys its own cache by: the language (after the
 * fallback to plain text), the meta string and the code. Everything else that shapes the HTML (the
 * theme, the transformers, Shiki itself) is the compiling code's, which the cache entries are keyed
 * by (src/store/cache.ts). The HTML is the block's element as the render serialises it: a block
 * found here stands in the tree as that text (a `raw` node), so the note's HTML is the same bytes.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';

/** Highlighted code blocks: [key, HTML], in the order the note uses them. */
export type HighlightedCode = [key: string, html: string][];

/** The cache rehype-shiki reads and fills (its `cache` option), over one note's render. */
export interface HighlightMemo {
  get(key: string): Root | undefined;
  set(key: string, value: Root): this;
  /** The blocks this render highlighted or found, to keep with its result. */
  taken(): HighlightedCode;
}

/** A memo for one render of a note, holding the blocks of its previous version (`previous`). */
export function highlightMemo(previous: HighlightedCode | undefined): HighlightMemo {
  const known = new Map(previous);
  const taken = new Map<string, string>();
  return {
    get(key) {
      const k = hashKey(key);
      const html = taken.get(k) ?? known.get(k);
      if (html === undefined) return undefined;
      taken.set(k, html);
      return { type: 'root', children: [{ type: 'raw', value: html }] };
    },
    set(key, value) {
      // As renderNote serialises a block (raw HTML allowed: a block found here is raw).
      taken.set(hashKey(key), toHtml(value, { allowDangerousHtml: true }));
      return this;
    },
    taken: () => [...taken],
  };
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}
