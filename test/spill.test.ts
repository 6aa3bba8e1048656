/** The build's spill file for rendered HTML (src/render/spill.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { marker } from '../src/compile/render/markers.ts';
import type { RenderedNote } from '../src/compile/render/index.ts';
import v8, { deserialize, serialize } from 'node:v8';
import vm from 'node:vm';
import { buildGarden } from '../src/build.ts';
import { createBlockSpill, packBlocks, unpackBlocks } from '../src/store/spill.ts';
import { buildSearchIndexInWorker } from '../src/search/build-in-worker.ts';
import { toSearchDoc } from '../src/search/to-search-doc.ts';
import { writeSearchFiles } from '../src/search/write-files.ts';
import type { LinkRef, ParsedNote } from '../src/shared/types.ts';
import { tasksVault, tempDir } from './helpers/garden.ts';
import { settledHeap } from './helpers/heap.ts';

const note = (nonce: string): RenderedNote => ({
  nonce,
  embeds: [2],
  blocks: [
    { start: 1, end: 1, html: '<h1 id="t">Tëst ✓</h1>' },
    { start: 3, end: 4, html: `<p>before</p><!--${marker('embed', nonce, 2)}--><p>after</p>` },
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
    // In memory only the index is left: each block's lines and embeds, in typed arrays.
    expect(a.blocks).toEqual([]);
    expect([...a.spill!.lines]).toEqual([1, 1, 3, 4]);
    expect([...a.spill!.embeds]).toEqual([1, 2]);
    expect(spill.outline(a)).toEqual([
      { start: 1, end: 1, html: '', embeds: [] },
      { start: 3, end: 4, html: '', embeds: [2] },
    ]);
    expect([...spill.blocks(a), ...spill.blocks(b)].map((x) => x.html)).toEqual(original);
    expect(spill.blocks(b)[1]).toEqual({ start: 3, end: 4, html: original[3], embeds: [2] });
    spill.close();
  });

  it("moves a note's plain text to disk and reads it back on each use", () => {
    const spill = createBlockSpill();
    const text = 'Plain text — with ✓ and 日本語\nacross lines';
    const parsed = { id: 'A', text, title: 'A', tags: ['t'] } as unknown as ParsedNote;
    const kept = spill.putText(parsed);
    // The kept note is a copy with every other field; its text is read from the file.
    expect(kept).not.toBe(parsed);
    expect(kept.text).toBe(text);
    expect(kept.text).toBe(text);
    expect(kept.id).toBe('A');
    expect(kept.tags).toBe(parsed.tags);
    expect(Object.keys(kept).sort()).toEqual(['id', 'tags', 'title']);
    expect(spill.textRef(kept)).toEqual([0, Buffer.byteLength(text)]);
    // An empty text stays in memory, on the note itself.
    const empty = { id: 'B', text: '' } as unknown as ParsedNote;
    expect(spill.putText(empty)).toBe(empty);
    spill.close();
  });

  it('moves link contexts to disk: the links become copies that read their context back', () => {
    const spill = createBlockSpill();
    const links = [
      {
        target: 'B',
        headings: [],
        kind: 'link',
        syntax: 'wiki',
        position: { line: 3, column: 1 },
        range: [10, 15],
        context: 'See B — über ✓',
        highlight: [4, 5],
      },
      { target: 'C', headings: ['H'], alias: 'c', kind: 'embed', syntax: 'wiki', position: { line: 4, column: 2 }, range: [20, 30], context: '' },
      { target: 'D', headings: [], kind: 'link', syntax: 'markdown', position: { line: 5, column: 1 }, range: [40, 50], context: '日本語 D' },
    ] as unknown as LinkRef[];
    const note = { id: 'A', links } as unknown as ParsedNote;
    spill.putContexts(note);
    expect(note.links).not.toBe(links);
    const fields: (keyof LinkRef)[] = [
      'target',
      'headings',
      'block',
      'alias',
      'kind',
      'syntax',
      'position',
      'range',
      'context',
      'highlight',
      'width',
      'height',
    ];
    note.links.forEach((link, i) => {
      // Nothing of the context is left on the link; every field reads back as it was.
      expect(Object.getOwnPropertyDescriptor(link, 'context')).toBeUndefined();
      expect(Object.fromEntries(fields.map((k) => [k, link[k]]))).toEqual(links[i]);
      expect(link.highlight).toEqual(i === 0 ? [4, 5] : undefined);
    });
    // Links without a heading path share one, which nothing can add to.
    expect(note.links[0]!.headings).toBe(note.links[2]!.headings);
    expect(() => note.links[0]!.headings.push('x')).toThrow(TypeError);
    const none = { id: 'E', links: [] } as unknown as ParsedNote;
    spill.putContexts(none);
    expect(none.links).toEqual([]);
    spill.close();
  });

  it('keeps spilled notes small: no property table of their own', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const spill = createBlockSpill();
    // Notes as they arrive from a parse worker: deserialised copies with ParsedNote's fields.
    const fields = {
      path: 'a.md',
      id: 'a',
      hash: 'h',
      title: 'T',
      frontmatter: {},
      tags: [],
      headings: [],
      blocks: [],
      links: [],
      wordCount: 3,
      diagnostics: [],
    };
    const count = 20_000;
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: count }, (_, i) => spill.putText(structuredClone({ ...fields, text: `note ${i}` }) as unknown as ParsedNote));
    gc();
    const perNote = (process.memoryUsage().heapUsed - before) / count;
    expect(kept[count - 1]!.text).toBe(`note ${count - 1}`);
    // Measured here: a deserialised note as it arrives is ~420 bytes; with a getter defined on
    // it (a dictionary-mode object) ~1,440; the copy sharing its prototype's getter ~400.
    expect(perNote).toBeLessThan(800);
    spill.close();
  });

  it('keeps spilled links small: one object of fixed shape, positions packed', () => {
    const spill = createBlockSpill();
    // Links as they arrive from a parse worker: deserialised copies, a position, range and highlight each.
    const count = 20_000;
    const links = structuredClone(
      Array.from({ length: count }, (_, i) => ({
        target: `Note ${i % 97}`,
        headings: [],
        kind: 'link',
        syntax: 'wiki',
        position: { line: i, column: 3 },
        range: [i, i + 12],
        context: `about [[Note ${i % 97}]]`,
        highlight: [6, 18],
      })),
    ) as unknown as LinkRef[];
    const holder = { id: 'A', links: [...links] } as unknown as ParsedNote;
    const before = settledHeap();
    spill.putContexts(holder);
    // The links as they arrived are still alive (in `links`): what grew is the spilled links and their array.
    const perLink = (settledHeap() - before) / count;
    const last = holder.links[count - 1]!;
    expect(last.range).toEqual([count - 1, count + 11]);
    expect(last.position).toEqual({ line: count - 1, column: 3 });
    expect(last.context).toBe(`about [[Note ${(count - 1) % 97}]]`);
    // Nothing but strings, numbers and the shared heading path is kept on the link itself.
    const own = Object.getOwnPropertyNames(last);
    expect(own).not.toContain('position');
    expect(own).not.toContain('range');
    expect(own).not.toContain('highlight');
    expect(own.every((k) => typeof (last as unknown as Record<string, unknown>)[k] !== 'object' || k === 'headings')).toBe(true);
    // Measured here: ~165 bytes a link. A copy that kept its own position, range and highlight
    // objects would be ~200 bytes more; links arrive at ~455 with their context.
    expect(perLink).toBeLessThan(260);
    expect(links).toHaveLength(count);
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
    expect(spill.outline(a)).toBe(a.blocks);
  });
});

describe('packed blocks', () => {
  it('pack and unpack give back the same blocks, and a spill takes packed and unpacked notes alike', () => {
    const a = note('p1');
    const original = structuredClone(a.blocks);
    packBlocks(a);
    expect(a.blocks).toEqual([]);
    expect([...a.packed!.lines]).toEqual([1, 1, 3, 4]);
    expect([...a.packed!.embeds]).toEqual([1, 2]);
    // Survives the trip from a worker and through the cache.
    const copy = deserialize(serialize(a)) as RenderedNote;
    unpackBlocks(copy);
    expect(copy.blocks).toEqual(original);
    expect(copy.packed).toBeUndefined();

    const spill = createBlockSpill();
    const b = note('p1');
    spill.put(a);
    spill.put(b);
    expect(a.packed).toBeUndefined();
    expect(spill.blocks(a)).toEqual(spill.blocks(b));
    expect(spill.blocks(a).map((x) => x.html)).toEqual(original.map((x) => x.html));
    spill.close();
  });

  it('a build that keeps HTML in memory reads the packed notes a spilling build cached', async () => {
    const cacheDir = tempDir();
    const before = process.env.TRELLIS_CACHE_DIR;
    process.env.TRELLIS_CACHE_DIR = cacheDir;
    try {
      const spilled = await buildGarden({ garden: tasksVault });
      expect(spilled.cacheHits).toBe(0);
      const expected = new Map(spilled.notes.map((n) => [n.parsed.id, n.html]));
      // Backlinks read their contexts from the spill file, and serialise with them.
      const spilledLinks = spilled.notes.flatMap((n) => n.parsed.links);
      expect(spilledLinks.length).toBeGreaterThan(1000);
      expect(spilledLinks.every((l) => Object.getOwnPropertyDescriptor(l, 'context') === undefined)).toBe(true);
      const backlinks = (model: typeof spilled) => JSON.stringify([...model.graph.backlinks].sort(([a], [b]) => (a < b ? -1 : 1)));
      const expectedBacklinks = backlinks(spilled);
      expect(expectedBacklinks).toContain('"context":"');
      spilled.close?.();
      const kept = await buildGarden({ garden: tasksVault, keepResults: true });
      expect(kept.cacheHits).toBe(kept.notes.length);
      expect(kept.results!.every((r) => r.rendered.packed === undefined && r.rendered.spill === undefined)).toBe(true);
      const transclusions = kept.notes.reduce((sum, n) => sum + n.html.split('class="transclusion"').length - 1, 0);
      expect(transclusions).toBeGreaterThan(10);
      for (const n of kept.notes) expect(n.html, n.parsed.id).toBe(expected.get(n.parsed.id));
      expect(backlinks(kept)).toBe(expectedBacklinks);
    } finally {
      if (before === undefined) delete process.env.TRELLIS_CACHE_DIR;
      else process.env.TRELLIS_CACHE_DIR = before;
    }
  }, 120_000);
});

describe('spilled texts and search', () => {
  it('the search worker reads bodies from the spill file and writes the same index as from bodies in memory', async () => {
    const model = await buildGarden({ garden: tasksVault, noCache: true });
    try {
      const published = model.notes.filter((n) => n.publish);
      const texts = model.texts!;
      const refs = published.map((n) => texts.textRef(n.parsed) ?? null);
      expect(refs.filter((r) => r !== null).length).toBeGreaterThan(100);
      const inMemory = tempDir();
      const fromSpill = tempDir();
      writeSearchFiles(
        published.map((n) => toSearchDoc(n)),
        inMemory,
      );
      const withoutBodies = published.map((n, i) => toSearchDoc(n, !refs[i]));
      expect(withoutBodies.every((d, i) => refs[i] === null || d.body === '')).toBe(true);
      await buildSearchIndexInWorker(() => withoutBodies, fromSpill, { fd: texts.fd, refs });
      const a = tree(inMemory);
      const b = tree(fromSpill);
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
      // A worker that outgrows its heap cap (4 MB: none can start under it) is run again without one.
      const capped = tempDir();
      await buildSearchIndexInWorker(() => withoutBodies, capped, { fd: texts.fd, refs }, { heapMb: 4 });
      const c = tree(capped);
      expect([...c.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [file, bytes] of a) expect(bytes.equals(c.get(file)!), file).toBe(true);
      // The bodies are in there: a docs chunk holds a sentence of a note's text.
      const sample = published.find((n) => n.parsed.text.length > 200)!.parsed.text.slice(0, 60);
      expect([...b.values()].some((bytes) => bytes.toString('utf8').includes(JSON.stringify(sample).slice(1, -1)))).toBe(true);
    } finally {
      model.close?.();
    }
  }, 120_000);
});

function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)));
  }
  return files;
}
