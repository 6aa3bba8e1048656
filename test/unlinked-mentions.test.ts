/** Unlinked mentions: a note names another's title or alias without linking it. */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { makeGarden } from './helpers/garden.ts';
import type { Backlink, NoteId } from '../src/shared/types.ts';

describe('unlinked mentions', () => {
  it('finds titles and aliases named without a link, whole words, case-insensitive', async () => {
    const root = makeGarden({
      'Lamport Clocks.md': '---\naliases: [logical clocks]\n---\n# Lamport Clocks\n\nHappened-before.',
      'Raft.md': 'Raft orders events; unlike lamport clocks it needs a leader.\n\nSee also Logical Clocks.',
      'Paxos.md': 'Paxos links [[Lamport Clocks]] and names Lamport Clocks again.',
      'Other.md': 'Raftery is a name, not a note. Lamport clockwork neither.',
      'Draft.md': '---\npublish: false\n---\nLamport Clocks mentioned in a draft.',
    });
    const model = await buildGarden({ garden: root, noCache: true });
    const mentions = model.graph.unlinkedMentions.get('Lamport Clocks' as never)!;
    expect(mentions.map((m) => m.source)).toEqual(['Raft']);
    expect(mentions[0]!.context.slice(...mentions[0]!.highlight!)).toBe('lamport clocks');
    const raft = model.graph.unlinkedMentions.get('Raft' as never);
    expect(raft).toBeUndefined();
  });
});

