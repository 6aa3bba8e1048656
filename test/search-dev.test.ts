/**
 * The dev server serves the same search as a built site over HTTP: its vocabulary corrects
 * misspelt words, its names put a note titled as the query first, results come in pages with
 * a total, and a note written while it runs is found, misspelt, once the garden settles.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import { createSearchEngine, type SearchEngine } from '../web/search/lib/create-search-engine.ts';
import { freePort } from './helpers/free-port.ts';
import { makeSearchGarden, waveNotes } from './helpers/search-garden.ts';

let dev: DevServer;
let garden: string;

/** A fresh engine fetching `_search/` files from the dev server, as the browser's worker does. */
function createEngine(): SearchEngine {
  return createSearchEngine(async (file) => {
    const response = await fetch(new URL(`_search/${file}`, dev.url));
    if (!response.ok) throw new Error(`GET ${file} answered ${response.status}`);
    return response.text();
  });
}

const titles = async (engine: SearchEngine, query: string) => (await engine.query(query, 10))?.hits.map((hit) => hit.title) ?? [];

beforeAll(async () => {
  garden = makeSearchGarden();
  dev = await startDev({ garden, port: await freePort(), settleMs: 50, quiet: true });
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

describe('search in the dev server', () => {
  it('corrects misspelt words, puts the title first and pages with a total', async () => {
    const engine = createEngine();
    expect((await titles(engine, 'consenus'))[0]).toBe('Consensus');
    expect((await titles(engine, 'calm wave')).slice(0, 2)).toEqual(['Calm Wave', 'Calm Wave Theory']);
    const next = await engine.query('wave', 10, { offset: 10 });
    expect(next?.total).toBe(waveNotes);
    expect(next?.hits).toHaveLength(10);
  });

  it('finds a note written while it runs, by a misspelt word of its title', async () => {
    writeFileSync(path.join(garden, 'Gossip Protocol.md'), '# Gossip Protocol\n\nEpidemic broadcast among peers.\n');
    await expect.poll(async () => (await titles(createEngine(), 'gospi'))[0], { timeout: 20_000, interval: 200 }).toBe('Gossip Protocol');
  });
});
