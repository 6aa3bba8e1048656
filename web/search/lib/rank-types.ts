/** What ranking is given: the postings found for a query, and how many results to keep. */
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
  /** 3: the name is the query; 2: the query's last word, being typed, completes to the name. */
  tier: number;
  /** True when the match is of the query with its misspelt words corrected. */
  corrected: boolean;
  slots: readonly (readonly number[] | null | undefined)[];
}

/** What ranking needs from the manifest, plus which results to keep: `limit` of them after the first `offset`. */
export type RankSettings = Pick<SearchManifest, 'docCount' | 'numberSpace' | 'headingStride' | 'resolution' | 'weights'> & {
  limit: number;
  offset?: number;
};
