import type { Encoder } from 'flexsearch';
import { hasCjk } from '../../../src/shared/search/script-runs.ts';
import { wordPattern } from './word-pattern.ts';

/** An encoded query term. */
export interface QueryTerm {
  /** The term as the index stores it (encoded). */
  term: string;
  /** True when the term may be the start of a longer term (it is still being typed). */
  prefix: boolean;
  /** True for a CJK bigram or single character. */
  cjk: boolean;
}

/**
 * Encode a query into distinct terms. The last word is a prefix unless the query ends with a
 * separator (the user finished it); a single CJK character is always a prefix of bigrams.
 */
export function toQueryTerms(query: string, encoder: Encoder): QueryTerm[] {
  const words = query.match(wordPattern) ?? [];
  const finished = !/[\p{L}\p{N}\p{M}]$/u.test(query);
  const terms = new Map<string, QueryTerm>();
  words.forEach((word, wordIndex) => {
    const encoded = encoder.encode(word);
    encoded.forEach((term, termIndex) => {
      const cjk = hasCjk(term);
      const isLast = wordIndex === words.length - 1 && termIndex === encoded.length - 1;
      const prefix = cjk ? Array.from(term).length === 1 : isLast && !finished;
      const seen = terms.get(term);
      if (seen) seen.prefix ||= prefix;
      else terms.set(term, { term, prefix, cjk });
    });
  });
  return [...terms.values()];
}
