import { tagSlug } from '../ids.ts';
import type { NoteData } from '../types.ts';
import { formatDate } from '../format-date.ts';
import { escapeHtml } from '../html.ts';
import { withBase } from '../with-base.ts';

/** Reading speed used for the "min read" estimate, in words per minute. */
const wordsPerMinute = 220;

const stageLabels = { seedling: 'Seedling', budding: 'Budding', evergreen: 'Evergreen' } as const;

/**
 * Render the header of a note: the title (focus target after in-place
 * navigation) under its series, then stage, dates, reading time and tags.
 */
export function renderNoteHeader(note: NoteData, basePath: string): string {
  const fm = note.frontmatter;
  const meta: string[] = [];
  if (fm.stage && fm.stage in stageLabels) {
    meta.push(`<span class="stage" data-stage="${fm.stage}">${stageLabels[fm.stage]}</span>`);
  }
  const created = note.created ?? fm.created ?? fm.date;
  const updated = note.updated ?? fm.updated;
  const createdText = created ? dateHtml(created) : '';
  const updatedText = updated ? dateHtml(updated) : '';
  if (createdText) meta.push(`<span>Planted ${createdText}</span>`);
  if (updatedText && updated?.slice(0, 10) !== created?.slice(0, 10)) meta.push(`<span>Tended ${updatedText}</span>`);
  if (note.wordCount > 0) meta.push(`<span>${Math.max(1, Math.round(note.wordCount / wordsPerMinute))} min read</span>`);
  const tags = note.tags.map((t) => `<li><a class="tag" href="${escapeHtml(withBase(basePath, tagSlug(t)))}">#${escapeHtml(t)}</a></li>`);
  const part = note.series
    ? ` · Part ${note.series.position} of ${note.series.total}`
    : fm.order !== undefined
      ? ` · Part ${escapeHtml(String(fm.order))}`
      : '';
  const series = fm.series ? `<p class="kicker series">${escapeHtml(fm.series)}${part}</p>` : '';
  return (
    `<header class="note-header">` +
    series +
    `<h1 class="note-title" tabindex="-1">${escapeHtml(note.title)}</h1>` +
    (meta.length > 0 ? `<p class="note-meta">${meta.join('')}</p>` : '') +
    (tags.length > 0 ? `<ul class="tags" aria-label="Tags">${tags.join('')}</ul>` : '') +
    `</header>`
  );
}

function dateHtml(iso: string): string {
  const text = formatDate(iso);
  return text ? `<time datetime="${escapeHtml(iso.slice(0, 10))}">${text}</time>` : '';
}
