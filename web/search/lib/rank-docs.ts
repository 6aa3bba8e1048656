import type { SearchField, SearchManifest } from '../../../src/shared/types.ts';
import type { QueryTerm } from './query-terms.ts';

/** The postings of one stored term in one field, as FlexSearch returns them (slot 0 best). */
export interface FieldPosting {
  field: SearchField;
  /** The stored term: the query term itself or, for a prefix, one of its completions. */
  term: string;
  slots: readonly (readonly number[] | null | undefined)[];
}

/** Everything found for one query term, across fields and completions. */
export interface TermPostings {
  query: QueryTerm;
  postings: FieldPosting[];
}

/** A ranked note. */
export interface RankedDoc {
  /** Note number. */
  doc: number;
  score: number;
  /** How many distinct query terms the note matched (in any field). */
  matchedTerms: number;
  /**
   * Index of the heading that matched the most query terms, when it matched more of them than
   * the title did (jumping to a heading only helps when the title is not the better match).
   */
  heading?: number;
  /** Whether any query term matched the body (so a snippet can show it). */
  bodyMatched: boolean;
}

/** What ranking needs from the manifest, plus how many results to keep. */
export type RankSettings = Pick<SearchManifest, 'docCount' | 'headingStride' | 'resolution' | 'weights'> & {
  limit: number;
};

/**
 * Rank notes for a query. Per query term a note scores its best field match (field weight ×
 * position slot × how much of a completion the user typed) plus a tenth of its other matches,
 * scaled by the term's rarity; notes matching more query terms come first, then higher scores,
 * then lower note numbers. Per-note sums live in typed arrays indexed by note number: a common
 * term touches thousands of notes, and maps of objects are several times slower.
 */
export function rankDocs(terms: readonly TermPostings[], settings: RankSettings): RankedDoc[] {
  const count = settings.docCount;
  const score = new Float64Array(count);
  const matched = new Uint16Array(count);
  const body = new Uint8Array(count);
  const termMax = new Float64Array(count);
  const termSum = new Float64Array(count);
  const termBody = new Uint8Array(count);
  const title = new Uint16Array(count);
  const termTitle = new Uint8Array(count);
  const headings = new Map<number, Map<number, number>>();
  const touched: number[] = [];
  for (const { query, postings } of terms) {
    const docs = collectTerm(query, postings, settings, { termMax, termSum, termBody, termTitle, headings });
    const idf = Math.log(1 + count / Math.max(1, docs.length));
    for (const doc of docs) {
      if (matched[doc] === 0) touched.push(doc);
      score[doc] = score[doc]! + idf * (termMax[doc]! + 0.1 * (termSum[doc]! - termMax[doc]!));
      matched[doc] = matched[doc]! + 1;
      body[doc] = body[doc]! | termBody[doc]!;
      title[doc] = title[doc]! + termTitle[doc]!;
      termMax[doc] = 0;
      termSum[doc] = 0;
      termBody[doc] = 0;
      termTitle[doc] = 0;
    }
  }
  const better = (a: number, b: number): boolean =>
    matched[a]! > matched[b]! || (matched[a] === matched[b] && (score[a]! > score[b]! || (score[a] === score[b] && a < b)));
  return selectTop(touched, settings.limit, better).map((doc) => ({
    doc,
    score: score[doc]!,
    matchedTerms: matched[doc]!,
    bodyMatched: body[doc] === 1,
    ...toBestHeading(headings.get(doc), title[doc]!),
  }));
}

interface TermArrays {
  termMax: Float64Array;
  termSum: Float64Array;
  termBody: Uint8Array;
  termTitle: Uint8Array;
  /** Note → heading index → number of query terms it matched; filled across terms. */
  headings: Map<number, Map<number, number>>;
}

/** Accumulate one query term's postings into the per-term arrays; returns the notes it touched. */
function collectTerm(query: QueryTerm, postings: readonly FieldPosting[], settings: RankSettings, arrays: TermArrays): number[] {
  const { termMax, termSum, termBody, termTitle, headings } = arrays;
  const docs: number[] = [];
  const stride = settings.headingStride;
  const seenHeadings = new Set<number>();
  for (const posting of postings) {
    const { field } = posting;
    const weight = settings.weights[field] * toCompletionFactor(query, posting.term);
    const resolution = Math.max(1, settings.resolution[field]);
    for (let slot = 0; slot < posting.slots.length; slot++) {
      const ids = posting.slots[slot];
      if (!ids) continue;
      const value = weight * (1 - (0.5 * slot) / resolution);
      for (const id of ids) {
        const doc = field === 'headings' ? Math.floor(id / stride) : id;
        if (!(doc >= 0 && doc < termMax.length)) continue;
        if (termSum[doc] === 0) docs.push(doc);
        if (value > termMax[doc]!) termMax[doc] = value;
        termSum[doc] = termSum[doc]! + value;
        if (field === 'body') termBody[doc] = 1;
        if (field === 'title') termTitle[doc] = 1;
        if (field === 'headings' && !seenHeadings.has(id)) {
          seenHeadings.add(id);
          let counts = headings.get(doc);
          if (!counts) headings.set(doc, (counts = new Map()));
          counts.set(id % stride, (counts.get(id % stride) ?? 0) + 1);
        }
      }
    }
  }
  return docs;
}

/** 1 for the term itself; for a completion, more the more of it was typed (`rep` of `repo` > of `replication`). */
function toCompletionFactor(query: QueryTerm, term: string): number {
  if (term === query.term) return 1;
  return 0.5 + (0.5 * query.term.length) / term.length;
}

/** The `limit` best items, best first, without sorting them all. */
function selectTop(items: readonly number[], limit: number, better: (a: number, b: number) => boolean): number[] {
  const top: number[] = [];
  for (const item of items) {
    if (top.length === limit && !better(item, top[limit - 1]!)) continue;
    let i = Math.min(top.length, limit - 1);
    top[i] = item;
    while (i > 0 && better(item, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      top[i - 1] = item;
      i--;
    }
  }
  return top;
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
