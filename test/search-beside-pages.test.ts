/**
 * When a build runs the search worker beside the page writer (src/emit/index.ts): a cold build of a garden
 * that is not large (its pages beside the layout worker too), or a warm one with few notes to index; and
 * when its pages are written beside the layout worker (a cold build, or one over a previous site looking at few pages).
 */
import { describe, expect, it } from 'vitest';
import { earlySearchMaxNotes, searchAheadForLinks } from '../src/emit/early-search.ts';
import { pagesBesideWorkers, searchBesidePages } from '../src/emit/index.ts';

describe('search beside the pages', () => {
  it('runs beside the pages on a warm build of a garden up to 100,000 notes (the largest the memory targets cover)', () => {
    expect(searchBesidePages(10, 10_000)).toBe(true);
    expect(searchBesidePages(500, 1_000)).toBe(true);
    expect(searchBesidePages(1_000, 20_000)).toBe(true);
    expect(searchBesidePages(10, 100_000)).toBe(true);
    expect(searchBesidePages(5_000, 100_000)).toBe(true);
  });

  it('waits for the index when it indexes many notes (a cold build) or the garden is large (its postings are held whole)', () => {
    expect(searchBesidePages(10_000, 10_000)).toBe(false);
    expect(searchBesidePages(501, 1_000)).toBe(false);
    expect(searchBesidePages(5_001, 100_000)).toBe(false);
    expect(searchBesidePages(10, 100_001)).toBe(false);
  });

  it('writes the pages of a cold build beside the layout and search workers, in a garden up to 20,000 notes', () => {
    expect(pagesBesideWorkers(10, false)).toBe(true);
    expect(pagesBesideWorkers(20_000, false)).toBe(true);
    // Over a previous site the schedule is the one of searchBesidePages, for memory; and a large garden does one thing at a time.
    expect(pagesBesideWorkers(10_000, true)).toBe(false);
    expect(pagesBesideWorkers(20_001, false)).toBe(false);
  });

  it('writes the pages of a build over a previous site beside the workers only when it looks at few pages', () => {
    // A change of a few notes' text or links: a few hundred pages looked at.
    expect(pagesBesideWorkers(10_000, true, 300)).toBe(true);
    expect(pagesBesideWorkers(10_000, true, 1_000)).toBe(true);
    expect(pagesBesideWorkers(100, true, 100)).toBe(true);
    // Every page looked at (a change to Trellis, a title or heading moved), or a large garden: one thing at a time.
    expect(pagesBesideWorkers(10_000, true, 1_001)).toBe(false);
    expect(pagesBesideWorkers(10_000, true, 10_000)).toBe(false);
    expect(pagesBesideWorkers(100_000, true, 10)).toBe(false);
  });

  it('starts the search of edited text early up to 100,000 notes, and keeps the worker started ahead for a link change up to 20,000', () => {
    expect(earlySearchMaxNotes).toBe(100_000);
    expect(searchAheadForLinks(10_000)).toBe(true);
    expect(searchAheadForLinks(20_000)).toBe(true);
    // A large garden's link change: the worker would hold the kept postings through the layout's run.
    expect(searchAheadForLinks(20_001)).toBe(false);
    expect(searchAheadForLinks(100_000)).toBe(false);
  });
});
