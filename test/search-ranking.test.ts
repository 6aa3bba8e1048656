/**
 * Ranking and typo tolerance against the real index of a fixture garden built by the CLI:
 * misspelt words find their notes (ranked below notes matching the words as typed), a note
 * whose title is the query comes first whatever other notes say in their headings and bodies,
 * and results come in pages with a total.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchManifest } from '../src/shared/types.ts';
import { createSearchEngine, type SearchEngine } from '../web/search/lib/create-search-engine.ts';
import { buildWithCli } from './helpers/publish-garden.ts';
import { makeSearchGarden, waveNotes } from './helpers/search-garden.ts';

let dir: string;
let requested: string[];
let engine: SearchEngine;

/** A fresh engine over the built files (nothing loaded yet), recording what it loads. */
function createEngine(): SearchEngine {
  requested = [];
  return createSearchEngine(async (file) => {
    requested.push(file);
    return readFileSync(path.join(dir, file), 'utf8');
  });
}

const titles = async (query: string, limit = 10) => (await engine.query(query, limit))!.hits.map((hit) => hit.title);

beforeAll(() => {
  const built = buildWithCli(makeSearchGarden());
  expect(built.status, built.stderr).toBe(0);
  dir = path.join(built.out, '_search');
  engine = createEngine();
}, 120_000);

describe('typos', () => {
  it('finds the note a misspelt word means, first, while typing and once typed', async () => {
    const cases: [string, string][] = [
      ['consenus', 'Consensus'],
      ['kubernets', 'Kubernetes'],
      ['framwork', 'Framework'],
      ['Kuberntes', 'Kubernetes'],
      ['calm wvae', 'Calm Wave'],
    ];
    for (const [typo, title] of cases) {
      expect((await titles(typo))[0], typo).toBe(title);
      expect((await titles(`${typo} `))[0], `${typo} (finished)`).toBe(title);
    }
  });

  it('also finds the notes that use the corrected word, and marks it in their snippets', async () => {
    const { hits } = (await engine.query('consenus', 10))!;
    expect(hits.map((hit) => hit.title)).toEqual(expect.arrayContaining(['Consensus', 'Consensus Protocols Digest', 'Raft Log']));
    expect(hits.find((hit) => hit.title === 'Raft Log')!.snippet).toContain('<mark>consensus</mark>');
    expect(hits[0]!.titleHtml).toBe('<mark>Consensus</mark>');
  });

  it('ranks notes with the word as typed above notes found through a correction', async () => {
    const found = await titles('kubernetz');
    expect(found[0]).toBe('Typo Archive');
    expect(found.slice(1)).toEqual(expect.arrayContaining(['Kubernetes', 'Cluster Operations']));
    expect(found[1]).toBe('Kubernetes');
  });

  it('leaves known words alone, and does not correct short words or numbers', async () => {
    // "tide" is a word of the garden: no note about "tidy" or "time" comes with it.
    expect(new Set((await titles('tide ', 30)).map((title) => title.replace(/ \d+$/, '')))).toEqual(new Set(['Tide']));
    expect(await titles('wav ')).toEqual([]);
    expect(await titles('4242 ')).toEqual([]);
  });

  it('loads the vocabulary once, after the manifest, and nothing before the first query', async () => {
    const fresh = createEngine();
    expect(requested).toEqual([]);
    await fresh.query('consenus', 10);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as SearchManifest;
    expect(requested[0]).toBe('manifest.json');
    expect(requested.filter((file) => file === manifest.vocabulary)).toHaveLength(1);
    requested.length = 0;
    await fresh.query('framwork', 10);
    expect(requested.filter((file) => file.startsWith('vocabulary.'))).toEqual([]);
  });
});

describe('ranking', () => {
  it('puts the note whose title is the query first, above notes saying it more often', async () => {
    expect((await titles('consensus'))[0]).toBe('Consensus');
    expect((await titles('kubernetes '))[0]).toBe('Kubernetes');
    expect((await titles('framework'))[0]).toBe('Framework');
    // Then the title that starts with the query, then the notes that only say it.
    expect((await titles('calm wave')).slice(0, 3)).toEqual(['Calm Wave', 'Calm Wave Theory', 'Ocean Swell Log']);
    expect((await titles('Calm Wave '))[0]).toBe('Calm Wave');
  });

  it('weighs a title above any number of headings and body hits, and completes the title being typed', async () => {
    const found = await titles('raft');
    expect(found[0]).toBe('Raft Log');
    expect((await titles('calm wa')).slice(0, 2)).toEqual(['Calm Wave', 'Calm Wave Theory']);
  });

  it('is deterministic: the same query gives the same hits in the same order', async () => {
    const again = createEngine();
    for (const query of ['wave', 'consenus', 'calm wave', 'kubernetz']) {
      expect((await again.query(query, 30))!.hits).toEqual((await engine.query(query, 30))!.hits);
    }
  });
});

describe('pages', () => {
  it('gives the total and the next page on demand, continuing the first', async () => {
    const first = (await engine.query('wave', 10))!;
    expect(first.total).toBe(waveNotes);
    expect(first.hits).toHaveLength(10);
    const second = (await engine.query('wave', 10, { offset: 10 }))!;
    const last = (await engine.query('wave', 10, { offset: 20 }))!;
    expect(second.total).toBe(waveNotes);
    expect(last.hits).toHaveLength(waveNotes - 20);
    const all = (await engine.query('wave', 100))!.hits.map((hit) => hit.id);
    expect([...first.hits, ...second.hits, ...last.hits].map((hit) => hit.id)).toEqual(all);
    expect(new Set(all).size).toBe(waveNotes);
  });
});
