/** The build's spill file for rendered HTML (src/render/spill.ts). */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { embedMarker } from '../src/render/context.ts';
import type { RenderedNote } from '../src/render/index.ts';
import { createBlockSpill } from '../src/render/spill.ts';

const note = (nonce: string): RenderedNote => ({
  nonce,
  embeds: [2],
  blocks: [
    { start: 1, end: 1, html: '<h1 id="t">Tëst ✓</h1>' },
    { start: 3, end: 4, html: `<p>before</p><!--${embedMarker(nonce, 2)}--><p>after</p>` },
  ],
});

describe('block spill', () => {
  it('moves block HTML to disk, keeps lines and embeds, and reads it back exactly', () => {
    const spill = createBlockSpill();
    const a = note('n1');
    const b = note('n2');
    const original = [...a.blocks.map((x) => x.html), ...b.blocks.map((x) => x.html)];
    spill.put(a);
    spill.put(b);
    expect(a.blocks.map((x) => x.html)).toEqual(['', '']);
    expect(a.blocks.map((x) => [x.start, x.end, x.embeds])).toEqual([[1, 1, []], [3, 4, [2]]]);
    expect([...spill.blocks(a), ...spill.blocks(b)].map((x) => x.html)).toEqual(original);
    expect(spill.blocks(b)[1]!.start).toBe(3);
    spill.close();
  });

  it('leaves notes without blocks alone, and leaves no file behind even unclosed', () => {
    const before = readdirSync(os.tmpdir()).filter((f) => f.startsWith('trellis-spill-'));
    const spill = createBlockSpill();
    const a = note('n3');
    spill.put(a);
    // Unlinked while open (POSIX): nothing in the temporary folder, the data still readable.
    expect(readdirSync(os.tmpdir()).filter((f) => f.startsWith('trellis-spill-') && !before.includes(f))).toEqual([]);
    expect(spill.blocks(a)[0]!.html).toBe('<h1 id="t">Tëst ✓</h1>');
    const empty: RenderedNote = { nonce: 'n', embeds: [], blocks: [] };
    spill.put(empty);
    expect(empty.spill).toBeUndefined();
    spill.close();
  });

  it('keeps a note in memory when its HTML cannot be written', () => {
    const spill = createBlockSpill();
    spill.close();
    const a = note('n4');
    const html = a.blocks.map((x) => x.html);
    spill.put(a);
    expect(a.spill).toBeUndefined();
    expect(a.blocks.map((x) => x.html)).toEqual(html);
    expect(a.blocks.every((x) => x.embeds === undefined)).toBe(true);
    expect(spill.blocks(a).map((x) => x.html)).toEqual(html);
  });
});
