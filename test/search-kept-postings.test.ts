/**
 * Kept postings (src/search/kept-postings.ts): a build that takes the last build's postings and
 * indexes only the changed notes writes exactly the files a build from nothing writes, through
 * edits, renames, removals, additions and a renumbering of every note; and kept postings are
 * taken only when their hash, code and each note's key say they are this note's text.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptPostingsWriter, readKeptPostings } from '../src/search/kept-postings-file.ts';
import { buildSearchIndex, writeSearchIndex, type Options } from '../src/search/index.ts';
import { indexKey, packEntries } from '../src/search/kept-postings.ts';
import { toSettings } from '../src/search/options.ts';
import { writeSearchFiles } from '../src/search/write-files.ts';
import { contentHash } from '../src/incremental/output-manifest.ts';
import { seededRandom } from '../src/graph/random.ts';
import type { NoteId, SearchDoc, SearchPostingEntry, Slug } from '../src/shared/types.ts';
import { tempDir } from './helpers/garden.ts';
import { fixtureFiles, makeFixtureDoc, makeRandomDoc } from './search-make-docs.ts';

const code = 'code-a';

/** `dir`'s `_search/` files by name. */
function searchTree(dir: string): Map<string, string> {
  const root = path.join(dir, '_search');
  return new Map(readdirSync(root).map((name) => [name, readFileSync(path.join(root, name), 'utf8')]));
}

/** Build `docs` from nothing (no kept postings) and return the files. */
function cold(docs: SearchDoc[]): Map<string, string> {
  const out = tempDir();
  writeSearchFiles(structuredClone(docs), out);
  return searchTree(out);
}

/** Build `docs` with the kept postings file `file` (read, then replaced by this build's) and return the files. */
function warm(docs: SearchDoc[], file: string, withCode = code): Map<string, string> {
  const out = tempDir();
  writeSearchFiles(structuredClone(docs), out, undefined, { kept: { file, code: withCode } });
  return searchTree(out);
}

/**
 * Build `docs` with the kept postings `file` over the previous site's `_search/` files `before`
 * (a site's files kept, not written again, when their bytes would be the same); the files of the
 * new site (those written, and those kept from `before`) and how many docs chunks were kept.
 */
function warmOver(docs: SearchDoc[], file: string, before: Map<string, string>): { tree: Map<string, string>; keptChunks: number } {
  const out = tempDir();
  const previous = Object.fromEntries([...before].map(([name, text]) => [`_search/${name}`, contentHash(text)]));
  const outputs = writeSearchFiles(structuredClone(docs), out, undefined, { kept: { file, code }, previous });
  const written = searchTree(out);
  const tree = new Map<string, string>();
  let keptChunks = 0;
  for (const o of outputs) {
    const name = o.path.slice('_search/'.length);
    if (o.written) tree.set(name, written.get(name)!);
    else {
      tree.set(name, before.get(name)!);
      if (name.startsWith('docs-')) keptChunks++;
    }
  }
  return { tree, keptChunks };
}

/**
 * Build `docs` with `options` from the kept postings `file` over the previous site's `_search/`
 * files `before` (kept when the build says so, as the CLI keeps them); the new site's files by
 * path, and which of them were kept from `before` (postings shards only).
 */
function shardsOver(docs: SearchDoc[], file: string, before: Map<string, string>, options: Options): { tree: Map<string, string>; keptShards: string[] } {
  const tree = new Map<string, string>();
  const keptShards: string[] = [];
  const has = (name: string, hash: string) => before.has(name) && contentHash(before.get(name)!) === hash;
  const keepFile = (name: string) => {
    tree.set(name, before.get(name)!);
    if (!name.startsWith('_search/docs-')) keptShards.push(name);
    return true;
  };
  const writer = keptPostingsWriter(file, code);
  const previous = readKeptPostings(file, code);
  writeSearchIndex(structuredClone(docs), (f) => tree.set(f.path, asText(f.contents)), options, {
    ...(previous ? { previous } : {}),
    writer,
    files: {
      has,
      keep: (name, hash) => has(name, hash) && keepFile(name),
      keepNamed: (name) => before.has(name) && keepFile(name),
      hasNamed: (name) => before.has(name),
    },
  });
  writer.finish();
  return { tree, keptShards };
}

