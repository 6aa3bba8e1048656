import { describe, expect, it } from 'vitest';
import { numberNotes } from '../src/search/number-notes.ts';
import { packRanges, unitOfKey } from '../src/search/pack-ranges.ts';
import type { NoteId, SearchShardRef } from '../src/shared/types.ts';
import { createEncoder } from '../src/shared/search/create-encoder.ts';
import { findMatches } from '../web/search/lib/find-matches.ts';
import { findPrefixTerms } from '../web/search/lib/find-prefix-terms.ts';
import { toQueryTerms, type QueryTerm } from '../web/search/lib/query-terms.ts';
import { rankDocs, type RankSettings, type TermPostings } from '../web/search/lib/rank-docs.ts';
import { routeShards } from '../web/search/lib/route-shards.ts';
import { toPrefixEnd } from '../web/search/lib/to-prefix-end.ts';
import { toSnippet } from '../web/search/lib/to-snippet.ts';

const encoder = createEncoder();
const exact = (term: string, cjk = false): QueryTerm => ({ term, prefix: false, cjk });
const prefix = (term: string, cjk = false): QueryTerm => ({ term, prefix: true, cjk });

describe('createEncoder', () => {
  it('lower-cases, folds diacritics and doubled letters, keeps numbers whole', () => {
    expect(encoder.encode('Café RÉPLICATION coffee 2024')).toEqual(['cafe', 'replication', 'cofe', '2024']);
  });

  it('turns CJK runs into bigrams and splits them from Latin letters', () => {
    expect(encoder.encode('分布式系统')).toEqual(['分布', '布式', '式系', '系统']);
    expect(encoder.encode('API接口 的')).toEqual(['api', '接口', '的']);
    // Voiced kana and the long-vowel mark ー stay whole; Hangul stays in syllables, not jamo.
    expect(encoder.encode('データベース')).toEqual(['デー', 'ータ', 'タベ', 'ベー', 'ース']);
    expect(encoder.encode('한국어 검색')).toEqual(['한국', '국어', '검색']);
  });

  it('keeps combining marks inside words (Devanagari vowel signs)', () => {
    expect(encoder.encode('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
  });

  it('is idempotent on the terms it produces, which index lookups rely on', () => {
    for (const term of encoder.encode('Replication café 分布式系统 データ 한국어 नमस्ते naïve Straße 2024 ﬁle')) {
      expect(encoder.encode(term)).toEqual([term]);
    }
  });
});

describe('toQueryTerms', () => {
  it('treats the last word as a prefix until a separator follows it', () => {
    expect(toQueryTerms('sort by du', encoder)).toEqual([exact('sort'), exact('by'), prefix('du')]);
    expect(toQueryTerms('sort by du ', encoder)).toEqual([exact('sort'), exact('by'), exact('du')]);
    expect(toQueryTerms('Rep', encoder)).toEqual([prefix('rep')]);
  });

  it('makes bigrams of CJK and a prefix of a single CJK character', () => {
    expect(toQueryTerms('分布式', encoder)).toEqual([exact('分布', true), exact('布式', true)]);
    expect(toQueryTerms('分', encoder)).toEqual([prefix('分', true)]);
  });

  it('drops duplicates and punctuation', () => {
    expect(toQueryTerms('rep, rep', encoder)).toEqual([prefix('rep')]);
    expect(toQueryTerms(' -- ', encoder)).toEqual([]);
  });
});

describe('toPrefixEnd', () => {
  it('gives the first string after every completion of the prefix', () => {
    expect(toPrefixEnd('rep')).toBe('req');
    expect(toPrefixEnd('a\uffff')).toBe('b');
    expect(toPrefixEnd('\uffff')).toBeUndefined();
  });
});

describe('routeShards', () => {
  const shards: SearchShardRef[] = ['', 'd', 'm', 'mo', 's'].map((first, i) => ({ file: `s${i}`, first }));

  it('sends an exact term to the one shard whose range holds it', () => {
    expect(routeShards('apple', false, shards)).toEqual([0]);
    expect(routeShards('d', false, shards)).toEqual([1]);
    expect(routeShards('mz', false, shards)).toEqual([3]);
    expect(routeShards('zebra', false, shards)).toEqual([4]);
  });

  it('sends a prefix to the contiguous shards its range spans', () => {
    expect(routeShards('m', true, shards)).toEqual([2, 3]);
    expect(routeShards('mo', true, shards)).toEqual([3]);
    expect(routeShards('c', true, shards)).toEqual([0]);
    expect(routeShards('', true, shards)).toEqual([0, 1, 2, 3, 4]);
    expect(routeShards('x', true, [])).toEqual([]);
  });
});

describe('findPrefixTerms', () => {
  const terms = ['re', 'rep', 'repl', 'replication', 'reply', 'res'];

  it('finds the completions in a sorted list, keeping the shortest when capped', () => {
    expect(findPrefixTerms(terms, 'rep', 10)).toEqual(['rep', 'repl', 'replication', 'reply']);
    expect(findPrefixTerms(terms, 'rep', 3)).toEqual(['rep', 'repl', 'reply']);
    expect(findPrefixTerms(terms, 'x', 10)).toEqual([]);
  });
});

describe('findMatches and toSnippet', () => {
  it('marks whole words for Latin terms and prefixes, and the matched characters in CJK', () => {
    const text = 'Replicated CAFÉ data; 分布式系统 works.';
    const ranges = findMatches(text, [prefix('repl'), exact('cafe'), exact('分布', true), exact('布式', true)], encoder);
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(['Replicated', 'CAFÉ', '分布式']);
    expect(ranges.map((range) => range.terms)).toEqual([0b1, 0b10, 0b1100]);
  });

  it('cuts around the place where the most distinct terms meet', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20);
    const text = `alpha early. ${filler}here alpha and beta together. ${filler}`;
    const snippet = toSnippet(text, [exact('alpha'), exact('beta')], encoder, { length: 80, scan: true });
    expect(snippet).toMatch(/^….*<mark>alpha<\/mark> and <mark>beta<\/mark> together\..*…$/);
    expect(snippet).not.toContain('early');
  });

  it('shows the start of the text, unmarked, when the body did not match', () => {
    expect(toSnippet('Some <b>text</b> here', [exact('text')], encoder, { length: 80, scan: false })).toBe('Some &lt;b&gt;text&lt;/b&gt; here');
  });
});

