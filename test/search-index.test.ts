import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type Options } from '../src/search/index.ts';
import { indexField } from '../src/search/index-fields.ts';
import { toSettings } from '../src/search/options.ts';
import type { NoteId, SearchArtifacts, SearchDoc, SearchManifest, SearchPostingsShard, Slug } from '../src/shared/types.ts';
import { createSearchEngine } from '../web/search/lib/create-search-engine.ts';
import { fixtureFiles, makeFixtureDoc } from './search-make-docs.ts';

const cjkDoc: SearchDoc = {
  id: 'Notes/分布式系统' as NoteId,
  url: '/notes/分布式系统/' as Slug,
  title: '系统设计笔记',
  aliases: [],
  headings: [{ text: '数据复制', id: '数据复制' }],
  tags: ['架构'],
  body: '分布式系统是由多台计算机通过网络协作组成的系统。数据复制可以提高可用性，但会带来一致性问题。データベースの検索も速い。',
};

const docs: SearchDoc[] = [
  ...fixtureFiles.map((path) =>
    // An extra alias whose word appears nowhere else, to prove aliases are searched.
    path === 'Advanced/Urgency.md' ? makeFixtureDoc(path, { aliases: ['Dringlichkeit'] }) : makeFixtureDoc(path),
  ),
  cjkDoc,
];

