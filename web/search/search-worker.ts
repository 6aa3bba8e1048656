/**
 * The search Web Worker (a module worker): answers `SearchRequest` messages with
 * `SearchResponse` messages, fetching `_search/` files as queries need them.
 * Started by `SearchClient`; see lib/create-worker-handler.ts for the protocol.
 */
import { createWorkerHandler } from './lib/create-worker-handler.ts';
import type { SearchRequest, SearchResponse } from './lib/protocol.ts';

// tsconfig types `self` as a Window (the DOM lib wins over WebWorker); in this file it is the worker scope.
const scope = self as unknown as DedicatedWorkerGlobalScope;

const handle = createWorkerHandler(
  (response: SearchResponse) => scope.postMessage(response),
  async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Search: GET ${url} answered ${response.status}; was _search/ deployed with the site?`);
    return response.text();
  },
);

scope.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  void handle(event.data);
});
