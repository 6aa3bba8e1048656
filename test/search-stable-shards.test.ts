/**
 * A one-note edit rewrites only the search files holding that note: `trellis build` (the real
 * CLI, cache and previous site warm) after a sentence is appended to one note of a few hundred
 * writes the manifest, the vocabulary when its words changed, the postings shards whose terms
 * the edit touched (each holds the note, or follows one that does: a moved cut) and the note's
 * docs chunk (or the next one). The rest of `_search/` keeps its bytes and names.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/graph/random.ts';
import type { SearchDocsChunk, SearchManifest, SearchPostingsShard } from '../src/shared/types.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');

function build(garden: string, out: string, cache: string): string {
  const r = spawnSync(process.execPath, [bin, 'build', garden, '--out', out], { encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: cache } });
  if (r.status !== 0) throw new Error(`build failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** `_search/`'s files by name, as text. */
function searchFiles(out: string): Map<string, string> {
  const dir = path.join(out, '_search');
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

/** Pseudo-words of 2-4 syllables, so a note's words spread over the whole term range as real words do. */
function makeWords(count: number, rand: () => number): string[] {
  const onsets = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  const words = new Set<string>();
  while (words.size < count) {
    let word = '';
    const syllables = 2 + Math.floor(rand() * 3);
    for (let s = 0; s < syllables; s++) word += onsets[Math.floor(rand() * onsets.length)]! + vowels[Math.floor(rand() * vowels.length)]!;
    words.add(word);
  }
  return [...words];
}

function makeNotes(): Record<string, string> {
  const rand = seededRandom(20);
  const words = makeWords(8000, rand);
  // Zipf-like: low indexes are common.
  const word = () => words[Math.floor(words.length * rand() ** 2.5)]!;
  const files: Record<string, string> = {};
  for (let i = 0; i < 600; i++) {
    const paragraphs = Array.from({ length: 5 }, () => Array.from({ length: 50 }, word).join(' ') + '.');
    const heading = rand() < 0.5 ? `## ${word()} ${word()}\n\n` : '';
    files[`${['', 'a/', 'b/c/'][i % 3]}Note ${i}.md`] = `# Note ${i} ${word()}\n\n${paragraphs[0]}\n\n${heading}${paragraphs.slice(1).join('\n\n')}\n`;
  }
  return files;
}

const garden = makeGarden(makeNotes());
const out = path.join(tempDir(), 'dist');
const cache = tempDir();
afterAll(() => {
  for (const dir of [garden, path.dirname(out), cache]) rmSync(dir, { recursive: true, force: true });
});

describe('search files after a one-note edit', () => {
  it('are written only where the note is, plus the manifest and vocabulary', () => {
    build(garden, out, cache);
    const before = searchFiles(out);
    const edited = path.join(garden, 'a/Note 100.md');
    writeFileSync(edited, readFileSync(edited, 'utf8') + '\nAnother sentence about the harbour, appended later.\n');
    const summary = build(garden, out, cache);
    const after = searchFiles(out);

    const manifest = JSON.parse(after.get('manifest.json')!) as SearchManifest;
    const changed = [...after.keys()].filter((name) => before.get(name) !== after.get(name));
    // The build's summary counts the same files.
    expect(summary).toMatch(new RegExp(`1 note changed: .*\\b${changed.length} search files\\b`));

    // The note's number, from the docs chunk holding it.
    const chunks = manifest.docs.hashes.map((hash, i) => `docs-${manifest.docs.starts[i]}.${hash}.json`);
    const number = chunks
      .map((name) => JSON.parse(after.get(name)!) as SearchDocsChunk)
      .flatMap((chunk) => chunk.docs.map((doc, i) => (doc?.id === 'a/Note 100' ? chunk.start + i : -1)))
      .find((n) => n >= 0)!;
    expect(number).toBeGreaterThanOrEqual(0);

    const holds = (name: string): boolean => {
      const text = after.get(name)!;
      if (name.startsWith('docs-')) return (JSON.parse(text) as SearchDocsChunk).docs.some((doc) => doc?.id === 'a/Note 100');
      const shard = JSON.parse(text) as SearchPostingsShard;
      return Object.values(shard.fields).some((entries) => entries.some(([, slots]) => slots.some((ids) => ids?.includes(number))));
    };
    const ordered = [...manifest.groups.fields.map((ref) => ref.file), ...manifest.groups.body.map((ref) => ref.file), ...chunks];
    const unexplained = changed.filter((name) => {
      if (name === 'manifest.json' || name === manifest.vocabulary) return false;
      const i = ordered.indexOf(name);
      // A file holding the note, or the one after it: a cut that moved moves the next file's start.
      return !(holds(name) || (i > 0 && holds(ordered[i - 1]!)));
    });
    expect(unexplained).toEqual([]);

    // Few of the files, and none of the titles' shards: the edit touched the body only.
    const shards = manifest.groups.body.length;
    expect(shards).toBeGreaterThan(5);
    expect(chunks.length).toBeGreaterThan(30);
    expect(changed.filter((name) => name.startsWith('fields-'))).toEqual([]);
    expect(changed.filter((name) => name.startsWith('docs-')).length).toBeLessThanOrEqual(2);
    expect(changed.length).toBeLessThan(after.size / 4);
    // Files no longer listed are gone from the site.
    expect(after.size).toBe(1 + (manifest.vocabulary ? 1 : 0) + ordered.length);
  });
});
