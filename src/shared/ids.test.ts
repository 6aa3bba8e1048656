import { describe, expect, it } from 'vitest';
import { slugMaker, toSlug } from './ids.ts';
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
