/** Narrow screens, where the table of contents sits above the article (layout.css uses the same width). */
const narrowQuery = '(max-width: 1060px)';

/**
 * Fold the table of contents in `region` on narrow screens: its title becomes a
 * button (44 px tall) that shows and hides the list, closed at first, so the
 * outline sits near the top without pushing the note down. On wide screens the
 * list is always shown. Returns a function that stops following the screen's width.
 */
export function foldToc(region: HTMLElement): () => void {
  const query = window.matchMedia(narrowQuery);
  const apply = (): void => {
    const title = region.querySelector<HTMLElement>('nav.toc > .toc-title');
    const list = region.querySelector<HTMLElement>('nav.toc > ul');
    if (!title || !list) return;
    const button = title.querySelector('button');
    if (query.matches && !button) {
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.className = 'toc-toggle';
      toggle.textContent = title.textContent;
      toggle.setAttribute('aria-expanded', 'false');
      list.id ||= 'trellis-toc-list';
      toggle.setAttribute('aria-controls', list.id);
      toggle.addEventListener('click', () => {
        const open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(open));
        list.hidden = !open;
      });
      title.replaceChildren(toggle);
      list.hidden = true;
    } else if (!query.matches && button) {
      title.textContent = button.textContent;
      list.hidden = false;
    }
  };
  apply();
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