describe('phrase trie', () => {
  it('finds overlapping and nested titles in one pass', async () => {
    const { buildPhraseIndex, mentionsIn } = await import('../src/graph/unlinked-mentions.ts');
    const index = buildPhraseIndex([
      { id: 'Page Cache' as never, title: 'Page Cache', aliases: [] },
      { id: 'Page Cache Writeback' as never, title: 'Page Cache Writeback', aliases: ['dirty writeback'] },
      { id: 'Cache' as never, title: 'Cache', aliases: [] },
    ]);
    const found = mentionsIn('x' as never, { title: 'X', url: '/x/' as never }, 'The page cache writeback path; dirty writeback too.', [], index);
    expect(found.map(([t, e]) => [t, e.context.slice(...e.highlight!)])).toEqual([
      ['Page Cache', 'page cache'],
      ['Page Cache Writeback', 'page cache writeback'],
      ['Cache', 'cache'],
    ]);
  });

  it('reports a target at its earliest mention, even when a later alias of it ends first', async () => {
    const { buildPhraseIndex, mentionsIn } = await import('../src/graph/unlinked-mentions.ts');
    const index = buildPhraseIndex([
      { id: 'T' as never, title: 'Vector Clock Skew', aliases: ['clock'] },
      { id: 'U' as never, title: 'Skew', aliases: [] },
    ]);
    const found = mentionsIn('x' as never, { title: 'X', url: '/x/' as never }, 'Vector clock skew, and a clock.', [], index);
    expect(found.map(([t, e]) => [t, e.context.slice(...e.highlight!)])).toEqual([
      ['T', 'Vector clock skew'],
      ['U', 'skew'],
    ]);
  });

  it('splits a phrase into the words the pattern finds, in one pass for ASCII (seeded random phrases)', async () => {
    const { phraseWords } = await import('../src/graph/unlinked-mentions.ts');
    const pattern = /[\p{L}\p{N}\p{M}_'-]+/gu;
    // Every ASCII character from space to `~`, and a few others (accents, a combining mark, the Kelvin sign, Greek, CJK).
    const alphabet = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), 'é', '\u0301', '\u212A', 'Σ', '日', '\t'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(random() * 24);
      // Mostly ASCII, as titles are; one phrase in four may hold the others.
      const pool = n % 4 === 0 ? alphabet.length : 95;
      const phrase = Array.from({ length }, () => alphabet[Math.floor(random() * pool)]!).join('');
      expect(phraseWords(phrase), JSON.stringify(phrase)).toEqual(phrase.toLowerCase().match(pattern) ?? []);
    }
    // The splitter itself: it fails if the one pass forgets to lower, or drops `'`, `-` or `_`.
    expect(phraseWords("Ext4 JOURNAL's write-back_path, (v2)")).toEqual(['ext4', "journal's", 'write-back_path', 'v2']);
  });

  it('lists a target once under a phrase its title and alias share, and leaves out phrases under four characters', async () => {
    const { buildPhraseIndex, mentionsIn } = await import('../src/graph/unlinked-mentions.ts');
    const index = buildPhraseIndex([
      { id: 'Raft' as never, title: 'Raft', aliases: ['RAFT', 'raft'] },
      { id: 'IO' as never, title: 'I/O', aliases: ['io'] },
    ]);
    expect(index.next?.get('raft')?.targets).toEqual(['Raft']);
    expect(index.next?.has('i')).toBe(false);
    const found = mentionsIn('x' as never, { title: 'X', url: '/x/' as never }, 'Raft does I/O.', [], index);
    expect(found.map(([t]) => t)).toEqual(['Raft']);
  });

  it('keeps each context as a string of its own, not a view of the text it was cut from', async () => {
    const { buildPhraseIndex, mentionsIn } = await import('../src/graph/unlinked-mentions.ts');
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const index = buildPhraseIndex([{ id: 'Page Cache' as never, title: 'Page Cache', aliases: [] }]);
    gc();
    const before = process.memoryUsage().heapUsed;
    // Eight 4 MB note texts, decoded from UTF-8 as the spill file's texts are, each mentioning the title.
    const found = Array.from({ length: 8 }, (_, i) => {
      const text = Buffer.concat([Buffer.from(`Reads go through the page cache, note ${i}.\n`), Buffer.alloc(4_000_000, 'filler words ')]).toString('utf8');
      return mentionsIn(`n${i}` as never, { title: `N${i}`, url: `/n${i}/` as never }, text, [], index);
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    expect(found.map((list) => list.map(([, e]) => e.context))[7]).toEqual(['Reads go through the page cache, note 7.']);
    // V8 may hold the last regular-expression subject (one text); the contexts must hold none.
    expect(kept).toBeLessThan(8_000_000);
  });
});

describe('a phrase index of the words a few texts hold', () => {
  // Titles and texts from the same seeded words: ASCII in any case, punctuation, and characters outside ASCII
  // (an accent, a combining mark, the Kelvin sign that lower-cases to `k`, dotted İ, Greek capital sigma).
  const vocabulary = [
    'page',
    'Cache',
    'RAFT',
    "journal's",
    'write-back',
    'io',
    'v2',
    'clock',
    'skew',
    'café',
    'e\u0301t\u00e9',
    '\u212Aelvin',
    'İstanbul',
    'ΣΟΦΙΑ',
    '日本',
    'x_y',
  ];
  const separators = [' ', ' ', ' ', ', ', '-', '/', '. ', '\n', "'", ' (', ') '];

  function seeded(seed: number): () => number {
    let s = seed;
    return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  }

  function phrase(random: () => number, words: number): string {
    let out = '';
    for (let i = 0; i < words; i++)
      out += (i ? separators[Math.floor(random() * separators.length)]! : '') + vocabulary[Math.floor(random() * vocabulary.length)]!;
    return random() < 0.3 ? out.toUpperCase() : out;
  }

  it('finds in those texts exactly what the whole index finds (300 seeded gardens)', async () => {
    const { buildPhraseIndex, findMentions, textWords } = await import('../src/graph/unlinked-mentions.ts');
    const random = seeded(11);
    let found = 0;
    let left = 0;
    for (let g = 0; g < 300; g++) {
      const targets = Array.from({ length: 2 + Math.floor(random() * 30) }, (_, i) => ({
        id: `n${i}` as never,
        title: phrase(random, 1 + Math.floor(random() * 3)),
        aliases: Array.from({ length: Math.floor(random() * 3) }, () => phrase(random, 1 + Math.floor(random() * 2))),
      }));
      const texts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => phrase(random, 5 + Math.floor(random() * 40)));
      const whole = buildPhraseIndex(targets);
      const partial = buildPhraseIndex(targets, textWords(texts));
      left += (whole.next?.size ?? 0) - (partial.next?.size ?? 0);
      for (const text of texts) {
        const linked = new Set([`n${Math.floor(random() * 5)}` as never]);
        const expected = findMentions(text, linked, whole);
        found += expected.size;
        expect([...findMentions(text, linked, partial)], JSON.stringify({ text, targets })).toEqual([...expected]);
      }
    }
    // Mentions were found, and phrases that cannot begin in the texts were left out.
    expect(found).toBeGreaterThan(300);
    expect(left).toBeGreaterThan(300);
  });

  it('gives each target the mentions of a few sources as of many (the whole index, each text read when scanned)', async () => {
    const { deriveUnlinkedMentions, buildPhraseIndex, fewSources } = await import('../src/graph/unlinked-mentions.ts');
    const random = seeded(5);
    const notes = Array.from({ length: 2 * fewSources }, (_, i) => ({
      id: `n${i}` as NoteId,
      title: phrase(random, 1 + Math.floor(random() * 2)),
      aliases: [],
    }));
    const text = new Map(notes.map((n) => [n.id, phrase(random, 60)]));
    const info = new Map(notes.map((n) => [n.id, { title: n.title, url: `/${n.id}/` as never }]));
    const asked: (ReadonlySet<string> | undefined)[] = [];
    const index = (among?: ReadonlySet<string>) => {
      asked.push(among);
      return buildPhraseIndex(notes, among);
    };
    const ids = notes.map((n) => n.id);
    const many = deriveUnlinkedMentions(ids, (id) => text.get(id)!, new Map(), info, index);
    // A few sources to scan (the others' mentions kept, as many gives them): the index of their words only.
    const few = new Set(ids.slice(0, fewSources));
    const perSource = new Map<NoteId, [NoteId, Backlink][]>();
    deriveUnlinkedMentions(ids, (id) => text.get(id)!, new Map(), info, index, {
      get: () => undefined,
      set: (id, found) => perSource.set(id, found),
    });
    const kept = {
      get: (id: NoteId) => (few.has(id) ? undefined : perSource.get(id)),
      set: () => undefined,
    };
    asked.length = 0;
    const fewScanned = deriveUnlinkedMentions(ids, (id) => text.get(id)!, new Map(), info, index, kept);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toBeInstanceOf(Set);
    expect([...fewScanned]).toEqual([...many]);
    expect([...many.values()].flat().length).toBeGreaterThan(50);
  });
});
