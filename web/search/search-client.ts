import type { SearchResults } from './lib/create-search-engine.ts';
import type { SearchRequest, SearchResponse } from './lib/protocol.ts';

/** What `SearchClient` needs of a worker; a real `Worker` fits. */
export interface SearchWorkerLike {
  postMessage(message: SearchRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: Pick<ErrorEvent, 'message'>) => void): void;
  terminate(): void;
}

interface Pending {
  resolve: (results: SearchResults) => void;
  reject: (error: Error) => void;
}

/**
 * Typed handle on the search worker. The worker starts on the first non-empty query, so a page
 * that never searches loads nothing. A new query cancels the previous one: its promise rejects
 * with an `AbortError` `DOMException`, which callers should ignore.
 */
export class SearchClient {
  private worker: SearchWorkerLike | undefined;
  private seq = 0;
  private pending = new Map<number, Pending>();

  /**
   * @param baseUrl URL of the `_search/` folder, e.g. `new URL('_search/', document.baseURI)`
   * @param createWorker starts the worker; tests pass a fake
   */
  constructor(
    private readonly baseUrl: string | URL,
    private readonly createWorker: () => SearchWorkerLike = startWorker,
  ) {}

  /**
   * Search the garden; resolves with `limit` hits after the first `offset`, best first, and the
   * number of matching notes. Asking for the next page is a query like any other: it cancels a
   * pending one.
   */
  query(q: string, limit = 10, offset = 0): Promise<SearchResults> {
    this.cancelPending();
    if (q.trim() === '') return Promise.resolve({ hits: [], total: 0 });
    const seq = ++this.seq;
    const worker = this.ensureWorker();
    return new Promise<SearchResults>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      worker.postMessage({ type: 'query', q, limit, offset, seq });
    });
  }

  /** Stop the worker and cancel the pending query; a later query starts a new worker. */
  dispose(): void {
    this.cancelPending();
    this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): SearchWorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.addEventListener('message', (event) => this.handleMessage(event.data));
    worker.addEventListener('error', (event) => this.failAll(new Error(`Search: the search worker failed: ${event.message}`)));
    worker.postMessage({ type: 'init', baseUrl: new URL(this.baseUrl, globalThis.location?.href).href });
    this.worker = worker;
    return worker;
  }

  private handleMessage(response: SearchResponse): void {
    if (response.seq === undefined) return;
    const pending = this.pending.get(response.seq);
    if (!pending) return;
    this.pending.delete(response.seq);
    switch (response.type) {
      case 'results':
        pending.resolve({ hits: response.hits, total: response.total });
        return;
      case 'error':
        pending.reject(new Error(response.message));
        return;
    }
  }

  private cancelPending(): void {
    for (const pending of this.pending.values()) pending.reject(new DOMException('Search query superseded by a newer one', 'AbortError'));
    this.pending.clear();
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

function startWorker(): SearchWorkerLike {
  return new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
}
