import { describe, expect, it } from 'vitest';
import type { Slug } from '../types.ts';
import { renderRecent } from './render-recent.ts';
import { renderSeriesNav } from './render-series-nav.ts';

describe('renderSeriesNav', () => {
  it('shows the position and links the neighbours', () => {
    const html = renderSeriesNav(
      { name: 'Linux <internals>', position: 2, total: 5, prev: { title: 'One', url: '/one/' as Slug }, next: { title: 'Three', url: '/three/' as Slug } },
      '/',
    );
    expect(html).toContain('aria-label="Series"');
    expect(html).toContain('Part 2 of 5 in <strong>Linux &lt;internals&gt;</strong>');
    expect(html).toContain('rel="prev" href="/one/"');
    expect(html).toContain('rel="next" href="/three/"');
  });
  it('renders nothing outside a series, and no link past the ends', () => {
    expect(renderSeriesNav(undefined, '/')).toBe('');
    expect(renderSeriesNav({ name: 'S', position: 1, total: 1 }, '/')).not.toContain('href');
  });
});

describe('renderRecent', () => {
  it('lists recently tended notes with their dates', () => {
    const html = renderRecent([{ title: 'Raft', url: '/raft/' as Slug, updated: '2026-02-03' }], '/');
    expect(html).toContain('aria-label="Recently tended"');
    expect(html).toContain('href="/raft/"');
    expect(html).toContain('datetime="2026-02-03"');
  });
});
