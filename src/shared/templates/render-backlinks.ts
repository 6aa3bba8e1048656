import type { Backlink } from '../types.ts';
import { escapeHtml } from '../html.ts';
import { highlightContext } from './highlight-context.ts';
import { withBase } from '../with-base.ts';

/** Longest context shown per backlink, in characters, before it is trimmed around the link. */
const maxContext = 320;

/** Linking notes shown on a page by default; hubs of big gardens can have thousands, and pages must stay small. */
export const backlinkLimit = 50;

/**
 * Render the "Backlinks" region of a note: one entry per linking note with its
 * context paragraph and the link text marked. Several links from the same note
 * are grouped under one title. Past `limit` notes, a "Show all" button (made
 * visible by the app) stands in for the rest.
 */
export function renderBacklinks(backlinks: Backlink[], basePath: string, limit = backlinkLimit): string {
  const groups = new Map<string, Backlink[]>();
  for (const b of backlinks) {
    const list = groups.get(b.source);
    if (list) list.push(b);
    else groups.set(b.source, [b]);
  }
  const items = [...groups.values()].slice(0, limit).map((links) => {
    const first = links[0]!;
    const href = escapeHtml(withBase(basePath, first.url));
    const embed = links.every((l) => l.kind === 'embed') ? ' <span class="backlink-kind">embeds this note</span>' : '';
    const contexts = links
      .filter((l) => l.context.trim() !== '')
      .map((l) => `<p class="backlink-context">${trimmedContext(l)}</p>`)
      .join('');
    return `<li class="backlink"><a class="backlink-title" href="${href}">${escapeHtml(first.title)}</a>${embed}${contexts}</li>`;
  });
  const count = groups.size;
  const hidden = count - items.length;
  const more =
    hidden > 0
      ? `<p class="backlinks-more">${hidden} more ${hidden === 1 ? 'note links' : 'notes link'} here. ` +
        `<button type="button" class="backlinks-all" data-action="all-backlinks" hidden>Show all ${count}</button></p>`
      : '';
  const body = count === 0 ? '<p class="backlinks-empty">No notes link here yet.</p>' : `<ul class="backlink-list">${items.join('')}</ul>${more}`;
  return (
    `<section class="backlinks" aria-label="Backlinks">` +
    `<h2 class="backlinks-title">Backlinks${count > 0 ? ` <span class="count">${count}</span>` : ''}</h2>` +
    body +
    `</section>`
  );
}

/** A backlink's context, trimmed around the link to at most `maxContext` characters, escaped, the link marked. */
export function trimmedContext(link: Backlink): string {
  const { context, highlight } = link;
  if (context.length <= maxContext) return highlightContext(context, highlight);
  const centre = highlight ? Math.floor((highlight[0] + highlight[1]) / 2) : 0;
  const start = Math.max(0, Math.min(centre - maxContext / 2, context.length - maxContext));
  const end = start + maxContext;
  const shifted: [number, number] | undefined =
    highlight && highlight[0] >= start && highlight[1] <= end ? [highlight[0] - start, highlight[1] - start] : undefined;
  return (start > 0 ? '… ' : '') + highlightContext(context.slice(start, end), shifted) + (end < context.length ? ' …' : '');
}
