import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../src/search/index.ts';
import { createWorkerHandler } from '../web/search/lib/create-worker-handler.ts';
import type { SearchRequest, SearchResponse } from '../web/search/lib/protocol.ts';
import { SearchClient, type SearchWorkerLike } from '../web/search/search-client.ts';
import { fixtureFiles, makeFixtureDoc } from './search-make-docs.ts';

const artifacts = buildSearchIndex(fixtureFiles.map((path) => makeFixtureDoc(path)));
const files = new Map(artifacts.files.map((file) => [`https://garden.test/${file.path}`, String(file.contents)]));

/** An in-process stand-in for the worker: the real handler, with messages delivered asynchronously. */
class FakeWorker implements SearchWorkerLike {
  sent: SearchRequest[] = [];
  terminated = false;
  private messageListeners: ((event: MessageEvent<SearchResponse>) => void)[] = [];
  private errorListeners: ((event: Pick<ErrorEvent, 'message'>) => void)[] = [];
  private handle = createWorkerHandler(
    (response) => setTimeout(() => this.messageListeners.forEach((listener) => listener(new MessageEvent('message', { data: response })))),
    async (url) => files.get(url) ?? Promise.reject(new Error(`404 ${url}`)),
  );

  postMessage(message: SearchRequest): void {
    this.sent.push(message);
    void this.handle(message);
  }
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: Pick<ErrorEvent, 'message'>) => void): void;
  addEventListener(
    type: 'message' | 'error',
    listener: ((event: MessageEvent<SearchResponse>) => void) | ((event: Pick<ErrorEvent, 'message'>) => void),
  ): void {
    if (type === 'message') this.messageListeners.push(listener as (event: MessageEvent<SearchResponse>) => void);
    else this.errorListeners.push(listener as (event: Pick<ErrorEvent, 'message'>) => void);
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(message: string): void {
    // Node 20 has no ErrorEvent; the client only reads `message`.
    this.errorListeners.forEach((listener) => listener({ message }));
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = new SearchClient('https://garden.test/_search/', () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { client, workers };
}

describe('SearchClient', () => {
  it('starts no worker until the first non-empty query', async () => {
    const { client, workers } = setup();
    expect(await client.query('   ')).toEqual({ hits: [], total: 0 });
    expect(workers).toEqual([]);
    const { hits, total } = await client.query('urgency', 2);
    expect(hits.map((hit) => hit.id)).toEqual(['Advanced/Urgency', expect.any(String)]);
    expect(total).toBeGreaterThan(2);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent[0]).toEqual({ type: 'init', baseUrl: 'https://garden.test/_search/' });
    expect(workers[0]!.sent[1]).toEqual({ type: 'query', q: 'urgency', limit: 2, offset: 0, seq: 1 });
  });

  it('pages through the hits: the next page starts where the first ended, with the same total', async () => {
    const { client } = setup();
    const first = await client.query('task', 3);
    const second = await client.query('task', 3, 3);
    const both = await client.query('task', 6);
    expect(second.total).toBe(first.total);
    expect([...first.hits, ...second.hits].map((hit) => hit.id)).toEqual(both.hits.map((hit) => hit.id));
    expect(new Set(both.hits.map((hit) => hit.id)).size).toBe(6);
  });

  it('cancels a pending query when a newer one is made', async () => {
    const { client } = setup();
    const stale = client.query('urgency');
    const fresh = client.query('sorting');
    await expect(stale).rejects.toMatchObject({ name: 'AbortError' });
    expect((await fresh).hits[0]?.id).toBe('Queries/Sorting');
  });

  it('rejects pending queries when the worker fails, and starts a new worker after dispose', async () => {
    const { client, workers } = setup();
    const pending = client.query('urgency');
    workers[0]!.fail('SyntaxError in worker');
    await expect(pending).rejects.toThrow('Search: the search worker failed: SyntaxError in worker');
    client.dispose();
    expect(workers[0]!.terminated).toBe(true);
    expect((await client.query('grouping')).hits[0]?.id).toBe('Queries/Grouping');
    expect(workers).toHaveLength(2);
  });
});
