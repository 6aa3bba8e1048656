import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../src/search/index.ts';
import { indexField } from '../src/search/index-fields.ts';
import { indexInSlices } from '../src/search/index-in-slices.ts';
import { mergePacked, packEntries } from '../src/search/kept-postings.ts';
import { toSettings } from '../src/search/options.ts';
import { fixtureFiles, makeFixtureDoc } from './search-make-docs.ts';

// Real notes (the obsidian-tasks docs), numbered in order with gaps, as number-notes.ts numbers them.
const docs = fixtureFiles.map((file) => makeFixtureDoc(file));
const numbers = docs.map((_, i) => 3 * i + 1);
const settings = toSettings();
const bodyChars = docs.reduce((sum, doc) => sum + doc.body.length, 0);

describe('indexing in slices', () => {
  it('gives the postings of one index of every note, however the notes are sliced', () => {
    expect(bodyChars).toBeGreaterThan(20_000);
    const whole = packEntries(indexField('body', docs, numbers, 1, settings).entries);
    for (const maxChars of [1, 2_000, 7_000, Math.floor(bodyChars / 3)]) {
      // The slices are what they say: each ends with the note that takes it to `maxChars`.
      const ends: number[] = [];
      for (let from = 0; from < docs.length;) ends.push((from = indexField('body', docs, numbers, 1, settings, { from, maxChars }).end));
      expect(ends.length, `slices of ${maxChars}`).toBeGreaterThan(1);
      const sliced = indexInSlices('body', docs, numbers, 1, settings, undefined, maxChars);
      expect(sliced.packed.terms).toEqual(whole.terms);
      expect(Buffer.from(sliced.packed.data.buffer, sliced.packed.data.byteOffset, sliced.packed.data.byteLength)).toEqual(
        Buffer.from(whole.data.buffer, whole.data.byteOffset, whole.data.byteLength),
      );
    }
  });

  it('merges the slices of the notes a warm build indexes into the kept postings as their one index would be', () => {
    // Kept: the postings of every other note, as a build of those alone kept them under other numbers (each one more, so
    // renumbered); fresh: the rest, numbered among them.
    const keptAt = docs.map((_, i) => i).filter((i) => i % 2 === 0);
    const freshAt = docs.map((_, i) => i).filter((i) => i % 2 === 1);
    const kept = packEntries(
      indexField(
        'body',
        keptAt.map((i) => docs[i]!),
        keptAt.map((i) => numbers[i]! + 1),
        1,
        settings,
      ).entries,
    );
    const renumber = new Int32Array(numbers[numbers.length - 1]! + 2).fill(-1);
    for (const i of keptAt) renumber[numbers[i]! + 1] = numbers[i]!;
    const moved = keptAt.map((i) => numbers[i]! + 1);
    const freshDocs = freshAt.map((i) => docs[i]!);
    const freshNumbers = freshAt.map((i) => numbers[i]!);
    const once = mergePacked(kept, renumber, 1, indexField('body', freshDocs, freshNumbers, 1, settings).entries, moved);
    const sliced = indexInSlices('body', freshDocs, freshNumbers, 1, settings, { packed: kept, renumber, moved }, 2_000);
    expect(sliced.packed.terms).toEqual(once.packed.terms);
    expect([...sliced.packed.data]).toEqual([...once.packed.data]);
    // And what one index of every note gives.
    expect([...sliced.packed.data]).toEqual([...packEntries(indexField('body', docs, numbers, 1, settings).entries).data]);
    // Every term the one merge changed is listed (a slice's merge may list more: shards made again to the same bytes).
    for (const term of once.changed) expect(sliced.changed?.has(term), term).toBe(true);
  });

  it("writes the same search files whatever the slices' size", () => {
    const whole = buildSearchIndex(docs);
    const sliced = buildSearchIndex(docs, undefined, {}, 3_000);
    expect(sliced.files.map((file) => file.path)).toEqual(whole.files.map((file) => file.path));
    expect(sliced.files.map((file) => String(file.contents))).toEqual(whole.files.map((file) => String(file.contents)));
  });
});
