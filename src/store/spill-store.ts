/**
 * A {@link NoteStore} on disk, for one-shot builds. Block HTML, plain text and link contexts are
 * most of a large garden's memory (at 100k notes they do not fit in Node's default heap), yet
 * each is read only when a page that shows it is written. The store appends them to one
 * temporary file as results arrive from the worker pool, and keeps per note only offsets and
 * a few numbers (block lines and embeds, context lengths and highlights), in one slab of integers
 * for all notes (src/store/int-slab.ts). The file is unlinked
 * as soon as it is open where the system allows, so it disappears with its descriptor however
 * the process ends. If the temporary folder is full or failing, what could not be written stays
 * in memory: it costs memory, not the build.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writevSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NoteJobResult } from '../compile/types.ts';
import type { RenderedBlock } from '../compile/types.ts';
import type { LinkContext, NoteId } from '../shared/types.ts';
import { compiledNote, type NoteStore, type TextRef } from './note-store.ts';
import { IntSlab } from './int-slab.ts';
import { outlineOf, packBlocks, unpacked } from './pack-blocks.ts';

/**
 * What the store keeps in memory of a note whose parts are in the file: where they are (block HTML as a JSON array,
 * plain text, and the link contexts' texts, one after the other), and where its numbers start in the store's slab:
 * its blocks' lines (two a block), their embeds (block and link, two each), its contexts' ends (byte offsets into
 * their texts) and highlights (two each, -1 for none). A few numbers in one object: a 100k garden's store holds 100k.
 */
interface OnDisk {
  htmlAt: number;
  htmlBytes: number;
  textAt: number;
  /** 0 for an empty text. */
  textBytes: number;
  contextsAt: number;
  numbers: number;
  /** How many numbers of the lines, and of the embeds; how many contexts. */
  lines: number;
  embeds: number;
  contexts: number;
}

/** A note kept in memory, when its parts could not be written. */
interface InMemory {
  blocks: readonly RenderedBlock[];
  text: string;
  contexts: readonly LinkContext[];
}

type Entry = OnDisk | InMemory;

/** Read the UTF-8 text at `ref` of the file at `fd`. */
export function readText(fd: number, [offset, length, file]: TextRef): string {
  const buf = Buffer.allocUnsafe(length);
  readSync(file ?? fd, buf, 0, length, offset);
  return buf.toString('utf8');
}

/** Stores whose file could not be unlinked while open (Windows), removed at exit. */
const atExit = new Set<() => void>();
/** A store dropped without `close()` still closes its file descriptor. */
const unclosed = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
});

/** A store on disk in the system's temporary folder, or undefined where none can be created (the build keeps everything in memory). */
export function tryCreateSpillStore(): NoteStore | undefined {
  try {
    return createSpillStore();
  } catch {
    return undefined;
  }
}