describe('rankDocs', () => {
  const settings: RankSettings = {
    docCount: 10,
    numberSpace: 10,
    headingStride: 10,
    resolution: { title: 3, aliases: 3, headings: 3, tags: 1, body: 3, names: 1 },
    weights: { title: 10, aliases: 8, headings: 5, tags: 3, body: 1, names: 10 },
    limit: 10,
  };

  it('puts a title match above a body match, and notes matching more terms first', () => {
    const terms: TermPostings[] = [
      {
        query: exact('alpha'),
        postings: [
          { field: 'body', term: 'alpha', slots: [[1, 2]] },
          { field: 'title', term: 'alpha', slots: [[3]] },
        ],
      },
      { query: exact('beta'), postings: [{ field: 'body', term: 'beta', slots: [null, null, [2]] }] },
    ];
    const ranked = rankDocs(terms, [], settings).docs;
    expect(ranked.map((doc) => [doc.doc, doc.matchedTerms])).toEqual([
      [2, 2],
      [3, 1],
      [1, 1],
    ]);
    expect(ranked[0]!.bodyMatched).toBe(true);
    expect(ranked[1]!.bodyMatched).toBe(false);
  });

  it('prefers the completion closer to what was typed', () => {
    const { docs: ranked } = rankDocs(
      [
        {
          query: prefix('rep'),
          postings: [
            { field: 'title', term: 'replication', slots: [[1]] },
            { field: 'title', term: 'repo', slots: [[2]] },
          ],
        },
      ],
      [],
      settings,
    );
    expect(ranked.map((doc) => doc.doc)).toEqual([2, 1]);
  });

  it('returns the heading matching most terms, unless the title matches as many', () => {
    const terms: TermPostings[] = [
      {
        query: exact('urgency'),
        postings: [
          { field: 'title', term: 'urgency', slots: [[4]] },
          { field: 'headings', term: 'urgency', slots: [[41, 43, 52]] },
        ],
      },
      { query: exact('score'), postings: [{ field: 'headings', term: 'score', slots: [[43]] }] },
    ];
    const ranked = rankDocs(terms, [], settings).docs;
    expect(ranked.find((doc) => doc.doc === 4)?.heading).toBe(3);
    expect(ranked.find((doc) => doc.doc === 5)?.heading).toBe(2);
    const titleOnly = rankDocs([terms[0]!], [], settings).docs;
    expect(titleOnly.find((doc) => doc.doc === 4)?.heading).toBeUndefined();
  });

  it('keeps only the best `limit` notes', () => {
    const ids = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const terms: TermPostings[] = [{ query: exact('x'), postings: [{ field: 'body', term: 'x', slots: [ids.slice(5), ids.slice(0, 5)] }] }];
    const ranked = rankDocs(terms, [], { ...settings, limit: 3 });
    expect(ranked.docs.map((doc) => doc.doc)).toEqual([5, 6, 7]);
    expect(ranked.total).toBe(10);
    // The next page goes on where this one ended.
    const next = rankDocs(terms, [], { ...settings, limit: 3, offset: 3 });
    expect(next.docs.map((doc) => doc.doc)).toEqual([8, 9, 0]);
    expect(next.total).toBe(10);
  });
});

