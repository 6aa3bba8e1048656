/**
 * Light search docs (src/search/light-docs.ts): a warm build posts the search worker only the id and
 * source of a note whose content and URL are the previous site's. The files are then exactly those a
 * build from nothing writes, through edits, removals and additions, the entries of light notes in a
 * docs chunk made again read from the previous site's chunk; a run that would need what a light doc
 * has not (a previous chunk changed on disk) fails rather than guess, and the worker's
 * run with every doc whole then writes the same files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/graph/random.ts';
import { contentHash } from '../src/incremental/output-manifest.ts';
import { buildSearchIndexInWorker, searchHeapMb } from '../src/search/build-in-worker.ts';
import { keptPostingsMadeBy } from '../src/search/kept-postings-file.ts';
import { joinLight, LightDocNeeded, type LightDocs } from '../src/search/light-docs.ts';
import { writeSearchFiles, type SpilledBodies } from '../src/search/write-files.ts';
import type { SearchDoc } from '../src/shared/types.ts';
import { tempDir } from './helpers/garden.ts';
import { makeRandomDoc } from './search-make-docs.ts';

const code = 'code-light';

/** A doc with its source: what changes with everything the doc holds, as a note's content hash and URL do. */
function sourced(doc: SearchDoc): SearchDoc {
  return {
    ...doc,
    source: createHash('sha256')
      .update(JSON.stringify({ ...doc, source: undefined }))
      .digest('hex'),
  };
}

/** `dir`'s `_search/` files by name. */
function searchTree(dir: string): Map<string, string> {
  const root = path.join(dir, '_search');
  return new Map(readdirSync(root).map((name) => [name, readFileSync(path.join(root, name), 'utf8')]));
}

/** A site folder holding `tree` (`_search/` files by name), as the previous site is on disk. */
function siteOf(tree: Map<string, string>): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, '_search'), { recursive: true });
  for (const [name, text] of tree) writeFileSync(path.join(dir, '_search', name), text);
  return dir;
}

/** What the builder posts: the whole docs, and the light ones (those whose source is in `unchanged`) at their places. */
function split(docs: readonly SearchDoc[], unchanged: ReadonlySet<string>): { docs: SearchDoc[]; light: LightDocs } {
  const whole: SearchDoc[] = [];
  const light: LightDocs = { at: [], ids: [], sources: [] };
  docs.forEach((doc, i) => {
    if (!unchanged.has(doc.source!)) return void whole.push(structuredClone(doc));
    light.at.push(i);
    light.ids.push(doc.id);
    light.sources.push(doc.source!);
  });
  return { docs: whole, light };
}

/** The new site's `_search/` files, written and kept from `before`, over the kept postings `file`. */
function treeOver(out: string, outputs: { path: string; written: boolean }[], before: Map<string, string>): Map<string, string> {
  const written = searchTree(out);
  return new Map(
    outputs.map((o) => {
      const name = o.path.slice('_search/'.length);
      return [name, o.written ? written.get(name)! : before.get(name)!];
    }),
  );
}

function cold(docs: readonly SearchDoc[]): Map<string, string> {
  const out = tempDir();
  writeSearchFiles(structuredClone(docs) as SearchDoc[], out);
  return searchTree(out);
}

function expectSameTree(actual: Map<string, string>, expected: Map<string, string>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, text] of expected) expect(actual.get(name), name).toBe(text);
}

/** A whole run over `docs` that keeps its postings: the kept file, and the search files it wrote. */
function firstRun(docs: readonly SearchDoc[]): { file: string; site: Map<string, string> } {
  const file = path.join(tempDir(), 'postings');
  const first = tempDir();
  writeSearchFiles(structuredClone(docs), first, undefined, { kept: { file, code } });
  return { file, site: searchTree(first) };
}

/** The output manifest's hashes of a site's search files, by path. */
function hashesOf(site: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries([...site].map(([name, text]) => [`_search/${name}`, contentHash(text)]));
}

