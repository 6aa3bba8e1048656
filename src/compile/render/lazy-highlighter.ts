/**
 * A highlighter that loads Shiki and its grammars only when a code block needs highlighting (one
 * not found in the note's highlight memo, highlight-memo.ts). Rendering is synchronous, so a
 * render that asks before the highlighter is loaded gets an empty block and is told afterwards
 * (`asked`): its caller loads the highlighter and renders the note again. Which languages the
 * highlighter knows is answered without loading it (`loadedLanguages`), so the choice of grammar,
 * and so the memo's key, is the same either way.
 */
import type { Root } from 'hast';
import { loadedLanguages, type Highlighter } from './highlight-options.ts';

/** What rendering asks of a highlighter (rehype-shiki with neither lazy loading nor inline code). */
export type CodeHighlighter = Pick<Highlighter, 'getLoadedLanguages' | 'codeToHast'>;

export class LazyHighlighter implements CodeHighlighter {
  #real: Highlighter | undefined;
  #asked = false;
  readonly #load: () => Promise<Highlighter>;

  constructor(load: () => Promise<Highlighter>) {
    this.#load = load;
  }

  getLoadedLanguages(): string[] {
    return this.#real ? this.#real.getLoadedLanguages() : [...loadedLanguages];
  }

  codeToHast(...args: Parameters<Highlighter['codeToHast']>): Root {
    if (this.#real) return this.#real.codeToHast(...args);
    this.#asked = true;
    return { type: 'root', children: [] };
  }

  /** Whether a render asked for highlighting before the highlighter was loaded, since the last call: its output is not to be used. */
  asked(): boolean {
    const asked = this.#asked;
    this.#asked = false;
    return asked;
  }

  /** Load the highlighter (once). */
  async load(): Promise<void> {
    this.#real ??= await this.#load();
  }
}
