/** KaTeX as a {@link Typesetter}: loaded by the parse worker on a note's first formula (typesetter.ts), by other renderers up front. */
import katex from 'katex';
// Chemistry (`\ce`, `\pu`), as Obsidian renders it: mhchem registers its macros on the katex module above.
import 'katex/contrib/mhchem';
import type { Typesetter } from './typesetter.ts';

const options = { strict: 'ignore', output: 'htmlAndMathml' } as const;

export const katexTypesetter: Typesetter = (tex, displayMode, throwOnError) => katex.renderToString(tex, { ...options, displayMode, throwOnError });
