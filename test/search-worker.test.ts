import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../src/search/index.ts';
import { createWorkerHandler } from '../web/search/lib/create-worker-handler.ts';
import type { SearchResponse } from '../web/search/lib/protocol.ts';
import { fixtureFiles, makeFixtureDoc } from './search-make-docs.ts';

const base = 'https://garden.test/sub/_search/';
const artifacts = buildSearchIndex(fixtureFiles.map((path) => makeFixtureDoc(path)));
const files = new Map(artifacts.files.map((file) => [`https://garden.test/sub/${file.path}`, String(file.contents)]));

/** A worker handler over the built files served from memory, recording fetched URLs and posted replies. */
function setup() {
  const posted: SearchResponse[] = [];
  const fetched: string[] = [];
  const handle = createWorkerHandler(
    (response) => posted.push(response),
    async (url) => {
      fetched.push(url);
      const text = files.get(url);
      if (text === undefined) throw new Error(`Search: GET ${url} answered 404`);
      return text;
    },
  );
  return { handle, posted, fetched };
}

describe('createWorkerHandler', () => {
  it('fetches nothing on init, then answers a query with hits from files under the base URL', async () => {
    const { handle, posted, fetched } = setup();
    await handle({ type: 'init', baseUrl: base });
    expect(fetched).toEqual([]);
    await handle({ type: 'query', q: 'urgency', limit: 3, seq: 7 });
    expect(fetched[0]).toBe(`${base}manifest.json`);
    expect(fetched.every((url) => url.startsWith(base))).toBe(true);
    expect(posted).toHaveLength(1);
    const [reply] = posted;
    expect(reply).toMatchObject({ type: 'results', q: 'urgency', seq: 7 });
    if (reply?.type !== 'results') throw new Error('expected results');
    expect(reply.hits).toHaveLength(3);
    expect(reply.hits[0]).toMatchObject({ id: 'Advanced/Urgency', titleHtml: '<mark>Urgency</mark>' });
  });

  it('does not answer a query that a newer one overtook', async () => {
    const { handle, posted } = setup();
    await handle({ type: 'init', baseUrl: base });
    const first = handle({ type: 'query', q: 'urgency', limit: 5, seq: 1 });
    const second = handle({ type: 'query', q: 'sorting', limit: 5, seq: 2 });
    await Promise.all([first, second]);
    expect(posted.map((reply) => [reply.type, reply.seq])).toEqual([['results', 2]]);
  });

  it('replies with an error before init and when a file is missing', async () => {
    const { handle, posted } = setup();
    await handle({ type: 'query', q: 'urgency', limit: 5, seq: 1 });
    await handle({ type: 'init', baseUrl: 'https://garden.test/elsewhere/_search/' });
    await handle({ type: 'query', q: 'urgency', limit: 5, seq: 2 });
    expect(posted).toEqual([
      { type: 'error', q: 'urgency', seq: 1, message: "Search: query before init; post {type: 'init', baseUrl} first." },
      { type: 'error', q: 'urgency', seq: 2, message: 'Search: GET https://garden.test/elsewhere/_search/manifest.json answered 404' },
    ]);
  });

  it('retries a failed load on the next query', async () => {
    const { handle, posted } = setup();
    await handle({ type: 'init', baseUrl: base });
    files.set(`${base}manifest.json.bak`, files.get(`${base}manifest.json`)!);
    files.delete(`${base}manifest.json`);
    await handle({ type: 'query', q: 'urgency', limit: 1, seq: 1 });
    files.set(`${base}manifest.json`, files.get(`${base}manifest.json.bak`)!);
    await handle({ type: 'query', q: 'urgency', limit: 1, seq: 2 });
    expect(posted.map((reply) => [reply.type, reply.seq])).toEqual([
      ['error', 1],
      ['results', 2],
    ]);
  });
});