/** Serve built files from memory, recording which ones the engine asked for, in order. */
function serve(artifacts: SearchArtifacts) {
  const files = new Map(artifacts.files.map((file) => [file.path.replace(/^_search\//, ''), String(file.contents)]));
  const requested: string[] = [];
  const paged = createSearchEngine(async (file) => {
    requested.push(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`no such file ${file}`);
    return text;
  });
  // The first page's hits: what these tests look at.
  const engine = { query: async (query: string, limit: number) => (await paged.query(query, limit))?.hits };
  const manifest = JSON.parse(files.get('manifest.json')!) as SearchManifest;
  return { engine, files, requested, manifest };
}

function build(options?: Options) {
  return serve(buildSearchIndex(docs, options));
}

describe('buildSearchIndex + search engine on real notes', () => {
  const { engine } = build();

  it('finds a word that only occurs in one body, with a <mark>ed snippet cut around it', async () => {
    const hits = await engine.query('lookahead ', 10);
    expect(hits?.map((hit) => hit.id)).toEqual(['Queries/Regular Expressions']);
    const [hit] = hits!;
    expect(hit!.url).toBe('/queries/regular-expressions/');
    expect(hit!.title).toBe('Regular Expressions');
    expect(hit!.snippet).toContain('<mark>Lookahead</mark>');
    // The word is 150 lines into the note: the snippet is a cut, not the note's start.
    expect(hit!.snippet.startsWith('…')).toBe(true);
    expect(hit!.snippet.length).toBeLessThan(400);
    expect(hit!.heading).toBeUndefined();
  });

  it('matches prefixes of the word being typed', async () => {
    const hits = await engine.query('lookah', 10);
    expect(hits?.[0]?.id).toBe('Queries/Regular Expressions');
    expect(hits?.[0]?.snippet).toContain('<mark>Lookahead</mark>');
    // A finished word (followed by a space) is not a prefix.
    expect(await engine.query('lookah ', 10)).toEqual([]);
  });

  it('ranks a title match above body matches', async () => {
    const hits = (await engine.query('urgency', 10))!;
    const ids = hits.map((hit) => hit.id);
    expect(ids[0]).toBe('Advanced/Urgency');
    // The body-only mentions are found too, after it.
    expect(ids).toEqual(expect.arrayContaining(['Queries/Sorting', 'Queries/Filters', 'Queries/Grouping', 'Advanced/Styling']));
    expect(hits[0]!.titleHtml).toBe('<mark>Urgency</mark>');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('finds a note by an alias', async () => {
    expect(docs.filter((doc) => doc.body.toLowerCase().includes('dringlichkeit'))).toEqual([]);
    const hits = await engine.query('dringlich', 10);
    expect(hits?.map((hit) => hit.id)).toEqual(['Advanced/Urgency']);
    const backlink = await engine.query('Backlink', 10);
    expect(backlink?.[0]?.id).toBe('Queries/Backlinks');
  });

  it('returns the id of the heading a query hits', async () => {
    const hits = await engine.query('urgency score ignores status', 10);
    expect(hits?.[0]?.id).toBe('Advanced/Urgency');
    expect(hits?.[0]?.heading).toEqual({ text: 'Urgency score ignores task status', id: 'urgency-score-ignores-task-status' });
  });

  it('finds CJK text by a part of a word, and by a single character', async () => {
    const hits = await engine.query('分布式', 10);
    expect(hits?.map((hit) => hit.id)).toEqual(['Notes/分布式系统']);
    expect(hits?.[0]?.snippet).toContain('<mark>分布式</mark>系统');
    expect((await engine.query('可用', 10))?.map((hit) => hit.id)).toEqual(['Notes/分布式系统']);
    expect((await engine.query('协', 10))?.map((hit) => hit.id)).toEqual(['Notes/分布式系统']);
    const japanese = await engine.query('データ', 10);
    expect(japanese?.map((hit) => hit.id)).toEqual(['Notes/分布式系统']);
    expect(japanese?.[0]?.snippet).toContain('<mark>データ</mark>ベース');
    const heading = await engine.query('复制', 10);
    expect(heading?.[0]?.heading).toEqual({ text: '数据复制', id: '数据复制' });
    expect(await engine.query('分布式数据库', 10)).toEqual(
      // 据库 is not in the text: notes matching only some bigrams still come, after full matches (none here).
      expect.arrayContaining([expect.objectContaining({ id: 'Notes/分布式系统' })]),
    );
  });

  it('escapes HTML from the note text in snippets and titles', async () => {
    const { engine: tagged } = serve(
      buildSearchIndex([{ ...cjkDoc, id: 'a' as NoteId, title: 'Use <b> tags', body: 'Write <script>alert(1)</script> & marvel.', headings: [] }]),
    );
    const [hit] = (await tagged.query('marvel', 10))!;
    expect(hit!.snippet).toBe('Write &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>marvel</mark>.');
    expect(hit!.titleHtml).toBe('Use &lt;b&gt; tags');
  });

  it('builds an empty garden into a manifest that answers nothing', async () => {
    const empty = serve(buildSearchIndex([]));
    expect([...empty.files.keys()]).toEqual(['manifest.json']);
    expect(await empty.engine.query('anything', 10)).toEqual([]);
  });

  it('returns nothing for an empty query without loading anything', async () => {
    const served = build();
    expect(await served.engine.query('  ', 10)).toEqual([]);
    expect(served.requested).toEqual([]);
  });
});

describe('sharding', () => {
  it('loads only the manifest, the shards holding the query terms and the docs chunks of the hits', async () => {
    const { engine, files, requested, manifest } = build({ targetShardBytes: 1_500, targetDocsChunkBytes: 2_000 });
    expect(manifest.groups.fields.length).toBeGreaterThan(5);
    expect(manifest.groups.body.length).toBeGreaterThan(20);

    const hits = (await engine.query('urgency ', 3))!;
    expect(requested[0]).toBe('manifest.json');
    const shards = requested.filter((file) => /^(fields|body)-/.test(file));
    const chunks = requested.filter((file) => file.startsWith('docs-'));
    // An exact term lives in exactly one shard per group, and that shard holds it.
    expect(shards.filter((file) => file.startsWith('fields-'))).toHaveLength(1);
    expect(shards.filter((file) => file.startsWith('body-'))).toHaveLength(1);
    for (const file of shards) expect(termsOf(files.get(file)!)).toContain('urgency');
    // Docs chunks are fetched only for the hits shown.
    expect(chunks.length).toBeGreaterThan(0);
    for (const file of chunks) {
      const chunk = JSON.parse(files.get(file)!) as { docs: ({ id: string } | null)[] };
      expect(chunk.docs.some((doc) => hits.some((hit) => hit.id === doc?.id))).toBe(true);
    }
    // And the vocabulary, once, which misspelt words are corrected against.
    expect(requested.filter((file) => file.startsWith('vocabulary.'))).toEqual([manifest.vocabulary]);
    expect(requested).toHaveLength(1 + 1 + 2 + chunks.length);

    // A prefix loads the few shards its range spans, and they hold every completion there is.
    requested.length = 0;
    await engine.query('sor', 10);
    const prefixShards = requested.filter((file) => /^(fields|body)-/.test(file));
    const everyShard = [...manifest.groups.fields, ...manifest.groups.body].map((ref) => ref.file);
    const holding = everyShard.filter((file) => termsOf(files.get(file)!).some((term) => term.startsWith('sor')));
    expect(holding.length).toBeGreaterThan(0);
    const loadedSoFar = new Set([...shards, ...prefixShards]);
    for (const file of holding) expect(loadedSoFar.has(file)).toBe(true);
    expect(prefixShards.length).toBeLessThanOrEqual(4);

    // Loaded shards are kept: asking again fetches nothing.
    requested.length = 0;
    await engine.query('urgency ', 3);
    expect(requested).toEqual([]);
  });

  it('gives the same results however the index is cut', async () => {
    const small = build({ targetShardBytes: 1_500, targetDocsChunkBytes: 1_000 });
    const large = build();
    for (const query of ['urgency', 'sort by due', 'regular expr', 'Backlink', '分布', 'dataview query']) {
      const a = (await small.engine.query(query, 10))!.map((hit) => [hit.id, hit.heading?.id, hit.snippet]);
      const b = (await large.engine.query(query, 10))!.map((hit) => [hit.id, hit.heading?.id, hit.snippet]);
      expect(a, query).toEqual(b);
      expect(a.length, query).toBeGreaterThan(0);
    }
  });

  it('keeps every file under the gzip budget', () => {
    const artifacts = buildSearchIndex(docs);
    expect(artifacts.stats.overBudget).toEqual([]);
    for (const file of artifacts.files) {
      expect(file.path.startsWith('_search/'), file.path).toBe(true);
      expect(gzipSync(file.contents).length, file.path).toBeLessThanOrEqual(300_000);
    }
  });

  it('splits files until they fit a small budget, and reports what cannot be split', () => {
    const budget = 3_000;
    const artifacts = buildSearchIndex(docs, { maxShardGzipBytes: budget, targetShardBytes: 1_000_000, targetDocsChunkBytes: 1_000_000 });
    let over = 0;
    for (const file of artifacts.files) {
      const size = gzipSync(file.contents).length;
      if (size <= budget) continue;
      over++;
      // Only a file holding a single note (one long note body) may stay over, and it is reported.
      expect(artifacts.stats.overBudget, file.path).toContain(file.path);
      const parsed = JSON.parse(String(file.contents)) as { docs?: unknown[] };
      expect(parsed.docs, file.path).toHaveLength(1);
    }
    expect(over).toBe(artifacts.stats.overBudget.length);
    expect(artifacts.stats.postingsShards).toBeGreaterThan(2);
  });

  it("gives a note the same postings whatever was indexed before it (FlexSearch's encoder cache is off)", () => {
    // With the cache, a cached word skipped the folding of repeated terms, so `memmmory` after
    // `memmory` counted twice once an earlier note had warmed the cache, and later words moved slots.
    const note = (id: string, body: string): SearchDoc => ({ id: id as NoteId, url: `/${id}/` as Slug, title: id, aliases: [], headings: [], tags: [], body });
    const a = note('a', 'memmory memmmory leak one two three four five six seven eight nine');
    const warm = note('w', 'memmmory');
    const slots = ({ entries }: ReturnType<typeof indexField>, id: number) =>
      Object.fromEntries(entries.flatMap(([term, bySlot]) => bySlot.flatMap((ids, slot) => (ids?.includes(id) ? [[term, slot]] : []))));
    const alone = slots(indexField('body', [a], [0], 1, toSettings()), 0);
    expect(alone.four).toBe(1);
    expect(slots(indexField('body', [warm, a], [0, 1], 1, toSettings()), 1)).toEqual(alone);
  });

  it('is deterministic: the same notes in another order give the same files', () => {
    const a = buildSearchIndex(docs).files;
    const b = buildSearchIndex([...docs].reverse()).files;
    expect(b.map((file) => file.path)).toEqual(a.map((file) => file.path));
    expect(b.map((file) => file.contents)).toEqual(a.map((file) => file.contents));
  });
});

function termsOf(shardText: string): string[] {
  const shard = JSON.parse(shardText) as SearchPostingsShard;
  return Object.values(shard.fields).flatMap((entries) => entries.map((entry) => entry[0]));
}
