import { describe, expect, it } from 'vitest';
import { packRanges } from '../src/search/pack-ranges.ts';
import type { SearchShardRef } from '../src/shared/types.ts';
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

  it('fills files up to the target size', () => {
    const items = ['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee'];
    const packed = packRanges(
      items.map((item) => item.length),
      8,
      1_000_000,
      render(items),
    );
    expect(packed.map((range) => [range.from, range.to, range.contents])).toEqual([
      [0, 2, 'aaaabbbb'],
      [2, 4, 'ccccdddd'],
      [4, 5, 'eeee'],
    ]);
  });

  it('halves files whose gzipped size is over budget, and flags a single item that stays over', () => {
    let seed = 7;
    const noise = (length: number) => Array.from({ length }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
    const items = [noise(1500), noise(1500), noise(1500), noise(1500), noise(5000)];
    const packed = packRanges(
      items.map((item) => item.length),
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
