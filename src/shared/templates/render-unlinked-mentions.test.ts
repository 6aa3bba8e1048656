import { describe, expect, it } from 'vitest';
import type { Backlink, NoteId, NotePath, Slug } from '../types.ts';
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
  it('opens the region for the author and gives each mention found by the dev server a Link button, with its file, version and words', () => {
    const html = renderUnlinkedMentions([{ ...mention, edit: { path: 'ds/Raft.md' as NotePath, hash: 'abc' } }], '/');
    expect(html).toContain('<details open>');
    expect(html).toContain(
      '<button type="button" class="mention-link" data-action="link-mention" data-path="ds/Raft.md" data-hash="abc" data-text="Lamport Clocks" aria-label="Link “Lamport Clocks” in Raft &lt;consensus&gt;">Link</button>',
    );
    // Readers' mentions carry no file: no button.
    expect(renderUnlinkedMentions([mention], '/')).not.toContain('<button');
  });
  it('renders nothing without mentions', () => {
    expect(renderUnlinkedMentions([], '/')).toBe('');
  });
});
