import { describe, expect, it } from 'vitest';
import { readHistoryEntry } from './read-history-entry.ts';

describe('readHistoryEntry', () => {
  it('reads our entries', () => {
    expect(readHistoryEntry({ trellis: 1, key: 'k1', scrollY: 420 })).toEqual({ trellis: 1, key: 'k1', scrollY: 420 });
    expect(readHistoryEntry({ trellis: 1, key: 'k2' })).toEqual({ trellis: 1, key: 'k2' });
    expect(readHistoryEntry({ trellis: 1, key: 'k3', index: 4, scrollY: 'x' })).toEqual({ trellis: 1, key: 'k3', index: 4 });
  });

  it('ignores states that are not ours', () => {
    expect(readHistoryEntry(null)).toBeUndefined();
    expect(readHistoryEntry({ key: 'x' })).toBeUndefined();
    expect(readHistoryEntry('string')).toBeUndefined();
  });
});
