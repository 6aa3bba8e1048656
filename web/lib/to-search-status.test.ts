import { describe, expect, it } from 'vitest';
import { toSearchStatus } from './to-search-status.ts';

describe('toSearchStatus', () => {
  it('says nothing before a query and that it searches while the first page loads', () => {
    expect(toSearchStatus('  ', false, 0, 0)).toBe('');
    expect(toSearchStatus('raft', true, 0, 0)).toBe('Searching…');
  });

  it('says when nothing matches', () => {
    expect(toSearchStatus(' zzz ', false, 0, 0)).toBe('No notes match “zzz”.');
  });

  it('gives the shown and the total count, grouped, and only the total when all are shown', () => {
    expect(toSearchStatus('wave', false, 10, 1204)).toBe('10 of 1,204 results');
    // Loading the next page keeps the count of what is shown.
    expect(toSearchStatus('wave', true, 20, 27)).toBe('20 of 27 results');
    expect(toSearchStatus('wave', false, 27, 27)).toBe('27 results');
    expect(toSearchStatus('raft', false, 1, 1)).toBe('1 result');
  });
});
