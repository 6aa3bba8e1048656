/**
 * What rendering asks of a math typesetter, and one that loads KaTeX only when a note has math.
 *
 * KaTeX is a quarter of the parse worker's code (~0.56 MB of ~2 MB), and most notes a warm build
 * compiles have no math: the worker loads it on the first formula. Rendering is synchronous, so a
 * render that asks before KaTeX is loaded gets an empty formula and is told afterwards (`asked`): its
 * caller loads KaTeX and renders the note again, as it does for the highlighter (lazy-highlighter.ts).
 */

/**
 * Typeset `tex` as KaTeX HTML (display or inline). With `throwOnError`, a formula KaTeX cannot parse
 * throws; without, it comes back in KaTeX's error style.
 */
export type Typesetter = (tex: string, display: boolean, throwOnError: boolean) => string;

export class LazyTypesetter {
  #real: Typesetter | undefined;
  #asked = false;
  readonly #load: () => Promise<Typesetter>;

  constructor(load: () => Promise<Typesetter>) {
    this.#load = load;
  }

  /** The typesetter to render with: KaTeX once loaded; until then one that records it was asked and typesets nothing. */
  readonly typeset: Typesetter = (tex, display, throwOnError) => {
    if (this.#real) return this.#real(tex, display, throwOnError);
    this.#asked = true;
    return '';
  };

  /** Whether a render asked for math before KaTeX was loaded, since the last call: its output is not to be used. */
  asked(): boolean {
    const asked = this.#asked;
    this.#asked = false;
    return asked;
  }

  /** Load KaTeX (once). */
  async load(): Promise<void> {
    this.#real ??= await this.#load();
  }
}
