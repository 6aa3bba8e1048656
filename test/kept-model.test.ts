/** The compiled garden kept between builds (src/incremental/kept-model.ts) and the kept unlinked mentions. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNoteJob } from '../src/compile/job.ts';
import { katexTypesetter } from '../src/compile/render/katex.ts';
import type { NoteJobResult } from '../src/compile/types.ts';
import { openKeptModel } from '../src/incremental/kept-model.ts';
import { openKeptMentions } from '../src/incremental/kept-mentions.ts';
import { keptMentions } from '../src/graph/kept-mentions-keys.ts';
import type { GraphNoteInput } from '../src/graph/graph-inputs.ts';
import { cacheDir } from '../src/store/cache.ts';
import { createMemoryStore } from '../src/store/memory-store.ts';
import { createSpillStore, readText } from '../src/store/spill-store.ts';
import type { NoteId, NotePath } from '../src/shared/types.ts';
import { compiledNote, type NoteReader } from '../src/store/note-store.ts';
import { tempDir } from './helpers/garden.ts';

const compile = (id: string, text: string): NoteJobResult =>
  runNoteJob({ path: `${id}.md` as NotePath, id: id as NoteId, hash: `hash-${text.length}`, text }, { nonce: 'abc123', math: katexTypesetter });

const texts = {
  A: '# A\n\nSee [[B]] here, and **bold** ünïcode ✓.\n\n![[B#Part]]\n\n- [[C|see C]] in a list\n',
  B: '# B\n\n## Part\n\nText of B, mentioning A once.\n',
  // Gone by the second build: its record, between two taken ones, is not written again.
  E: '# E\n\nA note deleted later.\n',
  C: '# C\n\nNo links; a `code` span. ^c1\n\n## Later\n\nMore text.\n',
  // Properties (read back only when asked for), after C: kept with it, the two records are written back as one run.
  D: '---\ntags: [x]\nstatus: draft\nsource: "[[A]]"\n---\n# D\n\nSee [[C]].\n',
};

/** What a store gives of a note: blocks, outline, text (whole and cut) and each link's context. */
function readAll(store: NoteReader, id: string, links: number) {
  const n = id as NoteId;
  return {
    blocks: store.blocks(n),
    outline: store.outline(n).map((b) => ({ start: b.start, end: b.end, embeds: b.embeds ?? [] })),
    text: store.text(n),
    cut: store.text(n, 12),
    contexts: Array.from({ length: links }, (_, i) => store.context(n, i)),
  };
}

