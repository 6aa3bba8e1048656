import { describe, expect, it } from 'vitest';
import type { NoteData, NoteId, NotePath, Slug } from '../types.ts';
import { renderNoteArticle } from './render-note-article.ts';
import { renderNoteHeader } from './render-note-header.ts';

function makeNote(extra: Partial<NoteData> = {}): NoteData {
  return {
    id: 'Systems/Raft' as NoteId,
    path: 'Systems/Raft.md' as NotePath,
    title: 'Raft & friends',
    url: '/systems/raft/' as Slug,
    tags: ['consensus', 'a/b'],
    aliases: [],
    html: '<p>Body <a class="internal" href="/paxos/">Paxos</a></p>',
    headings: [],
    unlinkedMentions: [],
    backlinks: [],
    outgoing: [],
    frontmatter: { aliases: [], tags: [], publish: true },
    wordCount: 660,
    ...extra,
  };
}

describe('renderNoteHeader', () => {
  it('shows title, stage, dates, reading time and tag links', () => {
    const html = renderNoteHeader(
      makeNote({ created: '2024-01-12', updated: '2024-03-05', frontmatter: { aliases: [], tags: [], publish: true, stage: 'budding' } }),
      '/',
    );
    expect(html).toContain('<h1 class="note-title" tabindex="-1">Raft &amp; friends</h1>');
    expect(html).toContain('<span class="stage" data-stage="budding">Budding</span>');
    expect(html).toContain('Planted <time datetime="2024-01-12">12 Jan 2024</time>');
    expect(html).toContain('Tended <time datetime="2024-03-05">5 Mar 2024</time>');
    expect(html).toContain('<span>3 min read</span>');
    expect(html).toContain('<a class="tag" href="/tags/consensus/">#consensus</a>');
    expect(html).toContain('<a class="tag" href="/tags/a/b/">#a/b</a>');
  });

  it('falls back to frontmatter dates and hides an update on the creation day', () => {
    const html = renderNoteHeader(
      makeNote({ updated: '2024-05-01T10:00:00Z', frontmatter: { aliases: [], tags: [], publish: true, date: '2024-05-01' } }),
      '/',
    );
    expect(html).toContain('Planted <time datetime="2024-05-01">1 May 2024</time>');
    expect(html).not.toContain('Tended');
  });

  it('puts the series above the title', () => {
    const html = renderNoteHeader(makeNote({ frontmatter: { aliases: [], tags: [], publish: true, series: 'Basics', order: 2 } }), '/');
    expect(html).toContain('<p class="kicker series">Basics · Part 2</p><h1');
  });

  it('leaves out empty parts', () => {
    const html = renderNoteHeader(makeNote({ tags: [], wordCount: 0 }), '/');
    expect(html).not.toContain('note-meta');
    expect(html).not.toContain('class="tags"');
  });
});

describe('renderNoteArticle', () => {
  it('wraps breadcrumbs, header, body and backlinks in one article keyed by note id', () => {
    const html = renderNoteArticle(makeNote(), '/');
    expect(html.startsWith('<article class="note" data-note-id="Systems/Raft">')).toBe(true);
    const order = [
      'class="breadcrumbs"',
      'class="note-header"',
      '<div class="note-body"><p>Body <a class="internal" href="/paxos/">Paxos</a></p></div>',
      'aria-label="Backlinks"',
    ];
    const positions = order.map((part) => html.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
