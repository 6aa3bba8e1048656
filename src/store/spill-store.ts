/**
 * A {@link NoteStore} on disk, for one-shot builds. Block HTML, plain text and link contexts are
 * most of a large garden's memory (at 100k notes they do not fit in Node's default heap), yet
 * each is read only when a page that shows it is written. The store appends them to one
 * temporary file as results arrive from the worker pool, and keeps per note only offsets and
 * typed arrays (block lines and embeds, context lengths and highlights). The file is unlinked
 * as soon as it is open where the system allows, so it disappears with its descriptor however
 * the process ends. If the temporary folder is full or failing, what could not be written stays
 * in memory: it costs memory, not the build.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NoteJobResult } from '../compile/types.ts';
import type { RenderedBlock } from '../compile/types.ts';
import type { LinkContext, NoteId } from '../shared/types.ts';
import { compiledNote, type NoteStore, type TextRef } from './note-store.ts';
import { outlineOf, packBlocks, unpacked } from './pack-blocks.ts';

/** What the store keeps in memory of one note: where its parts are in the file. */
interface Entry {
  /** Block HTML (a JSON array) in the file, and the blocks' lines and embeds; or the blocks, when they could not be written. */
  html: { at: number; bytes: number; lines: Int32Array; embeds: Int32Array } | readonly RenderedBlock[];
  text: TextRef | string;
  /** The contexts' texts one after the other, the byte offset where each ends, and each highlight (-1, -1 for none). */
  contexts: { at: number; ends: Int32Array; highlights: Int32Array } | readonly LinkContext[];
}

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
  /** Append `bytes`; their offset, or undefined when they cannot be written. */
  const append = (bytes: Uint8Array): number | undefined => {
    try {
      if (writeSync(fd, bytes, 0, bytes.length, end) !== bytes.length) return undefined;
    } catch {
      return undefined;
    }
    end += bytes.length;
    return end - bytes.length;
  };
  const read = (ref: TextRef) => readText(fd, ref);

  const putHtml = (result: NoteJobResult): Entry['html'] => {
    packBlocks(result.rendered);
    const packed = result.rendered.packed;
    if (!packed) return result.rendered.blocks;
    const at = append(packed.html);
    return at === undefined ? unpacked(packed) : { at, bytes: packed.html.length, lines: own(packed.lines), embeds: own(packed.embeds) };
  };
  const putText = (text: string): Entry['text'] => {
    if (text === '') return text;
    const bytes = Buffer.from(text);
    const at = append(bytes);
    return at === undefined ? text : [at, bytes.length];
  };
  const putContexts = (contexts: readonly LinkContext[]): Entry['contexts'] => {
    if (contexts.length === 0) return contexts;
    const ends = new Int32Array(contexts.length);
    const highlights = new Int32Array(contexts.length * 2).fill(-1);
    let bytes = 0;
    contexts.forEach((c, i) => {
      bytes += Buffer.byteLength(c.text);
      ends[i] = bytes;
      if (c.highlight) highlights.set(c.highlight, 2 * i);
    });
    const at = append(Buffer.from(contexts.map((c) => c.text).join('')));
    return at === undefined ? contexts : { at, ends, highlights };
  };

  const store: NoteStore = {
    put(result) {
      entries.set(result.note.id, { html: putHtml(result), text: putText(result.text), contexts: putContexts(result.contexts) });
      return compiledNote(result);
    },
    blocks(id) {
      const html = entries.get(id)?.html;
      if (!html) return [];
      if (isKept(html)) return html;
      const texts = JSON.parse(read([html.at, html.bytes])) as string[];
      return outlineOf(html).map((b, i) => ({ ...b, html: texts[i]! }));
    },
    outline(id) {
      const html = entries.get(id)?.html;
      if (!html) return [];
      return isKept(html) ? html : outlineOf(html);
    },
    text(id, maxBytes) {
      const text = entries.get(id)?.text;
      if (text === undefined) return '';
      if (typeof text === 'string') return maxBytes === undefined ? text : text.slice(0, maxBytes);
      if (maxBytes === undefined || text[1] <= maxBytes) return read(text);
      // A read that cuts through a character ends in U+FFFD.
      return read([text[0], maxBytes]).replace(/\uFFFD+$/, '');
    },
    context(id, link) {
      const contexts = entries.get(id)?.contexts;
      if (!contexts) return undefined;
      if (isKept(contexts)) return contexts[link];
      if (link < 0 || link >= contexts.ends.length) return undefined;
      const start = link === 0 ? 0 : contexts.ends[link - 1]!;
      const text = read([contexts.at + start, contexts.ends[link]! - start]);
      const from = contexts.highlights[2 * link]!;
      return from < 0 ? { text } : { text, highlight: [from, contexts.highlights[2 * link + 1]!] };
    },
    texts: {
      fd,
      refOf(id) {
        const text = entries.get(id)?.text;
        return Array.isArray(text) ? (text as TextRef) : undefined;
      },
    },
    close,
  };
  unclosed.register(store, fd, token);
  return store;
}

/**
 * `view` in a buffer of its own. A typed array read from a cache entry (`v8.deserialize`) is a view
 * of the entry's bytes: kept as it is, it would keep the whole entry (HTML, text, facts) alive.
 */
function own(view: Int32Array): Int32Array {
  return view.byteLength === view.buffer.byteLength ? view : view.slice();
}

/** Whether a part stayed in memory (an array) rather than going to the file. */
function isKept<T, F extends object>(part: readonly T[] | F): part is readonly T[] {
  return Array.isArray(part);
}
