/**
 * Make foldable callouts emitted as `div.callout[data-callout-fold]` toggle
 * like the `<details>` ones: the title becomes a button with `aria-expanded`,
 * and `-` callouts start folded. (`<details>` callouts need nothing.)
 */
export function enhanceCallouts(root: HTMLElement): void {
  for (const callout of root.querySelectorAll<HTMLElement>('div.callout[data-callout-fold="-"], div.callout[data-callout-fold="+"]')) {
    const title = callout.querySelector<HTMLElement>(':scope > .callout-title');
    if (!title || title.hasAttribute('aria-expanded')) continue;
    const setOpen = (open: boolean): void => {
      callout.classList.toggle('is-collapsed', !open);
      title.setAttribute('aria-expanded', String(open));
    };
    title.setAttribute('role', 'button');
    title.tabIndex = 0;
    setOpen(callout.dataset.calloutFold === '+');
    title.addEventListener('click', () => setOpen(callout.classList.contains('is-collapsed')));
    title.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      setOpen(callout.classList.contains('is-collapsed'));
    });
  }
}
