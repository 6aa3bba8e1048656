/**
 * Rendered HTML kept on disk while a build runs. Rendered blocks are most of
 * a garden's memory (at 100k notes they do not fit in Node's default heap),
 * yet each is read only when its page, or a page transcluding it, is
 * written. A build appends every note's block HTML to one temporary file as
 * it arrives from the worker pool and keeps only the offsets, the block line
 * ranges and the embeds each block holds, in two typed arrays per note (an
 * object per block would cost far more); the assembler reads blocks back
 * on demand. The file is unlinked as soon as it is open (where the system allows),
 * so it disappears with its descriptor whatever way the process ends.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markerHtmlPrefix } from '../compile/render/markers.ts';
import type { ParsedNote } from '../shared/types.ts';
import type { RenderedBlock, RenderedNote } from '../compile/render/index.ts';
import { SpilledLink } from './spilled-link.ts';

/** A note's blocks packed for the spill file: their HTML as bytes, their lines and embeds in typed arrays. */
export interface PackedBlocks {
  /** UTF-8 JSON array of the blocks' HTML. */
  html: Uint8Array;
  /** Each block's first and last source line: start, end, start, end, ... */
  lines: Int32Array;
  /** The embeds in the blocks, in order: block index, link index, block index, link index, ... */
  embeds: Int32Array;
}

/** Where a spilled note's block HTML lives in the spill file, and what its blocks hold. */
export interface SpillRef extends Omit<PackedBlocks, 'html'> {
  offset: number;
  length: number;
}

/**
 * Pack `rendered`'s blocks (`blocks` becomes empty, `packed` is set). Parse workers pack what
 * a spilling build will write, so the build's thread never holds, copies or encodes block HTML.
 */
export function packBlocks(rendered: RenderedNote): void {
  if (rendered.packed || rendered.blocks.length === 0) return;
  const prefix = markerHtmlPrefix('embed', rendered.nonce);
  const lines = new Int32Array(rendered.blocks.length * 2);
  const embeds: number[] = [];
  rendered.blocks.forEach((b, i) => {
    lines[2 * i] = b.start;
    lines[2 * i + 1] = b.end;
    for (const linkIndex of embedsIn(b.html, prefix)) embeds.push(i, linkIndex);
  });
  rendered.packed = { html: encoder.encode(JSON.stringify(rendered.blocks.map((b) => b.html))), lines, embeds: Int32Array.from(embeds) };
  rendered.blocks = [];
}

/** Undo {@link packBlocks} (for a packed note found in the cache by a build that keeps HTML in memory). */
export function unpackBlocks(rendered: RenderedNote): void {
  if (!rendered.packed) return;
  const html = JSON.parse(decoder.decode(rendered.packed.html)) as string[];
  rendered.blocks = outlineOf(rendered.packed).map((b, i) => ({ start: b.start, end: b.end, html: html[i]! }));
  rendered.packed = undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** An append-only file of block HTML, read back by offset. */
export interface BlockSpill {
  /** Move `rendered`'s blocks to disk, leaving their lines and embeds in {@link SpillRef} (`blocks` becomes empty). */
  put(rendered: RenderedNote): void;
  /** The blocks of `rendered` with their HTML, read back if spilled. */
  blocks(rendered: RenderedNote): readonly RenderedBlock[];
  /** The blocks of `rendered` with their lines and embeds but without HTML (for following embeds). */
  outline(rendered: RenderedNote): readonly RenderedBlock[];
  /**
   * Move `note`'s plain text to disk, and return the note to keep in its place: a copy whose
   * `text` is a getter that reads it back (unlinked mentions and search read each note's text
   * once, late in the build), or `note` itself when its text stays in memory.
   */
  putText(note: ParsedNote): ParsedNote;
  /**
   * Move the context of each of `note`'s links to disk: `note.links` becomes {@link SpilledLink}s,
   * compact copies whose `context` getter reads it back (when a page that shows the link as a
   * backlink is written). Like spilled notes' `text`, their context, position, range and highlight
   * are getters of the class: a structured clone or JSON of a spilled link or note leaves them out
   * (nothing sends them anywhere after the build).
   */
  putContexts(note: ParsedNote): void;
  /** Where {@link putText} put `note`'s text in the file at {@link fd}: offset and length in bytes. */
  textRef(note: ParsedNote): TextRef | undefined;
  /** The UTF-8 text at `ref` of the file. */
  read(ref: TextRef): string;
  /** The file's descriptor (threads of this process may read it while the spill is open). */
  readonly fd: number;
  /** Delete the file. */
  close(): void;
}

/** Where a spilled note's text is in the file (symbols: not fields of its data). */
const spilledAt = Symbol('spilledAt');
const spilledBytes = Symbol('spilledBytes');
type Spilled = { [spilledAt]: number; [spilledBytes]: number };

/** A text in a spill file: offset and length in bytes. */
export type TextRef = [offset: number, length: number];

/** Read the UTF-8 text at `ref` of the file at `fd`. */
export function readText(fd: number, [offset, length]: TextRef): string {
  const buf = Buffer.allocUnsafe(length);
  readSync(fd, buf, 0, length, offset);
  return buf.toString('utf8');
}

/** Spills whose file could not be unlinked while open (Windows), removed at exit. */
const atExit = new Set<() => void>();
/** A spill dropped without `close()` still closes its file descriptor. */
const unclosed = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
});

