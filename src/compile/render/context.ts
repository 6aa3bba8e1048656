/** What rendering a note needs: nothing of the rest of the garden, so a note's output depends on its own text only. */
import type { Highlighter } from './highlighter.ts';

/** Read-only context for rendering one note. */
export interface RenderContext {
  /** Marks the placeholders of links and embeds (markers.ts) so note content cannot forge them. */
  nonce: string;
  highlighter?: Highlighter;
}
