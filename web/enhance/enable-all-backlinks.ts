import type { Backlink } from '../../src/shared/types.ts';
import { renderBacklinks } from '../../src/shared/templates/render-backlinks.ts';

/** Where the full backlinks list comes from. */
export interface AllBacklinks {
  basePath: string;
  /** Loads every backlink of the note shown (from its index.json). */
  load: () => Promise<Backlink[]>;
}

/**
 * Reveal the "Show all" button of a cut backlinks list; pressing it replaces
 * the list with all backlinks and moves focus to the first one not shown before.
 */
export function enableAllBacklinks(root: HTMLElement, source: AllBacklinks): void {
  const button = root.querySelector<HTMLButtonElement>('button[data-action="all-backlinks"]');
  if (!button || !button.hidden) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const section = button.closest('section.backlinks');
    const shown = section?.querySelectorAll('li.backlink').length ?? 0;
    button.disabled = true;
    const all = await source.load().catch(() => undefined);
    if (!section || !all) {
      button.disabled = false;
      return;
    }
    section.outerHTML = renderBacklinks(all, source.basePath, Infinity);
    root.querySelectorAll<HTMLAnchorElement>('section.backlinks li.backlink > a')[shown]?.focus();
  });
}
