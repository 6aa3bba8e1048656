import type { Encoder } from 'flexsearch';
import type { SearchDocEntry, SearchHit } from '../../../src/shared/types.ts';
import { findMatches } from './find-matches.ts';
import type { QueryTerm } from './query-terms.ts';
import type { RankedDoc } from './rank-docs.ts';
import { toMarkedHtml } from './to-marked-html.ts';
import { toSnippet } from './to-snippet.ts';

/** Turn a ranked note and its docs-chunk entry into a hit with highlighted title and snippet. */
export function toSearchHit(ranked: RankedDoc, entry: SearchDocEntry, terms: readonly QueryTerm[], encoder: Encoder, snippetLength: number): SearchHit {
  const hit: SearchHit = {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    titleHtml: toMarkedHtml(entry.title, 0, entry.title.length, findMatches(entry.title, terms, encoder)),
    snippet: toSnippet(entry.body, terms, encoder, { length: snippetLength, scan: ranked.bodyMatched }),
    score: ranked.score,
  };
  const heading = ranked.heading === undefined ? undefined : entry.headings[ranked.heading];
  if (heading) hit.heading = { text: heading.text, id: heading.id };
  return hit;
}
