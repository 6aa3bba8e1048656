import { createSearchEngine, type SearchEngine } from './create-search-engine.ts';
import type { SearchRequest, SearchResponse } from './protocol.ts';

/** Fetch a URL's body as text, rejecting on HTTP errors. */
export type FetchText = (url: string) => Promise<string>;

/**
 * The search worker's message handling, apart from the worker globals so it runs in Node
 * tests: `init` sets the base URL, `query` runs the engine (created on the first query, so
 * nothing is fetched before) and posts results, skipping queries a newer one overtook.
 */
export function createWorkerHandler(post: (response: SearchResponse) => void, fetchText: FetchText): (request: SearchRequest) => Promise<void> {
  let baseUrl: string | undefined;
  let engine: SearchEngine | undefined;
  let latest = 0;
  return async (request) => {
    switch (request.type) {
      case 'init':
        baseUrl = request.baseUrl;
        engine = undefined;
        return;
      case 'query': {
        const { q, limit, offset, seq } = request;
        const ticket = ++latest;
        if (baseUrl === undefined) {
          post({ type: 'error', q, seq, message: "Search: query before init; post {type: 'init', baseUrl} first." });
          return;
        }
        const root = baseUrl;
        engine ??= createSearchEngine((file) => fetchText(new URL(file, root).href));
        try {
          const results = await engine.query(q, limit, { offset, isStale: () => ticket !== latest });
          if (results && ticket === latest) post({ type: 'results', q, seq, hits: results.hits, total: results.total });
        } catch (error) {
          if (ticket === latest) post({ type: 'error', q, seq, message: error instanceof Error ? error.message : String(error) });
        }
        return;
      }
      default:
        return assertNever(request);
    }
  };
}

function assertNever(value: never): never {
  throw new Error(`Search: unknown worker message ${JSON.stringify(value)}; update the page and the worker together.`);
}
