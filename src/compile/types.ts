/**
 * The records of the compile stage: a note job, what it gives back (across threads and into the
 * cache), and a note's rendered blocks. Types only, so that the stage's modules, the canvas
 * compiler and the store can share them without importing each other.
 */
import type { LinkContext, NoteId, NotePath, ParsedNote } from '../shared/types.ts';
import type { HighlightedCode } from './render/highlight-memo.ts';

/** Input of one note job. */
export interface NoteJob {
  path: NotePath;
  id: NoteId;
  hash: string;
  text: string;
  /** The cache entry of the note's previous version (src/store/cache.ts), whose highlighted code this one reuses where unchanged. */
  previous?: string;
}

/** Output of one note job: what crosses back from a worker and what the cache keeps. */
export interface NoteJobResult {
  note: ParsedNote;
  rendered: RenderedNote;
  /** Plain text of the whole note body, comments excluded (search, unlinked mentions). */
  text: string;
  /** The text around each link, numbered as `note.links` (backlinks). */
  contexts: LinkContext[];
  /** The note's highlighted code blocks (src/compile/render/highlight-memo.ts): for its next version. */
  code?: HighlightedCode;
  /** Set when the note was given up for a limit of this run (time, memory): not cached, so a later build tries it again. */
  givenUp?: true;
}

/** One rendered top-level block and the source lines it spans. */
export interface RenderedBlock {
  start: number;
  end: number;
  html: string;
  /** Block-embed link indexes in this block; set on blocks rebuilt from packed blocks (store/pack-blocks.ts). */
  embeds?: number[];
}

/** A rendered note, before embeds are filled in. */
export interface RenderedNote {
  blocks: RenderedBlock[];
  nonce: string;
  /** Link indexes of the block embeds (notes and sections) left as placeholders. */
  embeds: number[];
  /** Set when a parse worker packed the blocks for a build's store on disk (store/pack-blocks.ts); `blocks` is then empty. */
  packed?: PackedBlocks;
}

/** A note's blocks packed: their HTML as bytes, their lines and embeds in typed arrays. */
export interface PackedBlocks {
  /** UTF-8 JSON array of the blocks' HTML. */
  html: Uint8Array;
  /** Each block's first and last source line: start, end, start, end, ... */
  lines: Int32Array;
  /** The block embeds in the blocks, in order: block index, link index, block index, link index, ... */
  embeds: Int32Array;
}
