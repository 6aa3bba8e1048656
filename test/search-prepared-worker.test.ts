/**
 * A search worker started ahead of its docs (src/search/build-in-worker.ts, `prepareSearchWorker`,
 * as a warm build of edited text starts it: src/emit/early-search.ts) reads the kept postings at
 * once and, given its docs, writes what a worker started with them writes; it indexes only the
 * notes whose postings it did not read; one no run took is ended by `discard`.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndexInWorker, prepareSearchWorker } from '../src/search/build-in-worker.ts';
import type { SearchDoc } from '../src/shared/types.ts';
import { tempDir } from './helpers/garden.ts';
import { fixtureFiles, makeFixtureDoc } from './search-make-docs.ts';

const code = 'code-p';

/** `dir`'s `_search/` files by name. */
function searchTree(dir: string): Map<string, string> {
  const root = path.join(dir, '_search');
  return new Map(readdirSync(root).map((name) => [name, readFileSync(path.join(root, name), 'utf8')]));
}

/** The fixture docs, each with a source (as a build's notes have: what the kept postings are keyed by). */
function docs(edited?: number): SearchDoc[] {
  return fixtureFiles.map((file, i) => {
    const doc = makeFixtureDoc(file);
    const body = i === edited ? `${doc.body} An appended sentence about quorum leases.` : doc.body;
    return { ...doc, body, source: `${file}:${body.length}` };
  });
}

describe('a search worker started ahead', () => {
  it('reads the kept postings before its docs come, indexes only the edited note and writes what a fresh worker writes', async () => {
    const file = path.join(tempDir(), 'postings');
    // A build that keeps its postings, as the last build did.
    await buildSearchIndexInWorker(() => docs(), tempDir(), undefined, { keep: { kept: { file, code } } });
    const prepared = prepareSearchWorker({ file, code }, 64);
    expect(prepared).toBeDefined();
    expect(await prepared!.ready).toBe(true);
    // Read already: the file going away now changes nothing for this worker.
    const saved = readFileSync(file);
    rmSync(file);
    const ahead = tempDir();
    const indexed: number[] = [];
    await buildSearchIndexInWorker(() => docs(3), ahead, undefined, { keep: { kept: { file, code } }, prepared, onPlan: (n) => indexed.push(n) });
    expect(indexed).toEqual([1]);
    expect(prepared!.take()).toBeUndefined();

    // A worker started with the same docs over the same kept postings writes the same files.
    writeFileSync(file, saved);
    const fresh = tempDir();
    const freshIndexed: number[] = [];
    await buildSearchIndexInWorker(() => docs(3), fresh, undefined, { keep: { kept: { file, code } }, onPlan: (n) => freshIndexed.push(n) });
    expect(freshIndexed).toEqual([1]);
    const made = searchTree(ahead);
    expect(made.size).toBeGreaterThan(2);
    expect(made).toEqual(searchTree(fresh));
    // The edit is in the index: the appended word is a term of some shard.
    expect([...made.values()].some((text) => text.includes('leases'))).toBe(true);
  });

  it('with no kept postings (or another code version) it indexes every note', async () => {
    const file = path.join(tempDir(), 'postings');
    await buildSearchIndexInWorker(() => docs(), tempDir(), undefined, { keep: { kept: { file, code } } });
    for (const [kept, label] of [
      [{ file: path.join(tempDir(), 'none'), code }, 'no file'],
      [{ file, code: 'another' }, 'another code'],
    ] as const) {
      const prepared = prepareSearchWorker(kept, 64);
      expect(await prepared!.ready, label).toBe(true);
      const indexed: number[] = [];
      await buildSearchIndexInWorker(() => docs(3), tempDir(), undefined, { keep: { kept }, prepared, onPlan: (n) => indexed.push(n) });
      expect(indexed, label).toEqual([fixtureFiles.length]);
    }
  });

  it('a worker no run took stops when discarded, and is not taken after', async () => {
    const prepared = prepareSearchWorker({ file: path.join(tempDir(), 'postings'), code }, 64)!;
    expect(await prepared.ready).toBe(true);
    await prepared.discard();
    expect(prepared.take()).toBeUndefined();
    // A run given it afterwards starts a worker of its own.
    const indexed: number[] = [];
    const outputs = await buildSearchIndexInWorker(() => docs(), tempDir(), undefined, { prepared, onPlan: (n) => indexed.push(n) });
    expect(indexed).toEqual([fixtureFiles.length]);
    expect(outputs.length).toBeGreaterThan(2);
  });
});
