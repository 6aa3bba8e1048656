/** A {@link NoteStore} in memory: for the dev server and builds that keep their results. */
import type { NoteJobResult } from '../compile/types.ts';
import type { RenderedBlock } from '../compile/types.ts';
import type { LinkContext, NoteId } from '../shared/types.ts';
import { compiledNote, type NoteStore } from './note-store.ts';
import { unpackBlocks } from './pack-blocks.ts';

/** A store that keeps everything in memory. */
export function createMemoryStore(): NoteStore {
  const kept = new Map<NoteId, { blocks: readonly RenderedBlock[]; text: string; contexts: readonly LinkContext[] }>();
  return {
    put(result) {
      // A result found in the cache may have been packed by a spilling build's worker.
      unpackBlocks(result.rendered);
      kept.set(result.note.id, { blocks: result.rendered.blocks, text: result.text, contexts: result.contexts });
      return compiledNote(result);
    },
    blocks: (id) => kept.get(id)?.blocks ?? [],
    outline: (id) => kept.get(id)?.blocks ?? [],
    text: (id, maxBytes) => (kept.get(id)?.text ?? '').slice(0, maxBytes),
    context: (id, link) => kept.get(id)?.contexts[link],
    close: () => kept.clear(),
  };
}

/** A reader over results kept elsewhere (the dev server's compiled notes). */
export function resultReader(get: (id: NoteId) => NoteJobResult | undefined): Pick<NoteStore, 'blocks' | 'outline' | 'text' | 'context'> {
  return {
    blocks: (id) => get(id)?.rendered.blocks ?? [],
    outline: (id) => get(id)?.rendered.blocks ?? [],
    text: (id, maxBytes) => (get(id)?.text ?? '').slice(0, maxBytes),
    context: (id, link) => get(id)?.contexts[link],
  };
}
