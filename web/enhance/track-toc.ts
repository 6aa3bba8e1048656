import { activeHeading } from '../lib/active-heading.ts';

/** Where the reading line sits below the top of the viewport, in pixels (under the sticky header). */
const readingLine = 96;

/**
 * Mark the table-of-contents link of the section being read with
 * `aria-current="location"` while the page scrolls. Returns a function that
 * stops tracking (call it before the article is replaced).
 */
export function trackToc(main: HTMLElement, toc: HTMLElement): () => void {
  const links = [...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  const targets = links.map((a) => main.querySelector<HTMLElement>(`[id="${CSS.escape(decodeURIComponent(a.hash.slice(1)))}"]`));
  if (links.length === 0) return () => {};
  let frame = 0;
  let current = -2;
  const update = (): void => {
    frame = 0;
    const tops = targets.map((t) => (t ? t.getBoundingClientRect().top : Infinity));
    const active = activeHeading(tops, readingLine);
    if (active === current) return;
    links[current]?.removeAttribute('aria-current');
    links[active]?.setAttribute('aria-current', 'location');
    current = active;
  };
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule, { passive: true });
  update();
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener('scroll', schedule);
    window.removeEventListener('resize', schedule);
  };
}
