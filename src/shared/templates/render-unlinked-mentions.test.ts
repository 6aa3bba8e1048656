import { describe, expect, it } from 'vitest';
import type { Backlink, NoteId, Slug } from '../types.ts';
import { renderUnlinkedMentions } from './render-unlinked-mentions.ts';

const mention: Backlink = {
  source: 'ds/Raft' as NoteId,
  title: 'Raft <consensus>',
  url: '/ds/raft/' as Slug,
  kind: 'link',
  context: 'Leaders use Lamport Clocks too.',
  highlight: [12, 26],
};

describe('renderUnlinkedMentions', () => {
  it('renders a labelled region with the mention marked and the source linked', () => {
    const html = renderUnlinkedMentions([mention], '/');
    expect(html).toContain('aria-label="Unlinked mentions"');
    expect(html).toContain('<mark>Lamport Clocks</mark>');
    expect(html).toContain('href="/ds/raft/"');
    expect(html).toContain('Raft &lt;consensus&gt;');
    expect(html).toContain('<span class="count">1</span>');
    // Collapsed under its count: a closed <details> whose summary is the heading.
    expect(html).toMatch(/<details><summary><h2 class="backlinks-title">Unlinked mentions <span class="count">1<\/span><\/h2><\/summary>/);
  });
  it('renders nothing without mentions', () => {
    expect(renderUnlinkedMentions([], '/')).toBe('');
  });
});
