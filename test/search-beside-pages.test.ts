/** When a build runs the search worker beside the page writer (src/emit/index.ts): few notes to index, in a garden that is not large. */
import { describe, expect, it } from 'vitest';
import { searchBesidePages } from '../src/emit/index.ts';

describe('search beside the pages', () => {
  it('runs beside the pages on a warm build of a garden up to 20,000 notes', () => {
    expect(searchBesidePages(10, 10_000)).toBe(true);
    expect(searchBesidePages(500, 1_000)).toBe(true);
    expect(searchBesidePages(1_000, 20_000)).toBe(true);
  });

  it('waits for the index when it indexes many notes (a cold build) or the garden is large (its postings are held whole)', () => {
    expect(searchBesidePages(10_000, 10_000)).toBe(false);
    expect(searchBesidePages(501, 1_000)).toBe(false);
    expect(searchBesidePages(10, 100_000)).toBe(false);
  });
});
