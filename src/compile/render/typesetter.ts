/**
 * What rendering asks of a math typesetter, and one that loads KaTeX only when a note has math.
 *
 * KaTeX is a quarter of the parse worker's code (~0.56 MB of ~2 MB), and most notes a warm build
 * compiles have no math: the worker loads it on the first formula. Rendering is synchronous, so a
 * render that asks before KaTeX is loaded gets an empty formula and is told afterwards (`asked`): its
 * caller loads KaTeX and renders the note again, as it does for the highlighter (lazy-highlighter.ts, on-demand.ts).
 */
import { OnDemand } from './on-demand.ts';

/**
 * Typeset `tex` as KaTeX HTML (display or inline). With `throwOnError`, a formula KaTeX cannot parse
 * throws; without, it comes back in KaTeX's error style.
 */
export type Typesetter = (tex: string, display: boolean, throwOnError: boolean) => string;

/** KaTeX, loaded on the first formula (on-demand.ts); `typeset` typesets nothing until then. */
export class LazyTypesetter extends OnDemand<Typesetter> {
  /** The typesetter to render with. */
  readonly typeset: Typesetter = (tex, display, throwOnError) => this.need()?.(tex, display, throwOnError) ?? '';
}
