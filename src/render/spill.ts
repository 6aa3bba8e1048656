/**
 * Rendered HTML kept on disk while a build runs. Rendered blocks are most of
 * a garden's memory (at 100k notes they do not fit in Node's default heap),
 * yet each is read only when its page, or a page transcluding it, is
 * written. A build appends every note's block HTML to one temporary file as
 * it arrives from the worker pool and keeps only the offsets, the block line
 * ranges and the embeds each block holds; the assembler reads blocks back on
 * demand. The file is unlinked as soon as it is open (where the system allows),
 * so it disappears with its descriptor whatever way the process ends.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embedMarkerHtmlPrefix } from './context.ts';
import type { RenderedBlock, RenderedNote } from './index.ts';

/** Where a spilled note's block HTML lives in the spill file. */
export interface SpillRef {
  offset: number;
  length: number;
}

/** An append-only file of block HTML, read back by offset. */
export interface BlockSpill {
  /** Move `rendered`'s block HTML to disk (the blocks keep their lines and embeds). */
  put(rendered: RenderedNote): void;
  /** The blocks of `rendered` with their HTML, read back if spilled. */
  blocks(rendered: RenderedNote): readonly RenderedBlock[];
  /** Delete the file. */
  close(): void;
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
  const spill: BlockSpill = {
    put(rendered) {
      if (rendered.spill || rendered.blocks.length === 0) return;
      const prefix = embedMarkerHtmlPrefix(rendered.nonce);
      for (const b of rendered.blocks) b.embeds = embedsIn(b.html, prefix);
      const data = Buffer.from(JSON.stringify(rendered.blocks.map((b) => b.html)));
      try {
        if (writeSync(fd, data, 0, data.length, end) !== data.length) throw new Error('short write');
      } catch {
        // A full or failing temporary folder costs memory, not the build: this note stays in memory.
        for (const b of rendered.blocks) delete b.embeds;
        return;
      }
      rendered.spill = { offset: end, length: data.length };
      end += data.length;
      for (const b of rendered.blocks) b.html = '';
    },
    blocks(rendered) {
      if (!rendered.spill) return rendered.blocks;
      const buf = Buffer.allocUnsafe(rendered.spill.length);
      readSync(fd, buf, 0, buf.length, rendered.spill.offset);
      const html = JSON.parse(buf.toString('utf8')) as string[];
      return rendered.blocks.map((b, i) => ({ ...b, html: html[i]! }));
    },
    close,
  };
  unclosed.register(spill, fd, token);
  return spill;
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
