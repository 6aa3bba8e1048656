/** The notices of a view: what it asks for that Trellis does not show, each a sentence whose `code` spans are drawn. */
import { escapeHtml } from '../shared/html.ts';

/** The HTML of `messages` (none when empty): a note to the reader, above the view's rows. */
export function renderNotices(messages: readonly string[]): string {
  if (messages.length === 0) return '';
  const items = messages.map((m) => `<p class="base-notice">${escapeHtml(m).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`);
  return `<div class="base-notices" role="note">${items.join('')}</div>`;
}
