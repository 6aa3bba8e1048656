import type { NoteData } from '../types.ts';
import { dropTitleHeading } from './drop-title-heading.ts';
import { escapeHtml } from '../html.ts';
import { renderBacklinks } from './render-backlinks.ts';
import { renderBreadcrumbs } from './render-breadcrumbs.ts';
import { renderRecent } from './render-recent.ts';
import { renderSeriesNav } from './render-series-nav.ts';
import { renderUnlinkedMentions } from './render-unlinked-mentions.ts';
import { renderNoteHeader } from './render-note-header.ts';
import { renderProperties } from './render-properties.ts';
import { renderStartLink } from './render-start-link.ts';

/**
 * Render the `<article>` of a note: breadcrumbs, header, properties, body, backlinks and unlinked mentions.
 * The page template prerenders it and the app renders the same markup when it
 * navigates in place, so both paths show identical pages.
 */
export function renderNoteArticle(note: NoteData, basePath: string): string {
  return (
    `<article class="note" data-note-id="${escapeHtml(note.id)}">` +
    renderBreadcrumbs(note.path, basePath) +
    renderNoteHeader(note, basePath) +
    renderStartLink(note.url, basePath) +
    renderProperties(note.properties, basePath) +
    `<div class="note-body">${dropTitleHeading(note.html, note.title)}</div>` +
    renderSeriesNav(note.series, basePath) +
    renderRecent(note.recent, basePath) +
    renderBacklinks(note.backlinks, basePath) +
    renderUnlinkedMentions(note.unlinkedMentions ?? [], basePath) +
    `</article>`
  );
}