describe('packRanges', () => {
  const render = (items: readonly string[]) => (from: number, to: number) => items.slice(from, to).join('');
  let seed = 11;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const sizes = Array.from({ length: 3000 }, () => 10 + Math.floor(random() * 190));
  const keys = sizes.map((_, i) => `term-${i}`);
  const cut = (sizes: readonly number[], keys: readonly string[]) =>
    packRanges(
      sizes,
      (i) => unitOfKey(keys[i]!),
      1_000,
      1_000_000,
      () => '',
    ).map((range) => keys.slice(range.from, range.to).join(' '));

  it('fills files to the target on average, cutting where the items say', () => {
    const files = cut(sizes, keys);
    const mean = sizes.reduce((sum, size) => sum + size, 0) / files.length;
    expect(mean).toBeGreaterThan(700);
    expect(mean).toBeLessThan(1_500);
    // Every item is in exactly one file, in order.
    expect(files.join(' ')).toBe(keys.join(' '));
  });

  it('changes only the file of an item that grows, shrinks, comes or goes, and seldom the next ones', () => {
    const before = new Set(cut(sizes, keys));
    // Files whose items are not those of a file before (a grown item's own file is not counted: its bytes change anyway).
    const changed = (after: readonly string[]) => after.filter((file) => !before.has(file)).length;
    const counts: number[] = [];
    for (let i = 1; i < sizes.length; i += 97) {
      counts.push(
        changed(
          cut(
            sizes.map((size, j) => (j === i ? size + 60 : size)),
            keys,
          ),
        ),
      );
      counts.push(
        changed(
          cut(
            sizes.map((size, j) => (j === i ? 5 : size)),
            keys,
          ),
        ),
      );
      counts.push(changed(cut([...sizes.slice(0, i), ...sizes.slice(i + 1)], [...keys.slice(0, i), ...keys.slice(i + 1)])));
      counts.push(changed(cut([...sizes.slice(0, i), 100, ...sizes.slice(i)], [...keys.slice(0, i), 'new', ...keys.slice(i)])));
    }
    // A cut that moves is made again by the next file's own items, most often at once.
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    expect(counts.reduce((sum, count) => sum + count, 0) / counts.length).toBeLessThan(1.5);
  });

  it('halves files whose gzipped size is over budget, and flags a single item that stays over', () => {
    let seed = 7;
    const noise = (length: number) => Array.from({ length }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
    const items = [noise(1500), noise(1500), noise(1500), noise(1500), noise(5000)];
    const packed = packRanges(
      items.map((item) => item.length),
      (i) => unitOfKey(`item-${i}`),
      100_000,
      2_000,
      render(items),
    );
    expect(packed.map((range) => [range.from, range.to])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(packed.map((range) => range.overBudget)).toEqual([false, false, false, false, true]);
  });
});

describe('numberNotes', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `folder ${i % 7}/note ${i}` as NoteId);

  it('gives each note its own number below a power of two of at least twice the notes, whatever their order', () => {
    const { numbers, space } = numberNotes(ids);
    expect(space).toBe(2048);
    expect(new Set(numbers).size).toBe(ids.length);
    expect(numbers.every((n) => Number.isInteger(n) && n >= 0 && n < space)).toBe(true);
    const reversed = numberNotes([...ids].reverse());
    expect(reversed.numbers).toEqual([...numbers].reverse());
    expect(numberNotes([]).space).toBe(64);
    expect(numberNotes([...ids, ...ids.slice(0, 24).map((id) => `${id} b` as NoteId)]).space).toBe(2048);
    expect(numberNotes([...ids, ...ids.slice(0, 25).map((id) => `${id} b` as NoteId)]).space).toBe(4096);
  });

  it('takes the numbers a build gave the same notes, and numbers a changed set of notes anew', () => {
    const before = numberNotes(ids);
    const known = new Map(ids.map((id, i) => [id, { number: before.numbers[i]! }]));
    const shuffled = [...ids].reverse();
    expect(numberNotes(shuffled, known)).toEqual(numberNotes(shuffled));
    // One note renamed: the set is another, numbered as a build from nothing numbers it (not from `known`).
    const renamed = [...ids.slice(1), 'renamed note' as NoteId];
    expect(numberNotes(renamed, known)).toEqual(numberNotes(renamed));
    // Taken as known, not computed again (the kept postings are checked by their hash and code before they are read):
    // two notes' numbers swapped come back swapped. One outside the space is not taken.
    const swapped = new Map(known);
    swapped.set(ids[0]!, { number: before.numbers[1]! });
    swapped.set(ids[1]!, { number: before.numbers[0]! });
    expect(numberNotes(ids, swapped).numbers.slice(0, 2)).toEqual([before.numbers[1], before.numbers[0]]);
    const outside = new Map(known);
    outside.set(ids[0]!, { number: 4096 });
    expect(numberNotes(ids, outside)).toEqual(before);
  });

  it('keeps the other notes on their numbers, but for about one, when a note comes or goes', () => {
    const before = numberNotes(ids);
    const numberOf = new Map(ids.map((id, i) => [id, before.numbers[i]]));
    const moved: number[] = [];
    for (let k = 0; k < 50; k++) {
      const added = [...ids, `new note ${k}` as NoteId];
      const after = numberNotes(added).numbers;
      moved.push(ids.filter((id, i) => after[i] !== numberOf.get(id)).length);
      const without = ids.filter((_, i) => i !== k * 17);
      const left = numberNotes(without).numbers;
      moved.push(without.filter((id, i) => left[i] !== numberOf.get(id)).length);
    }
    // Half full: a note moves when the newcomer takes its number or a removed note frees one before it.
    expect(moved.reduce((sum, count) => sum + count, 0) / moved.length).toBeLessThan(1.5);
    expect(Math.max(...moved)).toBeLessThan(25);
  });
});
