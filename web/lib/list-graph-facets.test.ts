import { describe, expect, it } from 'vitest';
import { listGraphFacets } from './list-graph-facets.ts';
import { makeGraphJson, makeGraphNote } from './test-graph.ts';

describe('listGraphFacets', () => {
  it('collects sorted tags and every folder level', () => {
    const json = makeGraphJson(
      [makeGraphNote('A/B/one', { tags: ['zeta', 'Alpha'] }), makeGraphNote('A/two', { tags: ['alpha'] }), makeGraphNote('root', { tags: [] })],
      [],
    );
    expect(listGraphFacets(json)).toEqual({ tags: ['Alpha', 'alpha', 'zeta'], folders: ['A', 'A/B'] });
  });
});
