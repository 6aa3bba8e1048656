import { describe, expect, it } from 'vitest';
import type { Slug } from '../types.ts';
import { renderListSections } from './render-list-sections.ts';

describe('renderListSections', () => {
  it('renders titled lists of links with counts, dates, stages and descriptions', () => {
    const html = renderListSections(
      [
        {
          title: 'Nested tags',
          url: '/tags/' as Slug,
          items: [{ title: '#a/b', url: '/tags/a/b/' as Slug, count: 3 }],
        },
        {
          title: 'Notes',
          items: [{ title: 'Raft', url: '/raft/' as Slug, updated: '2024-03-05', stage: 'evergreen', description: 'Consensus <made> simple' }],
        },
      ],
      '/',
    );
    expect(html).toContain('<h2 class="list-title"><a href="/tags/">Nested tags</a></h2>');
    expect(html).toContain('<a class="note-list-title" href="/tags/a/b/">#a/b</a> <span class="count">3</span>');
    expect(html).toContain('<span class="stage" data-stage="evergreen">evergreen</span>');
    expect(html).toContain('<time datetime="2024-03-05">5 Mar 2024</time>');
    expect(html).toContain('<p class="note-list-description">Consensus &lt;made&gt; simple</p>');
  });

  it('drops empty sections', () => {
    expect(renderListSections([{ title: 'Empty', items: [] }], '/')).toBe('');
  });
});