/** Create a store on disk in the system's temporary folder. */
export function createSpillStore(): NoteStore {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trellis-spill-'));
  const fd = openSync(path.join(dir, 'notes'), 'w+');
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
  const entries = new Map<NoteId, Entry>();
  const close = () => {
    if (closed) return;
    closed = true;
    entries.clear();
    unclosed.unregister(token);
    atExit.delete(close);
    closeSync(fd);
    if (!unlinked) rmSync(dir, { recursive: true, force: true });
  };
  if (!unlinked) atExit.add(close);
  /** Append `parts`, one after the other; where the first starts, or undefined when they cannot be written. */
  const append = (parts: Uint8Array[]): number | undefined => {
    let bytes = 0;
    for (const p of parts) bytes += p.length;
    try {
      if (bytes > 0 && writevSync(fd, parts, end) !== bytes) return undefined;
    } catch {
      return undefined;
    }
    end += bytes;
    return end - bytes;
  };
  const read = (ref: TextRef) => readText(fd, ref);

  const slab = new IntSlab();

  /** Write `result`'s parts to the file (one call); undefined when they cannot be written. */
  const onDisk = (result: NoteJobResult): OnDisk | undefined => {
    packBlocks(result.rendered);
    const packed = result.rendered.packed;
    const html = packed?.html ?? empty;
    const text = result.text === '' ? empty : Buffer.from(result.text);
    const { contexts } = result;
    const ends = new Int32Array(contexts.length);
    const highlights = new Int32Array(contexts.length * 2).fill(-1);
    let bytes = 0;
    contexts.forEach((c, i) => {
      bytes += Buffer.byteLength(c.text);
      ends[i] = bytes;
      if (c.highlight) highlights.set(c.highlight, 2 * i);
    });
    const contextTexts = contexts.length === 0 ? empty : Buffer.from(contexts.map((c) => c.text).join(''));
    const at = append([html, text, contextTexts]);
    if (at === undefined) return undefined;
    const lines = packed?.lines ?? empty32;
    const embeds = packed?.embeds ?? empty32;
    return {
      htmlAt: at,
      htmlBytes: html.length,
      textAt: at + html.length,
      textBytes: text.length,
      contextsAt: at + html.length + text.length,
      // Copied into the slab: a typed array read from a cache entry (`v8.deserialize`) is a view of the entry's bytes, which it would keep alive.
      numbers: slab.put([lines, embeds, ends, highlights]),
      lines: lines.length,
      embeds: embeds.length,
      contexts: contexts.length,
    };
  };
  const inMemory = (result: NoteJobResult): InMemory => ({
    blocks: result.rendered.packed ? unpacked(result.rendered.packed) : result.rendered.blocks,
    text: result.text,
    contexts: result.contexts,
  });
  const outline = (e: OnDisk) => outlineOf({ lines: slab.view(e.numbers, 0, e.lines), embeds: slab.view(e.numbers, e.lines, e.embeds) });

  const store: NoteStore = {
    put(result) {
      entries.set(result.note.id, onDisk(result) ?? inMemory(result));
      return compiledNote(result);
    },
    blocks(id) {
      const e = entries.get(id);
      if (!e) return [];
      if (isInMemory(e)) return e.blocks;
      if (e.lines === 0) return [];
      const texts = JSON.parse(read([e.htmlAt, e.htmlBytes])) as string[];
      return outline(e).map((b, i) => ({ ...b, html: texts[i]! }));
    },
    outline(id) {
      const e = entries.get(id);
      if (!e) return [];
      return isInMemory(e) ? e.blocks : outline(e);
    },
    text(id, maxBytes) {
      const e = entries.get(id);
      if (e === undefined) return '';
      if (isInMemory(e)) return maxBytes === undefined ? e.text : e.text.slice(0, maxBytes);
      if (e.textBytes === 0) return '';
      if (maxBytes === undefined || e.textBytes <= maxBytes) return read([e.textAt, e.textBytes]);
      // A read that cuts through a character ends in U+FFFD.
      return read([e.textAt, maxBytes]).replace(/\uFFFD+$/, '');
    },
    context(id, link) {
      const e = entries.get(id);
      if (!e) return undefined;
      if (isInMemory(e)) return e.contexts[link];
      if (link < 0 || link >= e.contexts) return undefined;
      const ends = slab.view(e.numbers, e.lines + e.embeds, e.contexts);
      const start = link === 0 ? 0 : ends[link - 1]!;
      const text = read([e.contextsAt + start, ends[link]! - start]);
      const [from, to] = slab.view(e.numbers, e.lines + e.embeds + e.contexts + 2 * link, 2);
      return from! < 0 ? { text } : { text, highlight: [from!, to!] };
    },
    texts: {
      fd,
      refOf(id) {
        const e = entries.get(id);
        return e && !isInMemory(e) && e.textBytes > 0 ? [e.textAt, e.textBytes] : undefined;
      },
    },
    close,
  };
  unclosed.register(store, fd, token);
  return store;
}

const empty = new Uint8Array(0);
const empty32 = new Int32Array(0);

/** Whether a note stayed in memory (its parts could not be written). */
function isInMemory(e: Entry): e is InMemory {
  return 'blocks' in e;
}
