import { describe, expect, it } from 'vitest';
import { findWikiLinks } from './editor-find-links.ts';

describe('findWikiLinks', () => {
  it('finds links and embeds with their offsets', () => {
    const text = 'See [[Raft#Leader|it]] and ![[diagram.png]].';
    expect(findWikiLinks(text)).toEqual([
      { from: 4, to: 22, target: 'Raft', anchor: 'Leader', embed: false },
      { from: 27, to: 43, target: 'diagram.png', anchor: '', embed: true },
    ]);
    expect(text.slice(27, 43)).toBe('![[diagram.png]]');
  });

  it('does not cross lines or nest, and adds the offset', () => {
    expect(findWikiLinks('[[open\nline]] then [[a [[b]]', 10)).toEqual([{ from: 33, to: 38, target: 'b', anchor: '', embed: false }]);
    expect(findWikiLinks('no links')).toEqual([]);
  });
});
