/**
 * Unlinked mentions as readers get them: a mention of a one-word title or alias
 * written as an ordinary word (lower case: "the key's home replicas", "open
 * settings") is noise to a reader and is left out. The dev server keeps every
 * mention: the author is the one who decides what to link.
 */
import type { Backlink } from '../shared/types.ts';

/** The mentions worth showing a reader, in their order. */
export function readerMentions(mentions: readonly Backlink[]): Backlink[] {
  return mentions.filter((m) => !isCommonWordMention(m));
}

/** Whether the mention names a single word starting in lower case (a mention without a known range is kept). */
function isCommonWordMention(m: Backlink): boolean {
  if (!m.highlight) return false;
  const named = m.context.slice(m.highlight[0], m.highlight[1]);
  if (/\s/u.test(named.trim())) return false;
  const first = named.trim().charAt(0);
  return first !== first.toUpperCase() && first === first.toLowerCase();
}
