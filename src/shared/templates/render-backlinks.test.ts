import { describe, expect, it } from 'vitest';
import type { Backlink, NoteId, Slug } from '../types.ts';
import { renderBacklinks } from './render-backlinks.ts';

const link = (source: string, context: string, word: string, kind: Backlink['kind'] = 'link'): Backlink => ({
  source: source as NoteId,
  title: source,
  url: `/${source.toLowerCase()}/` as Slug,
  kind,
  context,
  highlight: [context.indexOf(word), context.indexOf(word) + word.length],
});

describe('renderBacklinks', () => {
  it('lists each linking note with its context and the link text marked', () => {
    const html = renderBacklinks([link('Consensus', 'Start with Raft, then Paxos.', 'Raft')], '/');
    expect(html).toBe(
      '<section class="backlinks" aria-label="Backlinks"><h2 class="backlinks-title">Backlinks <span class="count">1</span></h2>' +
        '<ul class="backlink-list"><li class="backlink"><a class="backlink-title" href="/consensus/">Consensus</a>' +
        '<p class="backlink-context">Start with <mark>Raft</mark>, then Paxos.</p></li></ul></section>',
    );
  });

  it('groups several links from one note under one title', () => {
    const html = renderBacklinks([link('Paxos', 'Raft is simpler.', 'Raft'), link('Paxos', 'Unlike Raft, it…', 'Raft')], '/');
    expect(html.match(/class="backlink-title"/g)).toHaveLength(1);
    expect(html.match(/class="backlink-context"/g)).toHaveLength(2);
    expect(html).toContain('<span class="count">1</span>');
  });

  it('says so when nothing links here', () => {
    expect(renderBacklinks([], '/')).toContain('<p class="backlinks-empty">No notes link here yet.</p>');
  });

  it('labels notes that only embed this one', () => {
    expect(renderBacklinks([link('Index', 'Raft', 'Raft', 'embed')], '/')).toContain('embeds this note');
  });

  it('trims long contexts around the link and keeps the mark on it', () => {
    const context = 'x'.repeat(600) + ' Raft ' + 'y'.repeat(600);
    const html = renderBacklinks([link('Long', context, 'Raft')], '/');
    const paragraph = /<p class="backlink-context">(.*?)<\/p>/.exec(html)![1]!;
    expect(paragraph).toContain('<mark>Raft</mark>');
    expect(paragraph.startsWith('… ')).toBe(true);
    expect(paragraph.endsWith(' …')).toBe(true);
    expect(paragraph.replace(/<\/?mark>/g, '').length).toBeLessThan(340);
  });

  it('shows the first notes only, with a button to show all', () => {
    const many = Array.from({ length: 7 }, (_, i) => link(`N${i}`, 'see Raft', 'Raft'));
    const html = renderBacklinks(many, '/', 5);
    expect(html.match(/class="backlink-title"/g)).toHaveLength(5);
    expect(html).toContain('<span class="count">7</span>');
    expect(html).toContain(
      '<p class="backlinks-more">2 more notes link here. <button type="button" class="backlinks-all" data-action="all-backlinks" hidden>Show all 7</button></p>',
    );
    expect(renderBacklinks(many, '/', 7)).not.toContain('backlinks-more');
  });

  it('prefixes the base path', () => {
    expect(renderBacklinks([link('A', 'see B', 'B')], '/garden/')).toContain('href="/garden/a/"');
  });
});
