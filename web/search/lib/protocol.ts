import type { SearchHit } from '../../../src/shared/types.ts';

/** A message to the search worker. */
export type SearchRequest =
  /** Where `_search/` is (absolute URL, ending with `/`); send once, before the first query. */
  | { type: 'init'; baseUrl: string }
  /** Run a query for `limit` hits after the first `offset` (0 when absent); `seq`, if given, is echoed back so the sender can match the reply. */
  | { type: 'query'; q: string; limit: number; offset?: number; seq?: number };

/**
 * A message from the search worker. A query overtaken by a newer one before it finished gets
 * no reply at all: its sender has moved on.
 */
export type SearchResponse =
  /** A page of hits, and `total`, the number of notes matching the query. */
  { type: 'results'; q: string; seq?: number; hits: SearchHit[]; total: number } | { type: 'error'; q: string; seq?: number; message: string };