function asText(contents: string | Uint8Array): string {
  return typeof contents === 'string' ? contents : Buffer.from(contents).toString('utf8');
}

function expectSameTree(actual: Map<string, string>, expected: Map<string, string>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, text] of expected) expect(actual.get(name), name).toBe(text);
}

describe('kept search postings', () => {
  it('a build from kept postings writes what a build from nothing writes, through random changes and a renumbering', () => {
    const rand = seededRandom(7);
    let docs: SearchDoc[] = [...fixtureFiles.map((f) => makeFixtureDoc(f)), ...Array.from({ length: 14 }, (_, i) => makeRandomDoc(i, rand))];
    const file = path.join(tempDir(), 'postings');
    expectSameTree(warm(docs, file), cold(docs));
    let next = 100;
    // 26 notes (64 numbers) grow past 32 on the way: the number space doubles and every note is renumbered.
    for (let round = 0; round < 6; round++) {
      docs = docs.map((doc) => {
        const r = rand();
        if (r < 0.1) return { ...doc, body: `${doc.body} ${makeRandomDoc(next++, rand).body}` };
        if (r < 0.15) return { ...doc, title: makeRandomDoc(next++, rand).title, aliases: ['another name'] };
        if (r < 0.2) return { ...doc, headings: [...doc.headings, { text: 'a late heading', id: 'late' }] };
        return doc;
      });
      docs = docs.filter(() => rand() > 0.05);
      if (round === 2) docs = docs.map((doc, i) => (i === 0 ? { ...doc, id: `${doc.id}-renamed` as NoteId } : doc));
      for (let k = 0; k < 3; k++) docs.push(makeRandomDoc(next++, rand));
      expectSameTree(warm(docs, file), cold(docs));
    }
    expect(docs.length).toBeGreaterThan(32);
  });

  it('docs with a source (the notes of a build) take their key and docs-chunk size from the kept postings, through random changes, and match a build from nothing', () => {
    const rand = seededRandom(5);
    // A source that changes with everything the doc holds, as a note's content hash and URL do.
    const sourced = (doc: SearchDoc): SearchDoc => ({
      ...doc,
      source: createHash('sha256')
        .update(JSON.stringify({ ...doc, source: undefined }))
        .digest('hex'),
    });
    let docs = Array.from({ length: 40 }, (_, i) => makeRandomDoc(i, rand));
    const file = path.join(tempDir(), 'postings');
    expectSameTree(warm(docs.map(sourced), file), cold(docs));
    let next = 100;
    for (let round = 0; round < 5; round++) {
      docs = docs.map((doc) => {
        const r = rand();
        // A body that grows or shrinks changes the note's docs-chunk entry size, and so where chunks end.
        if (r < 0.1) return { ...doc, body: `${doc.body} ${makeRandomDoc(next++, rand).body}` };
        if (r < 0.15) return { ...doc, body: doc.body.slice(0, Math.floor(doc.body.length / 3)) };
        if (r < 0.2) return { ...doc, url: `${doc.url}moved/` as Slug };
        return doc;
      });
      docs.push(makeRandomDoc(next++, rand));
      expectSameTree(warm(docs.map(sourced), file), cold(docs));
    }
  });

  it('over the previous site, keeps the docs chunks whose notes are all as they were, through edits, removals, additions and a renumbering', () => {
    const rand = seededRandom(13);
    // A source that changes with everything the doc holds, as a note's content hash and URL do.
    const sourced = (doc: SearchDoc): SearchDoc => ({ ...doc, source: createHash('sha256').update(JSON.stringify(doc)).digest('hex') });
    // 240 notes, past 256 on the way: the number space doubles and every note is renumbered.
    const docs = Array.from({ length: 240 }, (_, i) => makeRandomDoc(i, rand));
    const file = path.join(tempDir(), 'postings');
    let site = warm(docs.map(sourced), file);
    let next = 1000;
    const kept: number[] = [];
    for (let round = 0; round < 10; round++) {
      const edited = Math.floor(rand() * docs.length);
      // A body that grows or shrinks moves where its chunk ends.
      docs[edited] = { ...docs[edited]!, body: rand() < 0.5 ? `${docs[edited]!.body} ${makeRandomDoc(next++, rand).body}` : docs[edited]!.body.slice(0, 40) };
      // A note gone from the middle of a chunk whose other notes stayed: that chunk is not the old one.
      if (round % 2 === 1) docs.splice(Math.floor(rand() * docs.length), 1);
      for (let k = 0; k < 3; k++) docs.push(makeRandomDoc(next++, rand));
      const built = warmOver(docs.map(sourced), file, site);
      expectSameTree(built.tree, cold(docs));
      site = built.tree;
      kept.push(built.keptChunks);
    }
    expect(docs.length).toBeGreaterThan(256);
    // Most rounds keep most chunks (a handful of notes changed among hundreds); the renumbering keeps none.
    expect(kept.filter((n) => n > 5).length).toBeGreaterThan(5);
    expect(kept).toContain(0);
  });

  it('over the previous site, keeps the postings shards whose terms no change reached, and writes what a build from nothing writes', () => {
    const rand = seededRandom(21);
    // Small shards, so that a garden of 300 notes has dozens of them per group.
    const options: Options = { targetShardBytes: 1_500 };
    const cold = (docs: SearchDoc[]) => new Map(buildSearchIndex(structuredClone(docs), options).files.map((f) => [f.path, asText(f.contents)]));
    let docs = Array.from({ length: 300 }, (_, i) => makeRandomDoc(i, rand));
    const file = path.join(tempDir(), 'postings');
    let site = shardsOver(docs, file, new Map(), options).tree;
    expectSameTree(site, cold(docs));
    const shards = (tree: Map<string, string>) => [...tree.keys()].filter((name) => /^_search\/(body|fields)-/.test(name)).length;
    expect(shards(site)).toBeGreaterThan(40);
    let next = 1000;
    const keptShare: number[] = [];
    for (let round = 0; round < 12; round++) {
      const pick = () => Math.floor(rand() * docs.length);
      docs = [...docs];
      const kind = round % 6;
      const i = pick();
      // A word added, words dropped (terms gone from the garden), a note gone, a note added, a new title, a new heading.
      if (kind === 0) docs[i] = { ...docs[i]!, body: `${docs[i]!.body} ${makeRandomDoc(next++, rand).body.slice(0, 30)}` };
      if (kind === 1) docs[i] = { ...docs[i]!, body: docs[i]!.body.slice(0, 20) };
      if (kind === 2) docs.splice(i, 1);
      if (kind === 3) docs.push(makeRandomDoc(next++, rand));
      if (kind === 4) docs[i] = { ...docs[i]!, title: makeRandomDoc(next++, rand).title };
      if (kind === 5) docs[i] = { ...docs[i]!, headings: [...docs[i]!.headings, { text: 'quorum lease', id: 'late' }] };
      const built = shardsOver(docs, file, site, options);
      expectSameTree(built.tree, cold(docs));
      keptShare.push(built.keptShards.length / shards(built.tree));
      site = built.tree;
    }
    // A word, a title or a heading changed among 300 notes: nearly every shard is the previous site's file, not rendered again.
    // (A note's words cut short, gone or new touch a shard for each of its terms.)
    expect(keptShare.filter((_, round) => [0, 4, 5].includes(round % 6)).every((share) => share > 0.9)).toBe(true);
    expect(Math.min(...keptShare)).toBeGreaterThan(0.3);
  });

  it('a doc whose source is the kept one is not read for its key and size: the source is what is trusted', () => {
    const rand = seededRandom(9);
    const docs = Array.from({ length: 20 }, (_, i) => ({ ...makeRandomDoc(i, rand), source: `s${i}` }));
    const file = path.join(tempDir(), 'postings');
    warm(docs, file);
    // Note 3's body changes but its source does not (a maker that lied): its kept key is taken, so its old postings stay.
    const lied = docs.map((doc, i) => (i === 3 ? { ...doc, body: 'qwxplum words' } : doc));
    const trusted = warm(lied, file);
    expect([...trusted.values()].some((text) => text.includes('qwxplum'))).toBe(true);
    const postings = [...trusted].filter(([name]) => !name.startsWith('docs-')).map(([, text]) => text);
    expect(postings.some((text) => text.includes('qwxplum'))).toBe(false);
    // With its source changed too, it is indexed again.
    const told = warm(
      lied.map((doc, i) => (i === 3 ? { ...doc, source: 's3-new' } : doc)),
      file,
    );
    expect([...told].filter(([name]) => !name.startsWith('docs-')).some(([, text]) => text.includes('qwxplum'))).toBe(true);
  });

  it('says how many notes it will index before indexing any: every note at first, then only the changed and new ones', () => {
    const rand = seededRandom(3);
    const docs = Array.from({ length: 30 }, (_, i) => makeRandomDoc(i, rand));
    const file = path.join(tempDir(), 'postings');
    const plans = (list: SearchDoc[]) => {
      const told: number[] = [];
      writeSearchFiles(structuredClone(list), tempDir(), undefined, { kept: { file, code } }, (n) => told.push(n));
      return told;
    };
    expect(plans(docs)).toEqual([30]);
    expect(plans(docs)).toEqual([0]);
    const edited = docs.map((doc, i) => (i === 4 || i === 9 ? { ...doc, body: `${doc.body} lately` } : doc));
    expect(plans([...edited, makeRandomDoc(30, rand)])).toEqual([3]);
  });

  it('kept postings are taken for unchanged notes only, and only from a whole file of the same code', () => {
    const rand = seededRandom(11);
    const docs = Array.from({ length: 20 }, (_, i) => makeRandomDoc(i, rand));
    const settings = toSettings();
    // Kept postings that say note 0's body has a word it does not have (under its real key): a build that takes them shows the word.
    const plant = (file: string, key: string) => {
      const writer = keptPostingsWriter(file, code);
      writer.begin(JSON.stringify(settings), [[docs[0]!.id, key, 5]]);
      const planted: SearchPostingEntry[] = [['zzplanted', [[5]]]];
      for (const field of ['title', 'aliases', 'headings', 'tags', 'names'] as const) writer.field(field, packEntries([]));
      writer.field('body', packEntries(planted));
      writer.group('fields', { refs: [], sizes: new Uint32Array(0), hashes: new Uint32Array(0) });
      writer.group('body', { refs: [], sizes: Uint32Array.of(30), hashes: Uint32Array.of(0) });
      writer.chunks([]);
      writer.finish();
    };
    const key = indexKey(docs[0]!, settings.maxHeadings, settings.maxBodyChars);
    const plantedIn = (tree: Map<string, string>) => [...tree.values()].some((text) => text.includes('zzplanted'));
    const expected = cold(docs);
    expect(plantedIn(expected)).toBe(false);

    // Same key, same code, whole file: taken (which is why every check below matters).
    const taken = path.join(tempDir(), 'postings');
    plant(taken, key);
    expect(plantedIn(warm(docs, taken))).toBe(true);

    // The note's text changed since (another key): its kept postings are dropped and it is indexed again.
    const stale = path.join(tempDir(), 'postings');
    plant(stale, indexKey({ ...docs[0]!, body: 'what it said before' }, settings.maxHeadings, settings.maxBodyChars));
    expectSameTree(warm(docs, stale), expected);

    // Written by other code: not read.
    const foreign = path.join(tempDir(), 'postings');
    plant(foreign, key);
    expectSameTree(warm(docs, foreign, 'code-b'), expected);

    // A damaged file (one byte of its postings changed, so its hash no longer matches): not read.
    const damaged = path.join(tempDir(), 'postings');
    plant(damaged, key);
    const bytes = readFileSync(damaged);
    const at = bytes.lastIndexOf('zzplanted');
    bytes[at] = 'y'.charCodeAt(0);
    writeFileSync(damaged, bytes);
    expectSameTree(warm(docs, damaged), expected);

    // A build leaves its own postings: the next build from them writes the same files.
    expectSameTree(warm(docs, stale), expected);
  });
});
