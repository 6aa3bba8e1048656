import type { UnlinkedMention } from '../types.ts';
import { escapeHtml } from '../html.ts';
import { trimmedContext } from './render-backlinks.ts';
import { withBase } from '../with-base.ts';

/**
 * Render the "Unlinked mentions" region under the backlinks: notes whose text
 * names this note's title or an alias without linking it, each with the line
 * around the mention and the name marked. For readers they are collapsed under
 * a heading with their count. Mentions that say where they were found (`edit`:
 * only `trellis dev` gives it) are the author's to act on: the region is open
 * and each has a Link button, which the dev app's handler turns into a
 * wiki-link in the source file. Nothing is rendered when there are none.
 */
export function renderUnlinkedMentions(mentions: readonly UnlinkedMention[], basePath: string): string {
  if (mentions.length === 0) return '';
  const items = mentions.map(
    (m) =>
      `<li class="backlink"><a class="backlink-title" href="${escapeHtml(withBase(basePath, m.url))}">${escapeHtml(m.title)}</a>` +
      linkButton(m) +
      `<p class="backlink-context">${trimmedContext(m)}</p></li>`,
  );
  // Collapsed for readers: a count they can open, not a wall of cards (works without JavaScript).
  const open = mentions.some((m) => m.edit) ? ' open' : '';
  return (
    `<section class="backlinks unlinked-mentions" aria-label="Unlinked mentions"><details${open}>` +
    `<summary><h2 class="backlinks-title">Unlinked mentions <span class="count">${mentions.length}</span></h2></summary>` +
    `<ul class="backlink-list">${items.join('')}</ul></details></section>`
  );
}

/** The Link button of a mention the author can link: which file, which version of it, and the words to link. */
function linkButton(m: UnlinkedMention): string {
  if (!m.edit) return '';
  const words = m.highlight ? m.context.slice(m.highlight[0], m.highlight[1]) : '';
  return (
    `<button type="button" class="mention-link" data-action="link-mention" data-path="${escapeHtml(m.edit.path)}" ` +
    `data-hash="${escapeHtml(m.edit.hash)}" data-text="${escapeHtml(words)}" ` +
    `aria-label="Link “${escapeHtml(words)}” in ${escapeHtml(m.title)}">Link</button>`
  );
}
