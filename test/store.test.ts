/** The build's store of compiled notes' HTML, texts and link contexts (src/store). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { marker } from '../src/compile/render/markers.ts';
import type { NoteJobResult } from '../src/compile/types.ts';
import type { RenderedNote } from '../src/compile/types.ts';
import { buildGarden } from '../src/build.ts';
import { openCache } from '../src/store/cache.ts';
import { createMemoryStore } from '../src/store/memory-store.ts';
import { contextsHash } from '../src/store/note-store.ts';
import { packBlocks, unpackBlocks } from '../src/store/pack-blocks.ts';
import { IntSlab } from '../src/store/int-slab.ts';
import { createSpillStore } from '../src/store/spill-store.ts';
import { buildSearchIndexInWorker } from '../src/search/build-in-worker.ts';
import { toSearchDoc } from '../src/search/to-search-doc.ts';
import { writeSearchFiles } from '../src/search/write-files.ts';
import type { NoteId, NotePath } from '../src/shared/types.ts';
import { tasksVault, tempDir } from './helpers/garden.ts';

const rendered = (nonce: string): RenderedNote => ({
  nonce,
  embeds: [2],
  blocks: [
    { start: 1, end: 1, html: '<h1 id="t">Tëst ✓</h1>' },
    { start: 3, end: 4, html: `<p>before</p><!--${marker('embed', nonce, 2)}--><p>after</p>` },
  ],
});

const result = (id: string, nonce = 'n1'): NoteJobResult => ({
  note: {
    path: `${id}.md` as NotePath,
    id: id as NoteId,
    hash: 'h',
    title: id,
    frontmatter: { aliases: [], tags: [], publish: true },
    tags: [],
    headings: [],
    blocks: [],
    links: [0, 1, 2].map((i) => ({
      target: `T${i}`,
      headings: [],
      kind: i === 2 ? 'embed' : 'link',
      syntax: 'wiki',
      position: { line: 3, column: 1 + i },
      range: [i, i + 1],
    })),
    wordCount: 3,
    diagnostics: [],
  },
  rendered: rendered(nonce),
  text: 'Plain text — ünïcode ✓',
  contexts: [{ text: 'Before T0 after', highlight: [7, 9] }, { text: '' }, { text: 'Ça va ✓ T2', highlight: [8, 10] }],
});

describe('note store', () => {
  it('on disk: gives back blocks, outline, text and each context exactly; the records it returns are plain data', () => {
    const store = createSpillStore();
    const r = result('A');
    const blocks = structuredClone(r.rendered.blocks);
    const compiled = store.put(r);
    expect(store.blocks('A' as NoteId).map((b) => b.html)).toEqual(blocks.map((b) => b.html));
    expect(store.outline('A' as NoteId).map((b) => [b.start, b.end, b.html, b.embeds])).toEqual([
      [1, 1, '', []],
      [3, 4, '', [2]],
    ]);
    expect(store.text('A' as NoteId)).toBe('Plain text — ünïcode ✓');
    expect([0, 1, 2, 3].map((i) => store.context('A' as NoteId, i))).toEqual([
      { text: 'Before T0 after', highlight: [7, 9] },
      { text: '' },
      { text: 'Ça va ✓ T2', highlight: [8, 10] },
      undefined,
    ]);
    // What the model keeps crosses threads and the cache unchanged: no field is a getter reading the file.
    expect(deserialize(serialize(compiled))).toEqual(compiled);
    // The hash of its link contexts, from which a page showing its backlinks is keyed (src/incremental/note-page-key.ts).
    const contexts = [
      { text: 'Before T0 after', highlight: [7, 9] as [number, number] },
      { text: '' },
      { text: 'Ça va ✓ T2', highlight: [8, 10] as [number, number] },
    ];
    expect(compiled).toEqual({ note: r.note, nonce: 'n1', embeds: [2], contextsHash: contextsHash(contexts) });
    expect(contextsHash(contexts.slice(0, 2))).not.toBe(compiled.contextsHash);
    expect(contextsHash([contexts[0]!, { text: 'x' }, contexts[2]!])).not.toBe(compiled.contextsHash);
    expect(contextsHash([contexts[0]!, contexts[1]!, { text: contexts[2]!.text }])).not.toBe(compiled.contextsHash);
    expect(Object.values(compiled.note.links[0]!).every((v) => typeof v !== 'function')).toBe(true);
    store.close();
  });

  it('in memory: reads the same as on disk', () => {
    const disk = createSpillStore();
    const memory = createMemoryStore();
    disk.put(result('A'));
    memory.put(result('A'));
    const id = 'A' as NoteId;
    expect(memory.blocks(id).map((b) => b.html)).toEqual(disk.blocks(id).map((b) => b.html));
    expect(memory.text(id)).toBe(disk.text(id));
    for (const i of [0, 1, 2]) expect(memory.context(id, i)).toEqual(disk.context(id, i));
    disk.close();
  });

  it('leaves no file behind even unclosed, and keeps in memory what it cannot write', () => {
    const before = readdirSync(os.tmpdir()).filter((f) => f.startsWith('trellis-spill-'));
    const store = createSpillStore();
    store.put(result('A'));
    // Unlinked while open (POSIX): nothing in the temporary folder, the data still readable.
    expect(readdirSync(os.tmpdir()).filter((f) => f.startsWith('trellis-spill-') && !before.includes(f))).toEqual([]);
    expect(store.blocks('A' as NoteId)[0]!.html).toBe('<h1 id="t">Tëst ✓</h1>');
    store.close();
    // Writes to a closed file fail: the note stays in memory and reads the same.
    store.put(result('B'));
    expect(store.blocks('B' as NoteId).map((b) => b.html)).toEqual(rendered('n1').blocks.map((b) => b.html));
    expect(store.text('B' as NoteId)).toBe('Plain text — ünïcode ✓');
    expect(store.context('B' as NoteId, 2)).toEqual({ text: 'Ça va ✓ T2', highlight: [8, 10] });
    expect(store.texts!.refOf('B' as NoteId)).toBeUndefined();
  });
});

describe('int slab', () => {
  it('gives back each list, across chunks and for a list longer than a chunk, as it was put', () => {
    const slab = new IntSlab();
    const lists: { start: number; parts: number[][] }[] = [];
    // ~1.2M integers: several chunks of 2^18, and one list of 300k, alone in a chunk of its own.
    for (let k = 0; k < 4000; k++) {
      const parts = [k % 7, k % 3, (k * 13) % 400, 0].map((n, j) => Array.from({ length: n }, (_, i) => k * 1000 + j * 100 - i));
      if (k === 2000) parts[2] = Array.from({ length: 300_000 }, (_, i) => -i - 1);
      lists.push({ start: slab.put(parts), parts });
    }
    for (const { start, parts } of lists) {
      let offset = 0;
      for (const p of parts) {
        const view = slab.view(start, offset, p.length);
        expect(view.length).toBe(p.length);
        expect(p.findIndex((v, i) => view[i] !== v)).toBe(-1);
        offset += p.length;
      }
    }
  });

  it('a store of thousands of notes reads back every context and outline, the slab past its first chunk', () => {
    const store = createSpillStore();
    const contextsOf = (k: number) =>
      Array.from({ length: (k % 90) + 1 }, (_, i) =>
        i % 3 === 0 ? { text: `n${k} c${i} ✓` } : { text: `n${k} ctx ${i}`, highlight: [i % 5, (i % 5) + 2] as [number, number] },
      );
    const n = 3000;
    for (let k = 0; k < n; k++) store.put({ ...result(`N${k}`), contexts: contextsOf(k), text: k % 10 === 0 ? '' : `text ${k}` });
    for (let k = 0; k < n; k += 7) {
      const id = `N${k}` as NoteId;
      const contexts = contextsOf(k);
      expect(contexts.map((_, i) => store.context(id, i))).toEqual(contexts);
      expect(store.context(id, contexts.length)).toBeUndefined();
      expect(store.outline(id).map((b) => [b.start, b.end, b.embeds])).toEqual([
        [1, 1, []],
        [3, 4, [2]],
      ]);
      expect(store.text(id)).toBe(k % 10 === 0 ? '' : `text ${k}`);
      expect(store.texts!.refOf(id) === undefined).toBe(k % 10 === 0);
    }
    store.close();
  });
});

describe('packed blocks', () => {
  it('pack and unpack give back the same blocks; stores take packed and unpacked notes alike', () => {
    const a = rendered('p1');
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

    const packedResult = { ...result('P'), rendered: deserialize(serialize(a)) as RenderedNote };
    for (const store of [createSpillStore(), createMemoryStore()]) {
      store.put(packedResult);
      store.put(result('U', 'p1'));
      expect(store.blocks('P' as NoteId).map((b) => b.html)).toEqual(original.map((b) => b.html));
      expect(store.blocks('P' as NoteId).map((b) => b.html)).toEqual(store.blocks('U' as NoteId).map((b) => b.html));
      store.close();
    }
  });

  it('notes read from their cache entries and put on disk keep none of the entries’ bytes alive', async () => {
    const before = process.env.TRELLIS_CACHE_DIR;
    process.env.TRELLIS_CACHE_DIR = tempDir();
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    try {
      const cache = await openCache(tempDir());
      // Ids of 8 lengths: in some entries the typed arrays fall 4-byte aligned, and are read as views of the whole file's bytes.
      const ids = Array.from({ length: 16 }, (_, k) => `Big${'x'.repeat(k % 8)}${k}`);
      for (const id of ids) {
        const big = rendered('b1');
        big.blocks[0]!.html = `<p>${'x'.repeat(1 << 18)}</p>`;
        packBlocks(big);
        await cache.set(id, 'h', { ...result(id, 'b1'), rendered: big });
      }
      const store = createSpillStore();
      const entries: WeakRef<ArrayBufferLike>[] = [];
      for (const id of ids) {
        const hit = (await cache.get(id, 'h'))!;
        const bytes = hit.rendered.packed!.lines.buffer;
        if (bytes.byteLength > 1 << 18) entries.push(new WeakRef(bytes));
        store.put(hit);
      }
      expect(entries.length).toBeGreaterThan(0);
      for (let k = 0; k < 3; k++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        gc();
      }
      expect(entries.filter((e) => e.deref() !== undefined)).toHaveLength(0);
      for (const id of ids) {
        expect(store.blocks(id as NoteId)[0]!.html).toHaveLength((1 << 18) + 7);
        expect(store.outline(id as NoteId).map((b) => [b.start, b.end, b.embeds])).toEqual([
          [1, 1, []],
          [3, 4, [2]],
        ]);
      }
      store.close();
    } finally {
      if (before === undefined) delete process.env.TRELLIS_CACHE_DIR;
      else process.env.TRELLIS_CACHE_DIR = before;
    }
  });

  it('a build that keeps its results reads the packed notes a one-shot build cached, with the same pages and backlinks', async () => {
    const cacheDir = tempDir();
    const before = process.env.TRELLIS_CACHE_DIR;
    process.env.TRELLIS_CACHE_DIR = cacheDir;
    try {
      const spilled = await buildGarden({ garden: tasksVault });
      expect(spilled.cacheHits).toBe(0);
      expect(spilled.texts).toBeDefined();
      const expected = new Map(spilled.notes.map((n) => [n.parsed.id, n.html]));
      const backlinks = (model: typeof spilled) => JSON.stringify([...model.graph.backlinks].sort(([a], [b]) => (a < b ? -1 : 1)));
      const expectedBacklinks = backlinks(spilled);
      expect(expectedBacklinks).toContain('"context":"');
      spilled.close?.();
      const kept = await buildGarden({ garden: tasksVault, keepResults: true });
      expect(kept.cacheHits).toBe(kept.notes.length);
      // The dev server's build keeps its notes' HTML and texts on disk too, and its store open.
      expect(kept.texts).toBeDefined();
      expect(kept.kept!.compiled.map((c) => c.note.id)).toEqual(kept.notes.map((n) => n.parsed.id));
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

describe('texts on disk and search', () => {
  it('the search worker reads bodies from the store file and writes the same index as from bodies in memory', async () => {
    const model = await buildGarden({ garden: tasksVault, noCache: true });
    try {
      const published = model.notes.filter((n) => n.publish);
      const texts = model.texts!;
      const refs = published.map((n) => texts.refOf(n.parsed.id) ?? null);
      expect(refs.filter((r) => r !== null).length).toBeGreaterThan(100);
      const inMemory = tempDir();
      const fromFile = tempDir();
      writeSearchFiles(
        published.map((n) => toSearchDoc(n, model.store.text(n.parsed.id))),
        inMemory,
      );
      const withoutBodies = published.map((n, i) => toSearchDoc(n, refs[i] ? '' : model.store.text(n.parsed.id)));
      await buildSearchIndexInWorker(() => withoutBodies, fromFile, { fd: texts.fd, refs });
      const a = tree(inMemory);
      const b = tree(fromFile);
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
      // A worker that outgrows its heap cap (4 MB: none can start under it) is run again without one.
      const capped = tempDir();
      await buildSearchIndexInWorker(() => withoutBodies, capped, { fd: texts.fd, refs }, { heapMb: 4 });
      const c = tree(capped);
      expect([...c.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [file, bytes] of a) expect(bytes.equals(c.get(file)!), file).toBe(true);
      // The bodies are in there: a docs chunk holds a sentence of a note's text (past its start, which may be an h1
      // repeating the title: a snippet leaves that out, src/search/chunk-docs.ts).
      const sample = published
        .map((n) => model.store.text(n.parsed.id))
        .find((t) => t.length > 400)!
        .slice(200, 260);
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