describe('light search docs', () => {
  it('write what whole docs write, through edits, removals, additions and a renumbering', () => {
    const rand = seededRandom(17);
    // 240 notes, past 256 on the way: the number space doubles and every note is renumbered.
    let docs = Array.from({ length: 240 }, (_, i) => sourced(makeRandomDoc(i, rand)));
    const { file, site: firstSite } = firstRun(docs);
    let site = firstSite;
    let next = 1000;
    const outcomes: string[] = [];
    for (let round = 0; round < 8; round++) {
      const before = new Set(docs.map((d) => d.source!));
      const edited = Math.floor(rand() * docs.length);
      docs[edited] = sourced({ ...docs[edited]!, body: `${docs[edited]!.body} ${makeRandomDoc(next++, rand).body}` });
      if (round % 2 === 1) docs.splice(Math.floor(rand() * docs.length), 1);
      for (let k = 0; k < 3; k++) docs.push(sourced(makeRandomDoc(next++, rand)));
      docs = [...docs];
      const posted = split(docs, before);
      expect(posted.light.at.length).toBeGreaterThan(docs.length - 6);
      const out = tempDir();
      const previous = hashesOf(site);
      const keep = { kept: { file, code }, previous, site: siteOf(site) };
      try {
        const outputs = writeSearchFiles(joinLight(posted.docs, posted.light), out, undefined, keep);
        site = treeOver(out, outputs, site);
        expectSameTree(site, cold(docs));
        outcomes.push('light');
      } catch (error) {
        expect(error).toBeInstanceOf(LightDocNeeded);
        // As the worker's second run does: every doc whole, over the same kept postings (kept only by a run that ended).
        const again = tempDir();
        const outputs = writeSearchFiles(structuredClone(docs), again, undefined, keep);
        site = treeOver(again, outputs, site);
        expectSameTree(site, cold(docs));
        outcomes.push((error as Error).message);
      }
    }
    // Every round went light, the one that renumbered every note too (an entry is found by the note's number before).
    expect(docs.length).toBeGreaterThan(256);
    expect(outcomes).toEqual(Array.from({ length: 8 }, () => 'light'));
  });

  it('fail rather than take an entry from a previous chunk changed on disk, and the worker then writes what whole docs write', async () => {
    const rand = seededRandom(23);
    const docs = Array.from({ length: 120 }, (_, i) => sourced(makeRandomDoc(i, rand)));
    const { file, site } = firstRun(docs);
    const before = new Set(docs.map((d) => d.source!));
    // One note edited: its chunk is made again, from its neighbours' entries in the previous chunk.
    docs[40] = sourced({ ...docs[40]!, body: `${docs[40]!.body} and a sentence more` });
    const previous = hashesOf(site);
    const dir = siteOf(site);
    // Every chunk changed on disk (by hand, or another tool) since the manifest recorded its bytes.
    for (const name of site.keys()) if (name.startsWith('docs-')) writeFileSync(path.join(dir, '_search', name), site.get(name)!.replace('"url"', '"url" '));
    const posted = split(docs, before);
    const postingsBefore = readFileSync(file);
    expect(() => writeSearchFiles(joinLight(posted.docs, posted.light), tempDir(), undefined, { kept: { file, code }, previous, site: dir })).toThrow(
      LightDocNeeded,
    );
    // The failed run kept nothing: the next run reads the postings the last whole run kept.
    expect(readFileSync(file).equals(postingsBefore)).toBe(true);
    // Through the worker: the light run fails, the run with every doc whole writes the files a build from nothing writes.
    const out = tempDir();
    const asked: boolean[] = [];
    const outputs = await buildSearchIndexInWorker(
      (light) => {
        asked.push(light);
        return light ? posted : structuredClone(docs);
      },
      out,
      undefined,
      { keep: { kept: { file, code }, previous, site: dir } },
    );
    expect(asked).toEqual([true, false]);
    expectSameTree(treeOver(out, outputs, site), cold(docs));
  });

  it('are not posted over postings another code kept: the first run, capped, has every doc whole', async () => {
    const rand = seededRandom(29);
    const docs = Array.from({ length: 60 }, (_, i) => sourced(makeRandomDoc(i, rand)));
    const { file, site } = firstRun(docs);
    const previous = hashesOf(site);
    const dir = siteOf(site);
    expect(keptPostingsMadeBy(file, code)).toBe(true);
    expect(keptPostingsMadeBy(file, 'another-code')).toBe(false);
    expect(keptPostingsMadeBy(path.join(dir, 'none'), code)).toBe(false);
    const before = new Set(docs.map((d) => d.source!));
    docs[20] = sourced({ ...docs[20]!, body: `${docs[20]!.body} and a sentence more` });
    const posted = split(docs, before);
    const build = async (by: string) => {
      const asked: boolean[] = [];
      const out = tempDir();
      const outputs = await buildSearchIndexInWorker(
        (light) => {
          asked.push(light);
          return light ? structuredClone(posted) : structuredClone(docs);
        },
        out,
        undefined,
        { keep: { kept: { file, code: by }, previous, site: dir } },
      );
      expectSameTree(treeOver(out, outputs, site), cold(docs));
      return asked;
    };
    // Code that kept them: light, and done in one run.
    expect(await build(code)).toEqual([true]);
    // After a change to Trellis (the kept file is not this code's): one run, whole. (It was asked light, failed, and ran again.)
    expect(await build('another-code')).toEqual([false]);
  });

  it("cap the worker by every note's text, the light notes' included, and by the kept postings it reads", () => {
    const rand = seededRandom(29);
    const docs = Array.from({ length: 60 }, (_, i) => sourced(makeRandomDoc(i, rand)));
    const mb = 1024 * 1024;
    // Each body in the spill file at its place (3 MB a note, 180 MB in all), as a warm build's bodies are.
    const texts: SpilledBodies = { fd: -1, refs: docs.map((_, i) => [i * 3 * mb, 3 * mb]) };
    const file = path.join(tempDir(), 'postings');
    writeFileSync(file, Buffer.alloc(5 * mb));
    const keep = { kept: { file, code } };
    const spilled = docs.map((d) => ({ ...d, body: '' }));
    const all = searchHeapMb(spilled, undefined, texts, keep);
    expect(all).toBe(64 + 2 * 180 + 5);
    // One note changed: the others are posted light, and the worker still holds all of their postings.
    const posted = split(spilled, new Set(docs.slice(1).map((d) => d.source!)));
    expect(posted.docs).toHaveLength(1);
    expect(searchHeapMb(posted.docs, posted.light, texts, keep)).toBe(all);
    // Bodies posted in the docs (none spilled) count by their length; no kept postings, no bytes for them.
    const inline = docs.map((d, i) => ({ ...d, body: 'x'.repeat(i === 2 ? 3 * mb : 0) }));
    expect(searchHeapMb(inline, undefined, undefined, undefined)).toBe(64 + 6);
    // A light doc between whole ones: each whole doc's body is its own, not its neighbour's.
    const mixed = split(inline, new Set([inline[1]!.source!]));
    expect(mixed.light.at).toEqual([1]);
    expect(searchHeapMb(mixed.docs, mixed.light, undefined, undefined)).toBe(64 + 6);
  });
});
