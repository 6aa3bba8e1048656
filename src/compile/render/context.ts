/** What rendering a note needs: nothing of the rest of the garden, so a note's output depends on its own text only. */
import type { HighlightMemo } from './highlight-memo.ts';
import type { CodeHighlighter } from './lazy-highlighter.ts';
import type { Typesetter } from './typesetter.ts';

/** Read-only context for rendering one note. */
export interface RenderContext {
  /** Marks the placeholders of links and embeds (markers.ts) so note content cannot forge them. */
  nonce: string;
  highlighter?: CodeHighlighter;
  /** Math's typesetter: KaTeX (katex.ts), or the parse worker's, which loads it on the first formula (typesetter.ts). */
  math: Typesetter;
  /** The highlighted code of the note being rendered, found and kept (highlight-memo.ts): set for each note by `runNoteJob`. */
  memo?: HighlightMemo;
}
