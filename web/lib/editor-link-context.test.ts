import { describe, expect, it } from 'vitest';
import { findLinkContext } from './editor-link-context.ts';

describe('findLinkContext', () => {
  it('finds a note query after [[', () => {
    expect(findLinkContext('See [[Ra')).toEqual({ kind: 'note', embed: false, query: 'Ra', start: 6 });
    expect(findLinkContext('[[')).toEqual({ kind: 'note', embed: false, query: '', start: 2 });
  });

  it('marks embeds', () => {
    expect(findLinkContext('![[dia')).toEqual({ kind: 'note', embed: true, query: 'dia', start: 3 });
  });

  it('finds heading and block queries', () => {
    expect(findLinkContext('x [[Raft#Lea')).toEqual({ kind: 'heading', target: 'Raft', query: 'Lea', start: 9 });
    expect(findLinkContext('[[Raft#^sa')).toEqual({ kind: 'block', target: 'Raft', query: 'sa', start: 8 });
  });

  it('is null outside an open link or in the alias', () => {
    expect(findLinkContext('plain text')).toBeNull();
    expect(findLinkContext('[[Raft]] and')).toBeNull();
    expect(findLinkContext('[[Raft|the al')).toBeNull();
  });
});
