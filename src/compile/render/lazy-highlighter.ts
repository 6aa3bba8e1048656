/**
 * A highlighter that loads Shiki and its grammars only when a code block needs highlighting (one
 * not found in the note's highlight memo, highlight-memo.ts): a render that asks before the
 * highlighter is loaded gets an empty block, and is rendered again once it is (on-demand.ts).
 * Which languages the highlighter knows is answered without loading it (`loadedLanguages`), so
 * the choice of grammar, and so the memo's key, is the same either way.
 */
import type { Root } from 'hast';
import { loadedLanguages, type Highlighter } from './highlight-options.ts';
import { OnDemand } from './on-demand.ts';

/** What rendering asks of a highlighter (rehype-shiki with neither lazy loading nor inline code). */
export type CodeHighlighter = Pick<Highlighter, 'getLoadedLanguages' | 'codeToHast'>;

export class LazyHighlighter extends OnDemand<Highlighter> implements CodeHighlighter {
  getLoadedLanguages(): string[] {
    return this.loaded()?.getLoadedLanguages() ?? [...loadedLanguages];
  }

  codeToHast(...args: Parameters<Highlighter['codeToHast']>): Root {
    return this.need()?.codeToHast(...args) ?? { type: 'root', children: [] };
  }
}
