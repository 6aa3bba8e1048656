import { describe, expect, it } from 'vitest';
import type { NoteId } from '../../src/shared/types.ts';
import { GardenStore, topicsWaitMs, type StoreEnvironment } from './garden-store.ts';

function makeEnv(files: Record<string, unknown>, stored: Record<string, string> = {}, systemDark = false) {
  const requests: string[] = [];
  const storage = new Map(Object.entries(stored));
  const env: StoreEnvironment = {
    fetch: async (url) => {
      requests.push(url);
      return url in files ? new Response(JSON.stringify(files[url])) : new Response('Not found', { status: 404 });
    },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    systemDark,
  };
  return { env, requests, storage };
}

const page = { kind: 'note' as const, id: 'a' as NoteId, url: '/a/', title: 'A' };

describe('GardenStore', () => {
  it('loads note data from <url>index.json once per page', async () => {
    const { env, requests } = makeEnv({ '/garden/b/index.json': { title: 'B' } });
    const store = new GardenStore('/garden/', page, env);
    const [first, second] = await Promise.all([store.loadNote('/garden/b/'), store.loadNote('/garden/b')]);
    expect(first.title).toBe('B');
    expect(second).toBe(first);
    expect(requests).toEqual(['/garden/b/index.json']);
  });

  it('rejects for pages without data and retries later', async () => {
    const { env, requests } = makeEnv({});
    const store = new GardenStore('/', page, env);
    await expect(store.loadNote('/tags/')).rejects.toThrow('Store: /tags/index.json answered 404');
    await expect(store.loadNote('/tags/')).rejects.toThrow();
    expect(requests).toEqual(['/tags/index.json', '/tags/index.json']);
  });

  it('loads graph.json from the base path once', async () => {
    const { env, requests } = makeEnv({ '/g/graph.json': { version: 1, notes: [], links: [] } });
    const store = new GardenStore('/g/', page, env);
    await store.loadGraph();
    await store.loadGraph();
    expect(requests).toEqual(['/g/graph.json']);
  });

  it("loads a note's local graph from <url>local-graph.json once, with the garden's topics loaded once, and again after forgetData, which tells its listeners", async () => {
    const node = (id: string, depth: number) => ({ id, title: id, url: `/${id}/`, depth, links: 1 });
    const { env, requests } = makeEnv({
      '/g/a/local-graph.json': { version: 2, nodes: [node('a', 0), node('b', 1)], links: [[0, 1]], omitted: 0, cut: { 2: false, 3: false } },
      '/g/b/local-graph.json': { version: 2, nodes: [node('b', 0)], links: [], omitted: 0, cut: { 2: false, 3: false } },
      '/g/graph-topics.json': { version: 1, topics: [{ id: 3, name: 'Kernels', color: '#123456' }], notes: { b: 3 } },
    });
    const store = new GardenStore('/g/', page, env);
    const [a] = await Promise.all([store.loadLocalGraph('/g/a/'), store.loadLocalGraph('/g/a')]);
    expect(a.nodes.map((n) => n.topic)).toEqual([undefined, 3]);
    expect(a.topics).toEqual([{ id: 3, name: 'Kernels', color: '#123456' }]);
    expect((await store.loadLocalGraph('/g/b/')).nodes[0]!.topic).toBe(3);
    let changes = 0;
    store.addEventListener('change', () => changes++);
    store.forgetData();
    expect(changes).toBe(1);
    await store.loadLocalGraph('/g/a/');
    expect(requests).toEqual(['/g/a/local-graph.json', '/g/graph-topics.json', '/g/b/local-graph.json', '/g/a/local-graph.json', '/g/graph-topics.json']);
  });

  it('shows a local graph without topics when the topics file cannot be loaded, and tries it again for the next one', async () => {
    const { env, requests } = makeEnv({
      '/a/local-graph.json': {
        version: 2,
        nodes: [{ id: 'a', title: 'a', url: '/a/', depth: 0, links: 0 }],
        links: [],
        omitted: 0,
        cut: { 2: false, 3: false },
      },
    });
    const store = new GardenStore('/', page, env);
    const a = await store.loadLocalGraph('/a/');
    expect(a.topics).toEqual([]);
    expect(a.nodes[0]!.topic).toBeUndefined();
    await expect(store.loadLocalGraph('/b/')).rejects.toThrow();
    expect(requests).toEqual(['/a/local-graph.json', '/graph-topics.json', '/b/local-graph.json', '/graph-topics.json']);
  });

  it('draws a local graph without topics when they are slow, then again with them once they come, without fetching its file again', async () => {
    const node = (id: string, depth: number) => ({ id, title: id, url: `/${id}/`, depth, links: 1 });
    const { env, requests } = makeEnv({ '/a/local-graph.json': { version: 2, nodes: [node('a', 0)], links: [], omitted: 0, cut: { 2: false, 3: false } } });
    let release: () => void = () => {};
    const fetchFile = env.fetch;
    env.fetch = (url) =>
      url === '/graph-topics.json'
        ? (requests.push(url),
          new Promise(
            (resolve) =>
              (release = () => resolve(new Response(JSON.stringify({ version: 1, topics: [{ id: 1, name: 'T', color: '#abcdef' }], notes: { a: 1 } })))),
          ))
        : fetchFile(url);
    const store = new GardenStore('/', page, env);
    const started = Date.now();
    const first = await store.loadLocalGraph('/a/');
    expect(Date.now() - started).toBeGreaterThanOrEqual(topicsWaitMs - 20);
    expect(first.nodes[0]!.topic).toBeUndefined();
    const changed = new Promise<void>((resolve) => store.addEventListener('change', () => resolve(), { once: true }));
    release();
    await changed;
    const again = await store.loadLocalGraph('/a/');
    expect(again.nodes[0]!.topic).toBe(1);
    expect(again.topics).toEqual([{ id: 1, name: 'T', color: '#abcdef' }]);
    expect(requests).toEqual(['/a/local-graph.json', '/graph-topics.json']);
  });

  it('follows the system theme until the reader picks one, and remembers the pick', () => {
    const { env, storage } = makeEnv({}, {}, true);
    const store = new GardenStore('/', page, env);
    expect(store.state.theme).toBe('dark');
    store.setSystemDark(false);
    expect(store.state.theme).toBe('light');
    store.setTheme('dark');
    expect(storage.get('trellis-theme')).toBe('dark');
    store.setSystemDark(false);
    expect(store.state.theme).toBe('dark');
  });

  it('remembers the local graph settings across visits', () => {
    const { env, storage } = makeEnv({});
    new GardenStore('/', page, env).setLocalGraph(true, 3);
    expect(storage.get('trellis-local-graph')).toBe('open:3');
    const next = new GardenStore('/', page, env);
    expect(next.state.localGraph).toEqual({ open: true, depth: 3 });
  });

  it("opens the local graph when the site says so, until the reader's own choice", () => {
    const { env, storage } = makeEnv({});
    expect(new GardenStore('/', page, env).state.localGraph.open).toBe(false);
    const siteOpen = { ...env, localGraphOpen: true };
    const store = new GardenStore('/', page, siteOpen);
    expect(store.state.localGraph.open).toBe(true);
    store.setLocalGraph(false);
    expect(storage.get('trellis-local-graph')).toBe('closed:1');
    expect(new GardenStore('/', page, siteOpen).state.localGraph.open).toBe(false);
  });

  it('emits change with a new state object on every action', () => {
    const { env } = makeEnv({});
    const store = new GardenStore('/', page, env);
    const states: unknown[] = [];
    store.addEventListener('change', () => states.push(store.state));
    const before = store.state;
    store.openSearch('raft');
    store.closeSearch('raft log');
    expect(states).toHaveLength(2);
    expect(before.search).toEqual({ open: false, query: '' });
    expect(store.state.search).toEqual({ open: false, query: 'raft log' });
    expect(states[0]).not.toBe(before);
  });

  it('keeps working when storage throws', () => {
    const { env } = makeEnv({});
    const broken: StoreEnvironment = {
      ...env,
      storage: {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('denied');
        },
      },
    };
    const store = new GardenStore('/', page, broken);
    store.setTheme('dark');
    expect(store.state.theme).toBe('dark');
  });
});
