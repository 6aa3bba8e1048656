import type { NoteData } from '../../src/shared/types.ts';
import type { GardenApp } from '../components/garden-app.ts';
import { renderNoteArticle } from '../../src/shared/templates/render-note-article.ts';
import { renderToc } from '../../src/shared/templates/render-toc.ts';

/**
 * Re-render the note on screen in place from its fresh index.json (article,
 * backlinks, table of contents), keeping the scroll position; no reload.
 * Returns false when the page is not a note or its data is gone.
 */
export async function refreshPage(app: GardenApp): Promise<boolean> {
  const page = app.store.state.page;
  if (page.kind !== 'note') return false;
  const response = await fetch(page.url + 'index.json', { cache: 'no-store' }).catch(() => undefined);
  if (!response?.ok) return false;
  const note = (await response.json()) as NoteData;
  const main = document.querySelector<HTMLElement>('main#main');
  if (!main || app.store.state.page !== page) return false;
  const scrollY = window.scrollY;
  main.innerHTML = renderNoteArticle(note, app.base);
  const toc = document.querySelector<HTMLElement>('[data-region="toc"]');
  if (toc) toc.innerHTML = renderToc(note.headings);
  app.store.forgetData();
  app.pageShown();
  window.scrollTo(0, scrollY);
  return true;
}
