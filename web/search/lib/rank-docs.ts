import { foldTermPostings } from './fold-term-postings.ts';
import type { NamePosting, RankSettings, TermPostings } from './rank-types.ts';
import { createRankArrays, type RankArrays } from './rank-arrays.ts';
import { selectTop } from './select-top.ts';

export type { FieldPosting, NamePosting, RankSettings, TermPostings } from './rank-types.ts';

/** A ranked note. */
export interface RankedDoc {
  /** Note number. */
  doc: number;
  score: number;
  /** How many distinct query terms the note matched (in any field, corrections included). */
  matchedTerms: number;
  /**
   * Index of the heading that matched the most query terms, when it matched more of them than
   * the title did (jumping to a heading only helps when the title is not the better match).
   */
  heading?: number;
  /** Whether any query term matched the body (so a snippet can show it). */
  bodyMatched: boolean;
}

/** A page of ranked notes and how many notes matched in all. */
export interface RankedPage {
  docs: RankedDoc[];
  total: number;
}

/**
 * Rank notes for a query, deterministically. In order: notes whose title or an alias is the query
 * (then whose name the query's last word, being typed, completes to); notes matching more
 * misspelt words as typed; the same name tiers for the corrected query; then by score, then by
 * note number (a hash of the note id: an arbitrary but fixed order). A note's score sums, per query term, its best field (field weight × position
 * slot × how much of a completion was typed × 0.5 per letter corrected) plus a tenth of each
 * other field's best, so a title outweighs any number of body and heading hits; each term counts
 * by its rarity, and the sum is scaled by the square of the share of the query's rarity the note
 * covers, so common words (`why is my`) weigh little. Per-note values live in typed arrays indexed
 * by note number: a common term touches thousands of notes.
 */
export function rankDocs(terms: readonly TermPostings[], names: readonly NamePosting[], settings: RankSettings, scratch?: RankArrays): RankedPage {
  const count = settings.docCount;
  const space = settings.numberSpace;
  // Arrays of a 10k garden are ~2 MB: an engine hands the same ones in each time (they are left zeroed).
  const a = scratch && scratch.seen.length === space ? scratch : createRankArrays(space);
  const touched: number[] = [];
  const touch = (doc: number) => {
    if (a.seen[doc] === 0) {
      a.seen[doc] = 1;
      touched.push(doc);
    }
  };
  let queryWeight = 0;
  for (const term of terms) {
    const docs = foldTermPostings(term.query, term.postings, settings, a);
    if (docs.length === 0) continue;
    const idf = Math.log(1 + count / docs.length);
    queryWeight += idf;
    for (const doc of docs) {
      touch(doc);
      a.score[doc] = a.score[doc]! + idf * (a.termMax[doc]! + 0.1 * (a.termSum[doc]! - a.termMax[doc]!));
      a.covered[doc] = a.covered[doc]! + idf;
      a.matched[doc] = a.matched[doc]! + 1;
      a.body[doc] = a.body[doc]! | a.termBody[doc]!;
      a.title[doc] = a.title[doc]! + a.termTitle[doc]!;
      if (term.corrected && a.termExact[doc] === 1) a.typedExact[doc] = a.typedExact[doc]! + 1;
      a.termMax[doc] = 0;
      a.termSum[doc] = 0;
      a.termBody[doc] = 0;
      a.termTitle[doc] = 0;
      a.termExact[doc] = 0;
    }
  }
  for (const name of names) {
    const tiers = name.corrected ? a.correctedName : a.name;
    for (const ids of name.slots) {
      for (const doc of ids ?? []) {
        if (!(doc >= 0 && doc < space)) continue;
        touch(doc);
        if (name.tier > tiers[doc]!) tiers[doc] = name.tier;
      }
    }
  }
  for (const doc of touched) {
    const coverage = queryWeight > 0 ? a.covered[doc]! / queryWeight : 0;
    a.score[doc] = a.score[doc]! * coverage * coverage;
  }
  const { name, typedExact, correctedName, score } = a;
  const better = (x: number, y: number): boolean => {
    if (name[x] !== name[y]) return name[x]! > name[y]!;
    if (typedExact[x] !== typedExact[y]) return typedExact[x]! > typedExact[y]!;
    if (correctedName[x] !== correctedName[y]) return correctedName[x]! > correctedName[y]!;
    if (score[x] !== score[y]) return score[x]! > score[y]!;
    return x < y;
  };
  const offset = Math.max(0, settings.offset ?? 0);
  const docs = selectTop(touched, offset + settings.limit, better)
    .slice(offset)
    .map((doc) => ({
      doc,
      score: a.score[doc]!,
      matchedTerms: a.matched[doc]!,
      bodyMatched: a.body[doc] === 1,
      ...toBestHeading(a.headings.get(doc), a.title[doc]!),
    }));
  clear(a, touched);
  return { docs, total: touched.length };
}

/** Zero what a ranking wrote (the per-term arrays are zeroed as each term is folded in). */
function clear(a: RankArrays, touched: readonly number[]): void {
  const arrays = [a.seen, a.score, a.covered, a.matched, a.body, a.title, a.typedExact, a.name, a.correctedName];
  for (const values of arrays) for (const doc of touched) values[doc] = 0;
  a.headings.clear();
}

/** The heading that matched the most query terms (the first one on ties), if it beats the title. */
function toBestHeading(counts: Map<number, number> | undefined, titleMatches: number): { heading?: number } {
  let heading: number | undefined;
  let best = 0;
  for (const [index, count] of counts ?? []) {
    if (count > best || (count === best && index < (heading ?? Infinity))) {
      best = count;
      heading = index;
    }
  }
  return heading === undefined || best <= titleMatches ? {} : { heading };
}
