import type { SearchVocabulary } from '../shared/types.ts';
import { hasCjk } from '../shared/search/script-runs.ts';

/** Shortest and longest words kept, in code points: a shorter word has too many neighbours to correct to. */
const minLength = 3;
const maxLength = 32;

/**
 * The garden's vocabulary for correcting misspelt queries (see {@link SearchVocabulary}) from
 * its candidate words, tier by tier (titles and aliases, headings and tags, body words of two
 * notes or more; each in the order to keep them, list-vocabulary-words.ts), until `maxTerms`
 * words. A word stays in its first tier only. Words with digits or CJK are left out: a number or
 * a bigram with one character changed is another thing, not a typo.
 */
export function buildVocabulary(candidates: readonly (readonly string[])[], maxTerms: number): SearchVocabulary {
  const seen = new Set<string>();
  let room = maxTerms;
  const tiers = candidates.map((words) => {
    const tier: string[] = [];
    for (const word of words) {
      if (room === 0) break;
      if (seen.has(word) || !isWord(word)) continue;
      seen.add(word);
      tier.push(word);
      room--;
    }
    return tier.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  });
  return { version: 1, tiers };
}

function isWord(term: string): boolean {
  const length = [...term].length;
  return length >= minLength && length <= maxLength && !/\p{N}/u.test(term) && !hasCjk(term);
}