/** A spill file in the system's temporary folder, or undefined where none can be created (the build keeps HTML in memory). */
export function tryCreateBlockSpill(): BlockSpill | undefined {
  try {
    return createBlockSpill();
  } catch {
    return undefined;
  }
}

/** Create a spill file in the system's temporary folder. */
export function createBlockSpill(): BlockSpill {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trellis-spill-'));
  const fd = openSync(path.join(dir, 'blocks'), 'w+');
  // Unlinked at once where the system allows it: the open descriptor keeps the data, and
  // nothing is left behind however the process ends.
  let unlinked = false;
  try {
    rmSync(dir, { recursive: true, force: true });
    unlinked = true;
  } catch {
    if (atExit.size === 0) process.once('exit', () => [...atExit].forEach((c) => c()));
  }
  let end = 0;
  let closed = false;
  const token = {};
  const close = () => {
    if (closed) return;
    closed = true;
    unclosed.unregister(token);
    atExit.delete(close);
    closeSync(fd);
    if (!unlinked) rmSync(dir, { recursive: true, force: true });
  };
  if (!unlinked) atExit.add(close);
  /**
   * Append `bytes` to the file; their offset, or undefined when they cannot be written. A full or
   * failing temporary folder costs memory, not the build: what was to be spilled stays in memory.
   */
  const append = (bytes: Uint8Array): number | undefined => {
    try {
      if (writeSync(fd, bytes, 0, bytes.length, end) !== bytes.length) return undefined;
    } catch {
      return undefined;
    }
    end += bytes.length;
    return end - bytes.length;
  };
  /**
   * Spilled notes read their text through this prototype. A getter defined on each note would make
   * it a dictionary-mode object (0.8 KB of property table a note). The getter holds the spill, and
   * so does each spilled link's reader, so its file stays open while anything can still read from it.
   */
  const spilledNote: object = Object.create(Object.prototype, {
    text: {
      get(this: Spilled) {
        return spill.read([this[spilledAt], this[spilledBytes]]);
      },
    },
  });
  const read = (ref: TextRef) => spill.read(ref);
  const spill: BlockSpill = {
    put(rendered) {
      if (rendered.spill) return;
      packBlocks(rendered);
      const packed = rendered.packed;
      if (!packed) return;
      const offset = append(packed.html);
      if (offset === undefined) {
        unpackBlocks(rendered);
        return;
      }
      rendered.spill = { offset, length: packed.html.length, lines: packed.lines, embeds: packed.embeds };
      rendered.packed = undefined;
    },
    blocks(rendered) {
      if (!rendered.spill) return rendered.blocks;
      const html = JSON.parse(readText(fd, [rendered.spill.offset, rendered.spill.length])) as string[];
      return outlineOf(rendered.spill).map((b, i) => ({ ...b, html: html[i]! }));
    },
    putText(note) {
      if (note.text === '') return note;
      const data = Buffer.from(note.text);
      const offset = append(data);
      if (offset === undefined) return note;
      const kept = Object.create(spilledNote) as Record<string | symbol, unknown>;
      for (const key of Object.keys(note)) if (key !== 'text') kept[key] = note[key as keyof ParsedNote];
      kept[spilledAt] = offset;
      kept[spilledBytes] = data.length;
      return kept as unknown as ParsedNote;
    },
    putContexts(note) {
      if (note.links.length === 0) return;
      // One buffer for all of them, and each one's length in bytes (a buffer each would be an object per link).
      const contexts = note.links.map((link) => link.context);
      const offset = append(Buffer.from(contexts.join('')));
      if (offset === undefined) return;
      let at = offset;
      note.links = note.links.map((link, i) => {
        const length = Buffer.byteLength(contexts[i]!);
        const kept = new SpilledLink(link, read, at, length);
        at += length;
        return kept;
      });
    },
    textRef(note) {
      const spilled = note as ParsedNote & Partial<Spilled>;
      return spilled[spilledAt] === undefined ? undefined : [spilled[spilledAt], spilled[spilledBytes]!];
    },
    read(ref) {
      return readText(fd, ref);
    },
    fd,
    outline(rendered) {
      return rendered.spill ? outlineOf(rendered.spill) : rendered.blocks;
    },
    close,
  };
  unclosed.register(spill, fd, token);
  return spill;
}

/** Blocks rebuilt from a spilled or packed note's index: lines and embeds, no HTML. */
function outlineOf(ref: Pick<SpillRef, 'lines' | 'embeds'>): RenderedBlock[] {
  const blocks: RenderedBlock[] = [];
  for (let i = 0; i < ref.lines.length; i += 2) blocks.push({ start: ref.lines[i]!, end: ref.lines[i + 1]!, html: '', embeds: [] });
  for (let i = 0; i < ref.embeds.length; i += 2) blocks[ref.embeds[i]!]!.embeds!.push(ref.embeds[i + 1]!);
  return blocks;
}

/** Link indexes of the embed placeholders in `html`, in order. */
export function embedsIn(html: string, prefix: string): number[] {
  const out: number[] = [];
  for (let at = html.indexOf(prefix); at !== -1; at = html.indexOf(prefix, at + prefix.length)) {
    const start = at + prefix.length;
    out.push(Number(html.slice(start, html.indexOf('-->', start))));
  }
  return out;
}
