/**
 * Draw `pre.mermaid` diagrams when they come near the viewport. The mermaid
 * package is imported only then, so pages without diagrams never load it.
 */
export function observeMermaid(root: HTMLElement): void {
  const blocks = [...root.querySelectorAll<HTMLElement>('pre.mermaid:not([data-mermaid])')];
  if (blocks.length === 0) return;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void draw(entry.target as HTMLElement);
      }
    },
    { rootMargin: '300px 0px' },
  );
  for (const block of blocks) {
    block.dataset.mermaid = 'waiting';
    block.dataset.source = block.textContent ?? '';
    observer.observe(block);
  }
}

/** Redraw the diagrams already drawn under `root`, e.g. after the theme changed. */
export function redrawMermaid(root: ParentNode): void {
  for (const block of root.querySelectorAll<HTMLElement>('pre.mermaid[data-mermaid="drawn"]')) void draw(block);
}

async function draw(block: HTMLElement): Promise<void> {
  const { renderMermaid } = await import('./render-mermaid.ts');
  await renderMermaid(block);
}
