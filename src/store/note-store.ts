/**
 * Where a build keeps what compiled notes are made of besides their facts: block HTML, plain
 * text and the text around each link. Stages read these through a {@link NoteReader} and never
 * reshape the records they are given: a `ParsedNote` or `LinkRef` is the same plain data in
 * a worker, in the cache and in the model. A one-shot build keeps them on disk
 * (spill-store.ts), the dev server and `keepResults` builds in memory (memory-store.ts).
 */
import { createHash } from 'node:crypto';
import type { NoteJobResult } from '../compile/types.ts';
import type { RenderedBlock } from '../compile/types.ts';
import type { LinkContext, NoteId, ParsedNote } from '../shared/types.ts';

/** What the model keeps in memory of a compiled note. */
export interface CompiledNote {
  note: ParsedNote;
  /** The nonce its placeholders carry (compile/render/markers.ts). */
  nonce: string;
  /** Link indexes of its block embeds (notes and sections), for following transclusions. */
  embeds: readonly number[];
  /**
   * A hash of the text and highlight around each of its links, in link order (`contextsHash`): with
   * its title and URL, all a page showing its backlinks reads of it (src/incremental/note-page-key.ts).
   */
  contextsHash: string;
}

/** Reading what a store keeps of note `id`. */
export interface NoteReader {
  /** The note's rendered blocks with their HTML. */
  blocks(id: NoteId): readonly RenderedBlock[];
  /** The note's blocks with their lines and embeds, without HTML (for following embeds). */
  outline(id: NoteId): readonly RenderedBlock[];
  /**
   * Plain text of the note's body (search, unlinked mentions); with `maxBytes`, about its first
   * `maxBytes` bytes of UTF-8 or fewer (a summary), never a broken character.
   */
  text(id: NoteId, maxBytes?: number): string;
  /** The text around the note's link number `link`, if it has one. */
  context(id: NoteId, link: number): LinkContext | undefined;
}

/** A file of note texts that another thread of this process may read (the search worker). */
export interface TextsOnDisk {
  fd: number;
  /** Offset and length in bytes of note `id`'s text, when it is in the file. */
  refOf(id: NoteId): TextRef | undefined;
}

/** A text in a store's file: offset and length in bytes, and the file when it is not the store's own (a kept model's segment). */
export type TextRef = [offset: number, length: number, fd?: number];

/** A store: keeps compiled notes' HTML, text and contexts, and reads them back. */
export interface NoteStore extends NoteReader {
  /** Keep `result`'s HTML, text and contexts; returns what the model keeps of the note. */
  put(result: NoteJobResult): CompiledNote;
  /** The file of texts, when the store keeps them on disk. */
  readonly texts?: TextsOnDisk;
  /** Let go of what the store holds (its file, if any); nothing may be read after. */
  close(): void;
}

/** The record the model keeps of `result`. */
export function compiledNote(result: NoteJobResult): CompiledNote {
  return { note: result.note, nonce: result.rendered.nonce, embeds: result.rendered.embeds, contextsHash: contextsHash(result.contexts) };
}

/**
 * The hash of a note's link contexts: each context's text and highlight, in link order. An edit
 * away from every link (a sentence appended, a paragraph without links reworded) leaves it as it
 * was, and so every page showing the note's backlinks.
 */
export function contextsHash(contexts: readonly LinkContext[]): string {
  const h = createHash('sha256');
  for (const c of contexts) h.update(`${c.highlight ? `${c.highlight[0]},${c.highlight[1]}` : ''}\u0001${c.text.length}\u0001${c.text}`);
  return h.digest('base64url').slice(0, 24);
}
