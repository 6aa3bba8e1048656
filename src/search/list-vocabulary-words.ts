import type { SearchPostingEntry } from '../shared/types.ts';

/**
 * The words of some fields' postings found in at least `minNotes` notes (counted over all the
 * given fields), commonest first, then in code-unit order: one tier of the vocabulary, in the
 * order a cap cuts it (build-vocabulary.ts). Only terms and counts are read, so a caller can
 * let the postings go afterwards.
 */
export function listVocabularyWords(minNotes: number, ...lists: (readonly SearchPostingEntry[] | undefined)[]): string[] {
  const notes = new Map<string, number>();
  for (const list of lists) {
    for (const entry of list ?? []) notes.set(entry[0], (notes.get(entry[0]) ?? 0) + countNotes(entry));
  }
  return [...notes]
    .filter(([, count]) => count >= minNotes)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([term]) => term);
}

function countNotes(entry: SearchPostingEntry): number {
  return entry[1].reduce((sum, slot) => sum + (slot?.length ?? 0), 0);
}
