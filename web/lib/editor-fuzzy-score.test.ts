import { describe, expect, it } from 'vitest';
import { fuzzyScore } from './editor-fuzzy-score.ts';

describe('fuzzyScore', () => {
  it('matches characters in order, case-insensitively', () => {
    expect(fuzzyScore('rft', 'Raft')).not.toBeNull();
    expect(fuzzyScore('RAFT', 'raft consensus')).not.toBeNull();
    expect(fuzzyScore('tfr', 'Raft')).toBeNull();
    expect(fuzzyScore('paxos', 'Raft')).toBeNull();
  });

  it('gives an empty query score 0', () => {
    expect(fuzzyScore('', 'Anything')).toBe(0);
  });

  it('ranks an exact match over a prefix over a scattered match', () => {
    const exact = fuzzyScore('raft', 'Raft')!;
    const prefix = fuzzyScore('raft', 'Raft Log Compaction')!;
    const scattered = fuzzyScore('raft', 'Replicated state machine draft')!;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(scattered);
  });

  it('prefers word starts, so initials find multi-word titles', () => {
    const initials = fuzzyScore('sle', 'SLOs and Error Budgets')!;
    const inside = fuzzyScore('sle', 'Muscle')!;
    expect(initials).toBeGreaterThan(inside);
    expect(fuzzyScore('ds/r', 'Distributed Systems/Raft.md')).not.toBeNull();
  });

  it('ignores spaces in the query', () => {
    expect(fuzzyScore('error budg', 'SLOs and Error Budgets')).not.toBeNull();
  });
});
