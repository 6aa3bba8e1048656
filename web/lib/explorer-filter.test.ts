import { describe, expect, it } from 'vitest';
import type { ExplorerNames } from '../../src/shared/explorer-data.ts';
import { filterTree } from './explorer-filter.ts';
import { explorerRows } from './explorer-rows.ts';

const names: ExplorerNames = {
  d: ['', 'Alpha', 'Alpha/Inner', 'Beta', 'Haystack'],
  n: [
    [0, 'Home', '/'],
    [1, 'One', 'one'],
    [2, 'Needle', 'needle'],
    [2, 'Hay', 'hay'],
    [3, 'Two', 'two'],
    [4, 'Straw', 'straw'],
  ],
};

describe('filterTree', () => {
  it('shows a matching note inside its folders, opened, and nothing else', () => {
    const tree = filterTree(names, 'NEED');
    expect(tree.matches).toBe(1);
    expect(explorerRows(tree.listings, tree.open).map((r) => `${r.level}:${r.name}`)).toEqual(['1:Alpha', '2:Inner', '3:Needle']);
    expect(explorerRows(tree.listings, tree.open)[2]).toMatchObject({ url: '/alpha/inner/needle/' });
  });

  it('shows a matching folder closed, with all its contents to open', () => {
    const tree = filterTree(names, 'hay');
    // The folder Haystack and the note Hay.
    expect(tree.matches).toBe(2);
    expect(explorerRows(tree.listings, tree.open).map((r) => r.name)).toEqual(['Alpha', 'Inner', 'Hay', 'Haystack']);
    expect(explorerRows(tree.listings, new Set([...tree.open, 'Haystack'])).map((r) => r.name)).toContain('Straw');
  });

  it('opens a matching folder when a note in it matches too', () => {
    const tree = filterTree(names, 'a');
    expect(tree.open.has('Haystack')).toBe(true);
    expect(explorerRows(tree.listings, tree.open).map((r) => r.name)).toContain('Straw');
  });

  it('counts every match but lists at most `limit` notes', () => {
    const tree = filterTree(names, 'o', 2);
    expect(tree.matches).toBe(3);
    expect(tree.shown).toBe(2);
    expect(
      explorerRows(tree.listings, tree.open)
        .filter((r) => r.kind === 'note')
        .map((r) => r.name),
    ).toEqual(['One', 'Home']);
  });
});
