import type { Backlink } from '../types.ts';
import { escapeHtml } from '../html.ts';
import { trimmedContext } from './render-backlinks.ts';
import { withBase } from '../with-base.ts';

/**
 * Render the "Unlinked mentions" region under the backlinks: notes whose text
 * names this note's title or an alias without linking it, each with the line
 * around the mention and the name marked, collapsed under a heading with their
 * count. Nothing is rendered when there are none.
 */
export function renderUnlinkedMentions(mentions: readonly Backlink[], basePath: string): string {
  if (mentions.length === 0) return '';
  const items = mentions.map(
    (m) =>
      `<li class="backlink"><a class="backlink-title" href="${escapeHtml(withBase(basePath, m.url))}">${escapeHtml(m.title)}</a>` +
      `<p class="backlink-context">${trimmedContext(m)}</p></li>`,
  );
  // Collapsed: a count the reader can open, not a wall of cards (works without JavaScript).
  return (
    `<section class="backlinks unlinked-mentions" aria-label="Unlinked mentions"><details>` +
    `<summary><h2 class="backlinks-title">Unlinked mentions <span class="count">${mentions.length}</span></h2></summary>` +
    `<ul class="backlink-list">${items.join('')}</ul></details></section>`
  );
}
