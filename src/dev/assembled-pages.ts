/**
 * The dev server's assembled pages: a published note's body HTML with its
 * embeds filled in (`assembleNote`, the build's function), kept until the note
 * or anything it embeds changes.
 */
import { assembleNote, type AssembleInput } from '../assemble/assemble.ts';
import type { Diagnostic, NoteId } from '../shared/types.ts';

/** A page's HTML and the diagnostics of its cut embeds. */
export interface AssembledPage {
  html: string;
  diagnostics: Diagnostic[];
}

/** Assembled pages by note. */
export class AssembledPages {
  #pages = new Map<NoteId, AssembledPage>();

  /** The page of note `id`, assembled from `input` unless it is kept. */
  get(id: NoteId, input: AssembleInput): AssembledPage {
    let page = this.#pages.get(id);
    if (!page) {
      const diagnostics: Diagnostic[] = [];
      page = { html: assembleNote(id, input, diagnostics), diagnostics };
      this.#pages.set(id, page);
    }
    return page;
  }

  /** The page of note `id` if it is kept (assembled and not forgotten since). */
  peek(id: NoteId): AssembledPage | undefined {
    return this.#pages.get(id);
  }

  /** Forget the pages of `ids` and of every note embedding them, transitively; returns them all. */
  forget(ids: Iterable<NoteId>, embeddersOf: (id: NoteId) => Iterable<NoteId>): NoteId[] {
    const seen = new Set<NoteId>();
    const queue = [...ids];
    while (queue.length) {
      const id = queue.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      this.#pages.delete(id);
      for (const e of embeddersOf(id)) queue.push(e);
    }
    return [...seen];
  }

  /** Forget every page. */
  clear(): void {
    this.#pages.clear();
  }
}