describe('kept model', () => {
  it('gives back, in the next build, the facts and exactly the blocks, texts and contexts of notes with the same hash', () => {
    const garden = tempDir();
    process.env.TRELLIS_CACHE_DIR = tempDir();
    const first = openKeptModel(garden);
    // The reference: the store a one-shot build reads (on disk), given the same results.
    const reference = createSpillStore();
    for (const [id, text] of Object.entries(texts)) {
      const r = compile(id, text);
      first.add(r.note.hash, r, reference.put(structuredClone(r)));
    }
    first.save();

    const second = openKeptModel(garden);
    const spill = createSpillStore();
    const store = second.over(spill);
    // A changed (B) and an unknown hash are not taken; A and C are, with their facts.
    const a = second.take('A' as NoteId, `hash-${texts.A.length}`);
    // Its links are parsed when first read, and are then the compiled note's, as a plain property.
    expect(Object.getOwnPropertyDescriptor(a!.note, 'links')?.get).toBeDefined();
    // So are its headings and block ids: the index holds neither (a warm build reads them of the few notes a changed one links to or embeds).
    expect(Object.getOwnPropertyDescriptor(a!.note, 'headings')?.get).toBeDefined();
    expect(Object.getOwnPropertyDescriptor(a!.note, 'blocks')?.get).toBeDefined();
    const index = readFileSync(path.join(`${cacheDir(garden)}-model`, 'index'), 'utf8');
    expect(index).not.toContain('"headings"');
    expect(index).not.toContain('"blocks"');
    expect(a?.note).toEqual(compile('A', texts.A).note);
    expect(a?.note.links.map((l) => l.target)).toEqual(['B', 'B', 'C']);
    expect(Object.getOwnPropertyDescriptor(a!.note, 'links')?.value).toBe(a!.note.links);
    expect(a?.nonce).toBe('abc123');
    // The hash of its link contexts is the one the store gave when it was compiled.
    expect(a?.contextsHash).toBe(compiledNote(compile('A', texts.A)).contextsHash);
    expect(second.take('B' as NoteId, 'another hash')).toBeUndefined();
    expect(second.take('Z' as NoteId, 'hash-1')).toBeUndefined();
    const c = second.take('C' as NoteId, `hash-${texts.C.length}`)!;
    expect(c.note.blocks.map((x) => x.id)).toEqual(['c1']);
    expect(c.note.headings.map((h) => h.text)).toEqual(['C', 'Later']);
    expect(c.note).toEqual(compile('C', texts.C).note);
    const d = second.take('D' as NoteId, `hash-${texts.D.length}`)!;
    expect(Object.getOwnPropertyDescriptor(d.note, 'properties')?.get).toBeDefined();
    // A copy (a worker's message) reads the lazy fields and holds nothing else: its properties too, unread until now.
    expect(Object.getOwnPropertyDescriptor(d.note, 'headings')?.get).toBeDefined();
    expect(structuredClone(d.note)).toEqual(compile('D', texts.D).note);
    expect(Object.keys(structuredClone(d.note)).sort()).toEqual(Object.keys(compile('D', texts.D).note).sort());
    expect(d.note).toEqual(compile('D', texts.D).note);
    expect(d.note.properties?.map((p) => p.key)).toEqual(['tags', 'status', 'source']);
    expect(second.taken).toBe(3);
    const b = compile('B', texts.B + '\nMore.\n');
    second.add(b.note.hash, b, store.put(structuredClone(b)));
    for (const id of ['A', 'C', 'D']) expect(readAll(store, id, 3)).toEqual(readAll(reference, id, 3));
    expect(
      readAll(store, 'A', 3)
        .blocks.map((x) => x.html)
        .join(''),
    ).toContain('ünïcode ✓');
    expect(store.text('B' as NoteId)).toContain('More.');
    // The search worker reads texts where they are: a kept note's in its segment, a new one's in the base store's file.
    for (const id of ['A', 'B', 'C'] as NoteId[]) expect(readText(store.texts!.fd, store.texts!.refOf(id)!)).toBe(store.text(id));
    expect(store.texts!.refOf('A' as NoteId)![2]).toBeDefined();
    expect(store.texts!.refOf('B' as NoteId)![2]).toBeUndefined();
    second.save();
    store.close();

    // The third build finds A and C (kept as read) and the new B; segments nothing uses are gone.
    const third = openKeptModel(garden);
    expect(third.take('B' as NoteId, b.note.hash)).toBeDefined();
    expect(third.take('A' as NoteId, `hash-${texts.A.length}`)).toBeDefined();
    // Taken again after being written back beside C: its facts, properties and links as compiled.
    const d3 = third.take('D' as NoteId, `hash-${texts.D.length}`)!;
    expect(third.was('E' as NoteId)).toBeUndefined();
    expect(third.take('E' as NoteId, `hash-${texts.E.length}`)).toBeUndefined();
    const store3 = third.over(createMemoryStore());
    for (const id of ['A', 'D']) expect(readAll(store3, id, 3)).toEqual(readAll(reference, id, 3));
    expect(d3.note).toEqual(compile('D', texts.D).note);
    expect(d3.note.links.map((l) => l.target)).toEqual(['C', 'A']);
    expect(store3.text('B' as NoteId)).toContain('More.');
    third.save();
    expect(readdirSync(`${cacheDir(garden)}-model`).filter((f) => f.startsWith('segment-'))).toHaveLength(2);
  });

  it('gives the facts a changed note had, its links and properties too, after the segment that held them is gone', () => {
    const garden = tempDir();
    process.env.TRELLIS_CACHE_DIR = tempDir();
    const first = openKeptModel(garden);
    const spill = createSpillStore();
    const d = compile('D', texts.D);
    first.add(d.note.hash, d, spill.put(structuredClone(d)));
    first.save();
    // D changed: nothing is taken, so its old segment goes when the second build's index is written; a build asks after that (src/build.ts).
    const second = openKeptModel(garden);
    const changed = compile('D', texts.D + '\nNow [[B]] too.\n');
    second.add(changed.note.hash, changed, spill.put(structuredClone(changed)));
    second.save();
    expect(readdirSync(`${cacheDir(garden)}-model`).filter((f) => f.startsWith('segment-'))).toHaveLength(1);
    const was = second.was('D' as NoteId)!;
    expect(was.note.hash).toBe(d.note.hash);
    expect(was.note.links.map((l) => l.target)).toEqual(['C', 'A']);
    expect(was.note.properties).toEqual(d.note.properties);
    expect(was.note.headings).toEqual(d.note.headings);
    expect(
      openKeptModel(garden)
        .was('D' as NoteId)
        ?.note.links.map((l) => l.target),
    ).toEqual(['C', 'B', 'A']);
  });

  it("gives back a note's path and tags whether or not they are what its id and frontmatter say (the index leaves those out)", () => {
    const garden = tempDir();
    process.env.TRELLIS_CACHE_DIR = tempDir();
    const job = (path: string, id: string, text: string) =>
      runNoteJob({ path: path as NotePath, id: id as NoteId, hash: `hash-${id}`, text }, { nonce: 'n', math: katexTypesetter });
    const notes = [
      // Its path is its id's, its tags its frontmatter's.
      job('F.md', 'F', '---\ntags: [x, y]\n---\n# F\n'),
      // An inline tag besides the frontmatter's, and an upper-case extension.
      job('Sub/G.MD', 'Sub/G', '---\ntags: [x]\n---\n# G\n\nAbout #inline things.\n'),
      // No frontmatter, an inline tag only.
      job('H.md', 'H', '# H\n\n#solo\n'),
    ];
    expect(notes.map((r) => r.note.tags)).toEqual([['x', 'y'], ['x', 'inline'], ['solo']]);
    const first = openKeptModel(garden);
    for (const r of notes) first.add(r.note.hash, r, createSpillStore().put(structuredClone(r)));
    first.save();
    const index = readFileSync(path.join(`${cacheDir(garden)}-model`, 'index'), 'utf8');
    expect(index).not.toContain('"F.md"');
    expect(index).toContain('"Sub/G.MD"');
    const second = openKeptModel(garden);
    for (const r of notes) {
      const kept = second.take(r.note.id, r.note.hash)!;
      expect(kept.note).toEqual(r.note);
      expect([kept.note.path, kept.note.tags]).toEqual([r.note.path, r.note.tags]);
    }
    // A note's tags are its own array, not its frontmatter's.
    const f = second.take('F' as NoteId, 'hash-F')!;
    expect(f.note.tags).not.toBe(f.note.frontmatter.tags);
  });

  it('is not read when an entry names a segment its index does not (a planted path outside the folder)', () => {
    const garden = tempDir();
    process.env.TRELLIS_CACHE_DIR = tempDir();
    const first = openKeptModel(garden);
    const c = compile('C', texts.C);
    first.add(c.note.hash, c, createSpillStore().put(structuredClone(c)));
    first.save();
    expect(openKeptModel(garden).take('C' as NoteId, c.note.hash)).toBeDefined();
    // The same index with the entry's segment renamed to a file outside the model's folder.
    const index = path.join(`${cacheDir(garden)}-model`, 'index');
    const outside = path.join(tempDir(), 'secret');
    writeFileSync(outside, 'not a segment');
    const bytes = readFileSync(index);
    const headerLength = bytes.readUInt32LE(0);
    // A record is `[id, hash, nonce, contextsHash, segment, ...]` (src/incremental/kept-model.ts, `StoredEntry`).
    const record = JSON.parse(bytes.toString('utf8', 8 + headerLength)) as unknown[];
    expect(typeof record[4]).toBe('string');
    record[4] = path.relative(`${cacheDir(garden)}-model`, outside);
    const planted = Buffer.from(JSON.stringify(record));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(planted.length);
    writeFileSync(index, Buffer.concat([bytes.subarray(0, 4 + headerLength), length, planted]));
    expect(openKeptModel(garden).take('C' as NoteId, c.note.hash)).toBeUndefined();
  });

  it('mentions are kept by key: another key gives nothing, and only the last build’s sources are kept', () => {
    const garden = tempDir();
    process.env.TRELLIS_CACHE_DIR = tempDir();
    const found = [
      [
        'B' as NoteId,
        { source: 'A' as NoteId, title: 'A', url: '/a/' as never, kind: 'link' as const, context: 'names B', highlight: [6, 7] as [number, number] },
      ],
    ] as [NoteId, never][];
    const first = openKeptMentions(garden);
    first.set('A' as NoteId, 'k1', found);
    first.set('C' as NoteId, 'k3', []);
    first.save();
    const second = openKeptMentions(garden);
    expect(second.get('A' as NoteId, 'k1')).toEqual(found);
    expect(second.get('A' as NoteId, 'k2')).toBeUndefined();
    second.set('A' as NoteId, 'k1', found);
    second.save();
    const third = openKeptMentions(garden);
    expect(third.get('A' as NoteId, 'k1')).toEqual(found);
    expect(third.get('C' as NoteId, 'k3')).toBeUndefined();
  });

  it('keeps the key of the phrase index its keys were made with, and a build of the same phrases keys by it', () => {
    const garden = tempDir();
    process.env.TRELLIS_CACHE_DIR = tempDir();
    const noteOf = (id: string, title: string, aliases: string[] = []): GraphNoteInput =>
      ({ note: { id, title, hash: `h-${id}`, frontmatter: { aliases } }, url: `/${id.toLowerCase()}/` }) as unknown as GraphNoteInput;
    const garden1 = [noteOf('A', 'A'), noteOf('B', 'Raft log', ['log'])];
    const renamed = [noteOf('A', 'A'), noteOf('B', 'Replicated log', ['log'])];
    const linkedOf = () => [];
    const found = [['B' as NoteId, { source: 'A' as NoteId, title: 'A', url: '/a/' as never, kind: 'link' as const, context: 'the Raft log' }]] as [
      NoteId,
      never,
    ][];

    const first = openKeptMentions(garden);
    expect(first.phrases).toBeUndefined();
    keptMentions(first, garden1, linkedOf).set('A' as NoteId, found);
    first.save('build-1');
    const second = openKeptMentions(garden);
    expect(second.phrases).toMatch(/^[\w-]{43}$/);
    // The phrases made again give the same key, so the kept mentions of an unchanged source.
    expect(keptMentions(second, garden1, linkedOf).get('A' as NoteId)).toEqual(found);
    // A title changed: another key, nothing kept for it.
    expect(keptMentions(second, renamed, linkedOf).get('A' as NoteId)).toBeUndefined();
    // Told the phrases are the last build's, it keys by that build's key without making it again (given other notes, it
    // still finds what that build kept) and keeps it for the next.
    expect(keptMentions(second, renamed, linkedOf, true).get('A' as NoteId)).toEqual(found);
    second.set('A' as NoteId, 'unused', found);
    second.save('build-2');
    expect(openKeptMentions(garden).phrases).toBe(second.phrases);
  });
});
