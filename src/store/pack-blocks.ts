/**
 * A note's rendered blocks packed as bytes and typed arrays: how a parse worker hands block HTML
 * to a build that spills it (spill-store.ts), so the build's thread never holds, copies or
 * encodes it, and how the spill file indexes it.
 */
import { markerHtmlPrefix } from '../compile/render/markers.ts';
import type { PackedBlocks, RenderedBlock, RenderedNote } from '../compile/types.ts';

/** Pack `rendered`'s blocks (`blocks` becomes empty, `packed` is set). */
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
  rendered.blocks = unpacked(rendered.packed).map(({ start, end, html }) => ({ start, end, html }));
  rendered.packed = undefined;
}

/** The blocks of packed HTML bytes `html` with the lines and embeds of `index`. */
export function unpacked(packed: Pick<PackedBlocks, 'html' | 'lines' | 'embeds'>): RenderedBlock[] {
  const html = JSON.parse(decoder.decode(packed.html)) as string[];
  return outlineOf(packed).map((b, i) => ({ ...b, html: html[i]! }));
}

/** Blocks rebuilt from a packed note's index: lines and embeds, no HTML. */
export function outlineOf(index: { lines: ArrayLike<number>; embeds: ArrayLike<number> }): RenderedBlock[] {
  const blocks: RenderedBlock[] = [];
  for (let i = 0; i < index.lines.length; i += 2) blocks.push({ start: index.lines[i]!, end: index.lines[i + 1]!, html: '', embeds: [] });
  for (let i = 0; i < index.embeds.length; i += 2) blocks[index.embeds[i]!]!.embeds!.push(index.embeds[i + 1]!);
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

const encoder = new TextEncoder();
const decoder = new TextDecoder();
