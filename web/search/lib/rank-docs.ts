import type { SearchField, SearchManifest } from '../../../src/shared/types.ts';
import type { QueryTerm } from './query-terms.ts';

/** The postings of one stored term in one field, as FlexSearch returns them (slot 0 best). */
export interface FieldPosting {
  field: SearchField;
  /** The stored term: the query term itself, one of its completions, or a correction of it. */
  term: string;
  slots: readonly (readonly number[] | null | undefined)[];
  /** Letters wrong when `term` is a correction of a misspelt query term (1 or 2); 0 or absent otherwise. */
  distance?: number;
}

/** Everything found for one query term, across fields, completions and corrections. */
export interface TermPostings {
  query: QueryTerm;
  postings: FieldPosting[];
  /** True when the term is not a word of the garden and was corrected: notes matching it as typed still come first. */
  corrected?: boolean;
}

/** Notes whose title or an alias matches the whole query (the `names` field). */
export interface NamePosting {
  /** 3: the name is the query; 2: the query's last word completes to the name; 1: the name starts with the query's words. */
  tier: number;
  /** True when the match is of the query with its misspelt words corrected. */
  corrected: boolean;
  slots: readonly (readonly number[] | null | undefined)[];
}

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

/** What ranking needs from the manifest, plus which results to keep: `limit` of them after the first `offset`. */
export type RankSettings = Pick<SearchManifest, 'docCount' | 'headingStride' | 'resolution' | 'weights'> & {
  limit: number;
  offset?: number;
};

/** Fields in the order their postings are folded in (fixed, so sums and ties are the same every time). */
const scoredFields: readonly SearchField[] = ['title', 'aliases', 'headings', 'tags', 'body'];

/**
 * Rank notes for a query, deterministically. In order: notes whose title or an alias is the query
 * (then whose name its last word completes to, then whose name starts with it); notes matching
 * more misspelt words as typed; the same name tiers for the corrected query; then by score, then
 * by note number. A note's score sums, per query term, its best field (field weight × position
 * slot × how much of a completion was typed × 0.5 per letter corrected) plus a tenth of each
 * other field's best, so a title outweighs any number of body and heading hits; each term counts
 * by its rarity, and the sum is scaled by the square of the share of the query's rarity the note
 * covers, so common words (`why is my`) weigh little. Per-note values live in typed arrays indexed
 * by note number: a common term touches thousands of notes.
 */
export function rankDocs(terms: readonly TermPostings[], names: readonly NamePosting[], settings: RankSettings): RankedPage {
  const count = settings.docCount;
  const a = createArrays(count);
  const touched: number[] = [];
  const touch = (doc: number) => {
    if (a.seen[doc] === 0) {
      a.seen[doc] = 1;
      touched.push(doc);
    }
  };
  let queryWeight = 0;
  for (const term of terms) {
    const docs = collectTerm(term.query, term.postings, settings, a);
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
        if (!(doc >= 0 && doc < count)) continue;
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
  return { docs, total: touched.length };
}

type Arrays = ReturnType<typeof createArrays>;

function createArrays(count: number) {
  return {
    seen: new Uint8Array(count),
    score: new Float64Array(count),
    /** Sum of the rarity of the query terms the note matched. */
    covered: new Float64Array(count),
    matched: new Uint16Array(count),
    body: new Uint8Array(count),
    title: new Uint16Array(count),
    /** Misspelt (corrected) query terms the note matched as typed. */
    typedExact: new Uint16Array(count),
    name: new Uint8Array(count),
    correctedName: new Uint8Array(count),
    /** Per term, then reset: */
    fieldMax: new Float64Array(count),
    termMax: new Float64Array(count),
    termSum: new Float64Array(count),
    termBody: new Uint8Array(count),
    termTitle: new Uint8Array(count),
    termExact: new Uint8Array(count),
    /** Note → heading index → number of query terms it matched; filled across terms. */
    headings: new Map<number, Map<number, number>>(),
  };
}

/** Fold one query term's postings into the per-term arrays, field by field; returns the notes it touched. */
function collectTerm(query: QueryTerm, postings: readonly FieldPosting[], settings: RankSettings, a: Arrays): number[] {
  const docs: number[] = [];
  const stride = settings.headingStride;
  const seenHeadings = new Set<number>();
  for (const field of scoredFields) {
    const fieldDocs: number[] = [];
    const resolution = Math.max(1, settings.resolution[field]);
    for (const posting of postings) {
      if (posting.field !== field) continue;
      const distance = posting.distance ?? 0;
      const weight = settings.weights[field] * toCompletionFactor(query, posting.term, distance) * 0.5 ** distance;
      for (let slot = 0; slot < posting.slots.length; slot++) {
        const value = weight * (1 - (0.5 * slot) / resolution);
        for (const id of posting.slots[slot] ?? []) {
          const doc = field === 'headings' ? Math.floor(id / stride) : id;
          if (!(doc >= 0 && doc < a.fieldMax.length)) continue;
          if (a.fieldMax[doc] === 0) fieldDocs.push(doc);
          if (value > a.fieldMax[doc]!) a.fieldMax[doc] = value;
          if (distance === 0) a.termExact[doc] = 1;
          if (field === 'headings' && !seenHeadings.has(id)) {
            seenHeadings.add(id);
            let counts = a.headings.get(doc);
            if (!counts) a.headings.set(doc, (counts = new Map()));
            counts.set(id % stride, (counts.get(id % stride) ?? 0) + 1);
          }
        }
      }
    }
    for (const doc of fieldDocs) {
      const value = a.fieldMax[doc]!;
      a.fieldMax[doc] = 0;
      if (a.termSum[doc] === 0) docs.push(doc);
      if (value > a.termMax[doc]!) a.termMax[doc] = value;
      a.termSum[doc] = a.termSum[doc]! + value;
      if (field === 'body') a.termBody[doc] = 1;
      if (field === 'title') a.termTitle[doc] = 1;
    }
  }
  return docs;
}

/** 1 for the term itself or a correction; for a completion, more the more of it was typed (`rep` of `repo` > of `replication`). */
function toCompletionFactor(query: QueryTerm, term: string, distance: number): number {
  if (term === query.term || distance > 0) return 1;
  return 0.5 + (0.5 * query.term.length) / term.length;
}

/** The `limit` best items, best first, without sorting them all. */
function selectTop(items: readonly number[], limit: number, better: (a: number, b: number) => boolean): number[] {
  if (limit <= 0) return [];
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
