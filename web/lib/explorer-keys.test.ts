import { describe, expect, it } from 'vitest';
import type { FolderListing } from '../../src/shared/explorer-data.ts';
import { fold, treeAction, typeAhead } from './explorer-keys.ts';
import { explorerRows } from './explorer-rows.ts';

const listings = new Map<string, FolderListing>([
  [
    '',
    {
      d: [
        ['Alpha', 2],
        ['Beta', 1],
      ],
      n: [['Élan', 'elan']],
    },
  ],
  ['Alpha', { d: [['Inner', 1]], n: [['One', 'one']] }],
  ['Alpha/Inner', { d: [], n: [['Deep', 'deep']] }],
]);
const rows = explorerRows(listings, new Set(['Alpha', 'Alpha/Inner']));
const names = rows.map((r) => r.name);

describe('explorerRows', () => {
  it('lists open folders depth first, with levels, parents and URLs', () => {
    expect(names).toEqual(['Alpha', 'Inner', 'Deep', 'One', 'Beta', 'Élan']);
    expect(rows.map((r) => r.level)).toEqual([1, 2, 3, 2, 1, 1]);
    expect(rows[2]).toEqual({ kind: 'note', url: '/alpha/inner/deep/', name: 'Deep', level: 3, parent: 'Alpha/Inner' });
    // A folder open but not loaded yet shows closed.
    expect(explorerRows(listings, new Set(['Beta'])).find((r) => r.name === 'Beta')).toMatchObject({ expanded: false });
  });
});

describe('treeAction', () => {
  it('moves with Up, Down, Home and End, and stops at the ends', () => {
    expect(treeAction(rows, 0, 'ArrowDown')).toEqual({ kind: 'focus', index: 1 });
    expect(treeAction(rows, 0, 'ArrowUp')).toEqual({ kind: 'none' });
    expect(treeAction(rows, 5, 'ArrowDown')).toEqual({ kind: 'none' });
    expect(treeAction(rows, 3, 'Home')).toEqual({ kind: 'focus', index: 0 });
    expect(treeAction(rows, 0, 'End')).toEqual({ kind: 'focus', index: 5 });
  });

  it('opens, enters, closes and climbs with Right and Left', () => {
    expect(treeAction(rows, 4, 'ArrowRight')).toEqual({ kind: 'open', path: 'Beta' });
    expect(treeAction(rows, 0, 'ArrowRight')).toEqual({ kind: 'focus', index: 1 });
    expect(treeAction(rows, 2, 'ArrowRight')).toEqual({ kind: 'none' });
    expect(treeAction(rows, 0, 'ArrowLeft')).toEqual({ kind: 'close', path: 'Alpha' });
    expect(treeAction(rows, 2, 'ArrowLeft')).toEqual({ kind: 'focus', index: 1 });
    expect(treeAction(rows, 5, 'ArrowLeft')).toEqual({ kind: 'none' });
  });

  it('follows a note and toggles a folder with Enter', () => {
    expect(treeAction(rows, 3, 'Enter')).toEqual({ kind: 'follow', url: '/alpha/one/' });
    expect(treeAction(rows, 1, 'Enter')).toEqual({ kind: 'close', path: 'Alpha/Inner' });
    expect(treeAction(rows, 4, 'Enter')).toEqual({ kind: 'open', path: 'Beta' });
  });
});

describe('typeAhead', () => {
  it('finds the next name starting with the letters typed, wrapping, accents ignored', () => {
    expect(typeAhead(rows, 0, 'd')).toBe(2);
    expect(typeAhead(rows, 2, 'd')).toBe(2);
    expect(typeAhead(rows, 4, 'a')).toBe(0);
    expect(typeAhead(rows, 0, 'e')).toBe(5);
    expect(typeAhead(rows, 0, 'z')).toBe(-1);
  });

  it('keeps the row while a longer prefix still matches it', () => {
    expect(typeAhead(rows, 0, 'al')).toBe(0);
    expect(typeAhead(rows, 0, 'be')).toBe(4);
    expect(fold('Élan')).toBe('elan');
  });
});
