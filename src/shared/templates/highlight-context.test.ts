import { describe, expect, it } from 'vitest';
import { highlightContext } from './highlight-context.ts';

describe('highlightContext', () => {
  it('marks the link text', () => {
    expect(highlightContext('Start with Raft, then Paxos.', [11, 15])).toBe('Start with <mark>Raft</mark>, then Paxos.');
  });

  it('escapes the context, inside and outside the mark', () => {
    expect(highlightContext('a < b & <c>', [8, 11])).toBe('a &lt; b &amp; <mark>&lt;c&gt;</mark>');
  });

  it('ignores a missing or out-of-range highlight', () => {
    expect(highlightContext('plain', undefined)).toBe('plain');
    expect(highlightContext('plain', [2, 99])).toBe('plain');
    expect(highlightContext('plain', [3, 3])).toBe('plain');
  });
});
