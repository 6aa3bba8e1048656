import type { SearchVocabulary } from '../../../src/shared/types.ts';
import { toEditDistance } from './edit-distance.ts';
import type { QueryTerm } from './query-terms.ts';

/** A vocabulary word a misspelt query term may have meant. */
export interface Correction {
  term: string;
  /** Letters wrong (edit distance, a swap counting 1): 1 or 2. */
  distance: number;
  /** The vocabulary tier the word is in: 0 titles and aliases, 1 headings and tags, 2 body. */
  tier: number;
}

/** Shortest term corrected, in code points: shorter ones have too many neighbours. */
const minLength = 4;
/** Terms up to this length may have one letter wrong, longer ones two. */
const oneTypoUpTo = 6;

/**
 * The words a query term may have meant, when it is not itself a word of the vocabulary (nor,
 * while being typed, the start of one): vocabulary words at most one letter away (two for terms
 * of 7 letters or more), closest first, then by tier (title words first), then shorter, then in
 * code-unit order; at most `max`. Terms under 4 letters, with digits or CJK are never corrected.
 */
export function findCorrections(query: QueryTerm, vocabulary: SearchVocabulary, max: number): Correction[] {
  const { term, prefix } = query;
  const length = [...term].length;
  if (query.cjk || length < minLength || /\p{N}/u.test(term) || max <= 0) return [];
  if (vocabulary.tiers.some((tier) => isKnown(tier, term, prefix))) return [];
  const allowed = length <= oneTypoUpTo ? 1 : 2;
  const found: Correction[] = [];
  vocabulary.tiers.forEach((words, tier) => {
    for (const word of words) {
      if (prefix ? word.length < term.length - allowed : Math.abs(word.length - term.length) > allowed) continue;
      const distance = toEditDistance(term, word, allowed, prefix);
      if (distance <= allowed) found.push({ term: word, distance, tier });
    }
  });
  found.sort((a, b) => a.distance - b.distance || a.tier - b.tier || a.term.length - b.term.length || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return found.slice(0, max);
}

/** Whether a sorted tier holds the term (or, for a prefix, a word starting with it). */
function isKnown(words: readonly string[], term: string, prefix: boolean): boolean {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  const at = words[lo];
  return at !== undefined && (prefix ? at.startsWith(term) : at === term);
}
