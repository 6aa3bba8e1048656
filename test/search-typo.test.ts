import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../src/search/build-vocabulary.ts';
import { listVocabularyWords } from '../src/search/list-vocabulary-words.ts';
import { packEntries } from '../src/search/kept-postings.ts';
import type { SearchPostingEntry, SearchVocabulary } from '../src/shared/types.ts';
import { createEncoder } from '../src/shared/search/create-encoder.ts';
import { toNameKey } from '../src/shared/search/to-name-key.ts';
import { toEditDistance } from '../web/search/lib/edit-distance.ts';
import { findCorrections } from '../web/search/lib/find-corrections.ts';
import type { QueryTerm } from '../web/search/lib/query-terms.ts';

const exact = (term: string): QueryTerm => ({ term, prefix: false, cjk: false });
const prefix = (term: string): QueryTerm => ({ term, prefix: true, cjk: false });

describe('toEditDistance', () => {
  it('counts inserted, deleted, changed and swapped letters', () => {
    expect(toEditDistance('consenus', 'consensus', 2)).toBe(1);
    expect(toEditDistance('framwork', 'framework', 2)).toBe(1);
    expect(toEditDistance('kubrnetz', 'kubernetes', 2)).toBe(3);
    expect(toEditDistance('qourum', 'quorum', 2)).toBe(1);
    expect(toEditDistance('congestoin', 'congestion', 2)).toBe(1);
    expect(toEditDistance('latency', 'latency', 2)).toBe(0);
  });

  it('stops at max + 1', () => {
    expect(toEditDistance('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(toEditDistance('ab', 'abcdefgh', 2)).toBe(3);
  });

  it('measures a word being typed against the closest start of the word', () => {
    expect(toEditDistance('framw', 'framework', 1, true)).toBe(1);
    expect(toEditDistance('kubernets', 'kubernetes', 1, true)).toBe(1);
    expect(toEditDistance('consen', 'consensus', 1, true)).toBe(0);
    expect(toEditDistance('xonsen', 'consensus', 1, true)).toBe(1);
    expect(toEditDistance('xynsen', 'consensus', 1, true)).toBe(2);
  });
});

describe('findCorrections', () => {
  const vocabulary: SearchVocabulary = {
    version: 1,
    tiers: [
      ['consensus', 'framework', 'kubernetes', 'winds'],
      ['consensual', 'frameworks', 'window'],
      ['conses', 'widow', 'windows'],
    ],
  };

  it('corrects an unknown word to the closest words, title words first on a tie', () => {
    expect(findCorrections(exact('consenus'), vocabulary, 3)).toEqual([
      { term: 'consensus', distance: 1, tier: 0 },
      { term: 'conses', distance: 2, tier: 2 },
    ]);
    expect(findCorrections(exact('windw'), vocabulary, 3)).toEqual([
      { term: 'winds', distance: 1, tier: 0 },
      { term: 'window', distance: 1, tier: 1 },
    ]);
    expect(findCorrections(exact('consenus'), vocabulary, 1)).toEqual([{ term: 'consensus', distance: 1, tier: 0 }]);
  });

  it('allows one wrong letter up to 6 letters and two from 7', () => {
    expect(findCorrections(exact('wndw'), vocabulary, 3)).toEqual([]);
    expect(findCorrections(exact('frmewrk'), vocabulary, 3).map((c) => c.term)).toEqual(['framework']);
  });

  it('completes a word being typed through a wrong letter, shorter words first', () => {
    expect(findCorrections(prefix('framw'), vocabulary, 3).map((c) => c.term)).toEqual(['framework', 'frameworks']);
  });

  it('leaves alone words of the vocabulary, starts of them being typed, short words, numbers and CJK', () => {
    expect(findCorrections(exact('window'), vocabulary, 3)).toEqual([]);
    expect(findCorrections(prefix('kuber'), vocabulary, 3)).toEqual([]);
    expect(findCorrections(exact('wid'), vocabulary, 3)).toEqual([]);
    expect(findCorrections(exact('window2'), vocabulary, 3)).toEqual([]);
    expect(findCorrections({ term: '分布', prefix: false, cjk: true }, vocabulary, 3)).toEqual([]);
  });
});

describe('the vocabulary', () => {
  const entry = (term: string, ...notes: number[]): SearchPostingEntry => [term, [notes]];

  it('lists words commonest first, counting notes over the given fields, from a minimum', () => {
    const title = [entry('raft', 1), entry('paxos', 2)];
    const aliases = [entry('paxos', 3)];
    expect(listVocabularyWords(1, packEntries(title), packEntries(aliases))).toEqual(['paxos', 'raft']);
    expect(listVocabularyWords(2, packEntries(title), packEntries(aliases))).toEqual(['paxos']);
  });

  it('keeps title words, then headings, then common body words, each word once, without numbers or CJK', () => {
    const vocabulary = buildVocabulary(
      [
        ['raft', 'paxos', 'v2', 'go'],
        ['raft', 'election'],
        ['leader', 'term', '2024', '分布', 'raft'],
      ],
      100,
    );
    expect(vocabulary).toEqual({ version: 1, tiers: [['paxos', 'raft'], ['election'], ['leader', 'term']] });
  });

  it('cuts the lowest tier first when capped', () => {
    expect(buildVocabulary([['raft', 'paxos'], ['election', 'quorum'], ['leader']], 3).tiers).toEqual([['paxos', 'raft'], ['election'], []]);
  });
});

describe('toNameKey', () => {
  it('encodes a title into its words joined by spaces, as the index and the query both do', () => {
    const encoder = createEncoder();
    expect(toNameKey('Calm  Wave!', encoder)).toBe('calm wave');
    expect(toNameKey('CAFÉ — Wave 2024', encoder)).toBe('cafe wave 2024');
    expect(toNameKey('--', encoder)).toBe('');
    expect(toNameKey(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '), encoder)).toBe('');
  });
});
