import { Facet } from '@codemirror/state';

/**
 * The garden path of the note being edited, for resolving its links as the builder does (relative
 * links, same-folder ties). A function, because following a rename changes it under the same state.
 */
export const notePath = Facet.define<() => string, () => string>({ combine: (values) => values[0] ?? (() => '') });
