import { describe, expect, it } from 'vitest';
import { isFilterActive, matchesFilter } from './graph-filter.ts';

const note = { topic: 2, tags: ['Consensus/Raft', 'paper'], folder: 'Systems/Distributed' };

describe('matchesFilter', () => {
  it('passes everything without a filter', () => {
    expect(matchesFilter(note, {})).toBe(true);
  });

  it('filters by topic', () => {
    expect(matchesFilter(note, { topic: 2 })).toBe(true);
    expect(matchesFilter(note, { topic: 1 })).toBe(false);
  });

  it('filters by subtopic: its notes, not the rest of its topic', () => {
    const inSub = { ...note, subtopic: 7 };
    expect(matchesFilter(inSub, { topic: 7 })).toBe(true);
    expect(matchesFilter(inSub, { topic: 2 })).toBe(true);
    expect(matchesFilter({ ...note, subtopic: 8 }, { topic: 7 })).toBe(false);
    expect(matchesFilter(note, { topic: 7 })).toBe(false);
  });

  it('filters by tag, case-insensitively, with parent tags matching nested ones', () => {
    expect(matchesFilter(note, { tag: 'consensus' })).toBe(true);
    expect(matchesFilter(note, { tag: 'consensus/raft' })).toBe(true);
    expect(matchesFilter(note, { tag: 'cons' })).toBe(false);
  });

  it('filters by folder including subfolders', () => {
    expect(matchesFilter(note, { folder: 'Systems' })).toBe(true);
    expect(matchesFilter(note, { folder: 'Systems/Distributed' })).toBe(true);
    expect(matchesFilter(note, { folder: 'Sys' })).toBe(false);
  });

  it('combines filters', () => {
    expect(matchesFilter(note, { topic: 2, tag: 'paper', folder: 'Systems' })).toBe(true);
    expect(matchesFilter(note, { topic: 2, tag: 'other' })).toBe(false);
  });
});

describe('isFilterActive', () => {
  it('is false for an empty filter', () => {
    expect(isFilterActive({})).toBe(false);
    expect(isFilterActive({ folder: '' })).toBe(false);
    expect(isFilterActive({ topic: 0 })).toBe(true);
  });
});
