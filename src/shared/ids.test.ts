import { describe, expect, it } from 'vitest';
import { slugByRules, slugifySegment, slugMaker, toSlug } from './ids.ts';
import type { NoteId } from './types.ts';

describe('slugMaker', () => {
  it('gives every id the URL toSlug gives it, its folders made once', () => {
    const ids = [
      'Index',
      'Distributed Systems/Raft',
      'Distributed Systems/Raft Log',
      'Distributed Systems/Consensus/Paxos (Made Simple)',
      'distributed systems/Raft',
      'Linux Internals/Ünïcode & Friends/epoll_wait',
      'Linux Internals/Ünïcode & Friends/Ñame',
      '日本語/ノート',
      '.hidden/..dots../--x--',
      'a/b/c/d/e',
      'a/b/c/d/f',
    ] as NoteId[];
    const slugOf = slugMaker();
    for (const id of [...ids, ...ids]) expect(slugOf(id)).toBe(toSlug(id));
  });
});

describe('slugifySegment', () => {
  it('gives an ASCII segment, in one pass, what the rules give it', () => {
    // Letters, digits, the kept punctuation, dashes, dots, spaces, underscores and every other ASCII character, at random.
    const alphabet = 'aZz09-._~ _\t\n!"#$%&\'()*+,/:;<=>?@[\\]^`{|}\u0000\u001f\u007f';
    let seed = 20261126;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      expect([s, slugifySegment(s)]).toEqual([s, slugByRules(s)]);
    }
    for (const s of ['Raft Log', '..dots..', '--x--', '.-.a.-.', 'a - b', 'Paxos (Made Simple)', '', '___', 'epoll_wait', 'C++ Notes', 'v1.2.3'])
      expect([s, slugifySegment(s)]).toEqual([s, slugByRules(s)]);
  });

  it('keeps letters of every script, as the rules do', () => {
    expect(slugifySegment('Ünïcode & Friends')).toBe('ünïcode-friends');
    expect(slugifySegment('日本語 ノート')).toBe('日本語-ノート');
    expect(slugifySegment('Cafe\u0301')).toBe(slugByRules('Cafe\u0301'));
  });
});
