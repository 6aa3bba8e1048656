import { describe, expect, it } from 'vitest';
import type { Backlink, NoteId, Slug } from '../shared/types.ts';
import { readerMentions } from './reader-mentions.ts';

const mention = (context: string, named: string): Backlink => {
  const start = context.indexOf(named);
  return { source: 'a' as NoteId, title: 'A', url: '/a/' as Slug, kind: 'link', context, highlight: [start, start + named.length] };
};

describe('readerMentions', () => {
  it('leaves out one-word mentions written as ordinary words, keeps names and phrases', () => {
    const home = mention("the key's home replicas", 'home');
    const settings = mention('Open the Settings pane', 'Settings');
    const phrase = mention('lamport clocks order events', 'lamport clocks');
    const unknown: Backlink = { ...home, highlight: undefined };
    expect(readerMentions([home, settings, phrase, unknown])).toEqual([settings, phrase, unknown]);
  });
});
