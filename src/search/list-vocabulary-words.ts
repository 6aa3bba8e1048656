import { countIds, type PackedEntries } from './kept-postings.ts';

/**
 * The words of some fields' postings found in at least `minNotes` notes (counted over all the
 * given fields), commonest first, then in code-unit order: one tier of the vocabulary, in the
 * order a cap cuts it (build-vocabulary.ts). Only terms and counts are read.
 */
export function listVocabularyWords(minNotes: number, ...lists: (PackedEntries | undefined)[]): string[] {
  const notes = new Map<string, number>();
  for (const list of lists) {
    if (!list) continue;
    const counts = countIds(list);
    list.terms.forEach((term, t) => notes.set(term, (notes.get(term) ?? 0) + counts[t]!));
  }
  return [...notes]
    .filter(([, count]) => count >= minNotes)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([term]) => term);
}
