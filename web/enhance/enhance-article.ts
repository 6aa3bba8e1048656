import { addCopyButtons } from './add-copy-buttons.ts';
import { enableAllBacklinks, type AllBacklinks } from './enable-all-backlinks.ts';
import { enhanceCallouts } from './enhance-callouts.ts';
import { ensureStylesheet } from './ensure-stylesheet.ts';
import { observeMermaid } from './observe-mermaid.ts';

/** What `enhanceArticle` needs from the page. */
export interface EnhanceOptions {
  /** URL of the KaTeX stylesheet, linked when the content has math. */
  mathCss?: string;
  /** Source of the full backlinks list, for notes whose list was cut. */
  backlinks?: AllBacklinks;
}

/**
 * Add the interactive parts of note content that the prerendered HTML cannot
 * have: copy buttons on code blocks, foldable `div` callouts, lazily drawn
 * mermaid diagrams, the math stylesheet, and "Show all" for long backlink
 * lists. Safe to call again on the same
 * content (already enhanced parts are skipped).
 */
export function enhanceArticle(root: HTMLElement, options: EnhanceOptions): void {
  addCopyButtons(root);
  enhanceCallouts(root);
  observeMermaid(root);
  if (options.mathCss && root.querySelector('.katex')) ensureStylesheet(options.mathCss);
  if (options.backlinks) enableAllBacklinks(root, options.backlinks);
}
