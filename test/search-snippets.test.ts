/**
 * What a search hit and a backlink show of a note's text, through `trellis build` and the built
 * `_search/` files read by the browser's search engine: a `# h1` repeating the title (which the page
 * leaves out) is not the snippet's start, and math reads as math, between its dollar signs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine, type SearchEngine } from '../web/search/lib/create-search-engine.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');

const garden = {
  // The page leaves out the `# Raft` line: so does the snippet, though the note matches in it.
  'Raft.md': '# Raft\n\nRaft elects one leader per term and replicates its log.\n',
  // Title from the frontmatter, the h1 in other case: still the title, still left out.
  'Notes/Paxos Made Simple.md': '---\ntitle: Paxos Made Simple\n---\n# paxos made simple\n\nPaxos chooses one value among proposers.\n',
  // An h1 that is not the title stays: the page shows it.
  'Gossip.md': '# Overview\n\nGossip spreads rumours among peers.\n',
  // An h2 repeating the title stays: the page shows it.
  'Quorum.md': '## Quorum\n\nA quorum intersects every other quorum.\n',
  "Little's Law.md":
    'Items waiting on average: $L = \\lambda W$ for a stable queue, as [[Raft]] notes.\n\n$$\n\\frac{L}{\\lambda} = W\n$$\n\nA closing line about arrivals.\n',
};

let out: string;
let engine: SearchEngine;

const hit = async (query: string, title: string) => {
  const hits = (await engine.query(query, 10))?.hits ?? [];
  const found = hits.find((h) => h.title === title);
  if (!found) throw new Error(`no hit "${title}" for "${query}": ${hits.map((h) => h.title).join(', ')}`);
  return found;
};

beforeAll(() => {
  const root = makeGarden(garden);
  out = path.join(tempDir(), 'dist');
  const built = spawnSync(process.execPath, [bin, 'build', root, '--out', out, '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() },
  });
  expect(built.status, built.stderr).toBe(0);
  engine = createSearchEngine(async (file) => readFileSync(path.join(out, '_search', file), 'utf8'));
}, 120_000);

describe('search snippets', () => {
  it('leave out an h1 that repeats the title, as the page does', async () => {
    expect((await hit('raft', 'Raft')).snippet).toBe('<mark>Raft</mark> elects one leader per term and replicates its log.');
    expect((await hit('paxos', 'Paxos Made Simple')).snippet).toBe('<mark>Paxos</mark> chooses one value among proposers.');
    // The page leaves the same heading out.
    expect(readFileSync(path.join(out, 'raft/index.html'), 'utf8')).not.toMatch(/<h1[^>]*>Raft<\/h1>\s*<p>/);
  });

  it('keep an h1 other than the title, and an h2 that repeats it', async () => {
    expect((await hit('overview', 'Gossip')).snippet).toBe('<mark>Overview</mark> Gossip spreads rumours among peers.');
    expect((await hit('intersects', 'Quorum')).snippet).toBe('Quorum A quorum <mark>intersects</mark> every other quorum.');
  });

  it('show math between its dollar signs', async () => {
    const snippet = (await hit('stable queue', "Little's Law")).snippet;
    expect(snippet).toContain('$L = \\lambda W$ for a <mark>stable</mark> <mark>queue</mark>');
    expect(snippet).toContain('$$\\frac{L}{\\lambda} = W$$');
  });
});

describe('backlink contexts', () => {
  it('show math between its dollar signs', () => {
    const page = readFileSync(path.join(out, 'raft/index.html'), 'utf8');
    expect(page).toContain('Items waiting on average: $L = \\lambda W$ for a stable queue, as');
  });
});
