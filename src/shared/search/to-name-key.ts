import type { Encoder } from 'flexsearch';

/** Longest name key kept, in UTF-16 code units; longer titles are not indexed as names. */
export const maxNameKeyLength = 120;

/**
 * A title, alias or query as a name key: its encoded terms in order, joined by single spaces
 * (`Calm  Wave!` → `calm wave`). The builder indexes each note's title and aliases so; the
 * search engine looks the query's key up, exactly and as a prefix, to put notes whose title is
 * the query first. Empty when the text has no terms or its key is too long.
 */
export function toNameKey(text: string, encoder: Encoder): string {
  const key = encoder.encode(text).join(' ');
  return key.length <= maxNameKeyLength ? key : '';
}
