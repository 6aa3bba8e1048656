/** Facts of results that arrive as copies, from a parse worker or the cache. */
import type { ParsedNote } from '../types.ts';

/**
 * A result that crossed a thread or came from the cache is a copy, and so is each of its strings:
 * `'link'` and `'wiki'` once per link (3.6 MB of a 10k garden's heap). Point the links'
 * fixed-vocabulary fields back at one string each.
 */
export function shareLinkWords(note: ParsedNote): void {
  for (const link of note.links) {
    link.kind = link.kind === 'embed' ? 'embed' : 'link';
    link.syntax = link.syntax === 'markdown' ? 'markdown' : 'wiki';
  }
}
