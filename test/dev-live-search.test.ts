/**
 * The dev server's search files after each change (src/dev/live-search.ts) are the files a clean
 * build makes of the same garden: over random edits of text, titles, tags and headings, new,
 * renamed and deleted notes and publish flips. And they are made the way a warm build makes them:
 * a run after an edit of one note reads the texts of a few notes (its own, and those of the docs
 * chunk made again), not the garden's. Its first run starts from the postings the last build kept.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateGarden } from '../bench/generate.ts';
import { buildGarden } from '../src/build.ts';
import { GardenState } from '../src/dev/garden-state.ts';
import { LiveSearch } from '../src/dev/live-search.ts';
import { seededRandom } from '../src/graph/random.ts';
import { buildSearchIndex } from '../src/search/index.ts';
import { keptPostingsFile, readKeptPostings } from '../src/search/kept-postings-file.ts';
import { codeFingerprint } from '../src/version.ts';
import { toSearchDoc } from '../src/search/to-search-doc.ts';
import type { NoteId } from '../src/shared/types.ts';
import { tempDir } from './helpers/garden.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The search files of a clean build of `garden`, by URL path. */
async function cleanSearchFiles(garden: string): Promise<Map<string, string | Uint8Array>> {
  const model = await buildGarden({ garden, noCache: true, threads: 1, layout: false });
  try {
    const docs = model.notes.filter((n) => n.publish).map((n) => toSearchDoc(n, model.store.text(n.parsed.id)));
    return new Map(buildSearchIndex(docs).files.map((f) => ['/' + f.path, f.contents]));
  } finally {
    model.close?.();
  }
}

describe("the dev server's search files", () => {
  it('are a clean build’s after each random change, and an edit of one note reads a few notes’ texts', async () => {
    const garden = tempDir();
    dirs.push(garden);
    await generateGarden(garden, { notes: 80, seed: 21 });
    const state = await GardenState.open(garden, { threads: 1 });
    const live = new LiveSearch();
    let reads = 0;
    const text = (id: NoteId) => {
      reads++;
      return state.text(id);
    };
    const run = () => {
      reads = 0;
      return live.update(
        state.view().notes.filter((n) => n.publish),
        text,
      );
    };
    try {
      expect(run()).toEqual(await cleanSearchFiles(garden));
      const published = () => state.view().notes.filter((n) => n.publish).length;
      expect(reads).toBeGreaterThanOrEqual(published());

      // One note's text edited: its own text is read, and the texts of the notes of the docs chunk made again.
      const one = state.view().notes[17]!.parsed.path;
      appendFileSync(path.join(garden, one), '\n\nA sentence about quasiperiodic tilings.\n');
      await state.apply([one]);
      const files = run();
      expect(reads).toBeGreaterThan(0);
      expect(reads).toBeLessThan(published() / 4);
      expect(files).toEqual(await cleanSearchFiles(garden));

      const rand = seededRandom(5);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
      const words = ['raft', 'paxos', 'cgroup', 'tiling', 'quorum', 'epoch', 'lease', 'gossip'];
      for (let step = 0; step < 6; step++) {
        const notes = state.view().notes.map((n) => n.parsed.path);
        const touched: string[] = [];
        for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
          const op = rand();
          const file = pick(notes);
          const abs = path.join(garden, file);
          if (!existsSync(abs)) continue;
          if (op < 0.3) appendFileSync(abs, `\n\nMore on ${pick(words)} and ${pick(words)}.\n`);
          else if (op < 0.45) appendFileSync(abs, `\n\n## About ${pick(words)}\n\nText.\n`);
          else if (op < 0.55) writeFileSync(abs, `---\ntags: [${pick(words)}]\naliases: [${pick(words)} alias]\n---\n` + readFileSync(abs, 'utf8'));
          else if (op < 0.65) {
            const to = `new/${pick(words)}-${step}-${k}.md`;
            mkdirSync(path.join(garden, 'new'), { recursive: true });
            renameSync(abs, path.join(garden, to));
            touched.push(to);
          } else if (op < 0.75) rmSync(abs);
          else if (op < 0.85) {
            const to = `new/fresh-${step}-${k}.md`;
            mkdirSync(path.join(garden, 'new'), { recursive: true });
            writeFileSync(path.join(garden, to), `# Fresh ${pick(words)}\n\nAbout ${pick(words)}.\n`);
            touched.push(to);
          } else writeFileSync(abs, `---\npublish: false\n---\n` + readFileSync(abs, 'utf8'));
          touched.push(file);
        }
        await state.apply(touched);
        expect(run(), `step ${step}`).toEqual(await cleanSearchFiles(garden));
      }
    } finally {
      state.close();
    }
  }, 300_000);

  it('start from the postings the last build of the garden kept, when the same code made them', async () => {
    const garden = tempDir();
    const cache = tempDir();
    const out = path.join(tempDir(), 'site');
    dirs.push(garden, cache, path.dirname(out));
    await generateGarden(garden, { notes: 60, seed: 22 });
    const cli = path.resolve(import.meta.dirname, '../bin/trellis.js');
    const built = spawnSync(process.execPath, [cli, 'build', garden, '--out', out, '--quiet'], {
      env: { ...process.env, TRELLIS_CACHE_DIR: cache },
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    const saved = process.env.TRELLIS_CACHE_DIR;
    process.env.TRELLIS_CACHE_DIR = cache;
    try {
      expect(existsSync(keptPostingsFile(garden))).toBe(true);
      // One note changed since that build.
      const note = readdirSync(garden, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('.md'))!;
      appendFileSync(path.join(garden, note), '\n\nA sentence about quasiperiodic tilings.\n');
      const state = await GardenState.open(garden, { threads: 1 });
      try {
        const published = state.view().notes.filter((n) => n.publish);
        const clean = await cleanSearchFiles(garden);
        const seeded = new LiveSearch(() => readKeptPostings(keptPostingsFile(garden), codeFingerprint()));
        expect(seeded.update(published, (id) => state.text(id))).toEqual(clean);
        expect(seeded.indexed).toBe(1);
        // Postings another code made are not read.
        const other = new LiveSearch(() => readKeptPostings(keptPostingsFile(garden), 'another code'));
        expect(other.update(published, (id) => state.text(id))).toEqual(clean);
        expect(other.indexed).toBe(published.length);
      } finally {
        state.close();
      }
    } finally {
      if (saved === undefined) delete process.env.TRELLIS_CACHE_DIR;
      else process.env.TRELLIS_CACHE_DIR = saved;
    }
  }, 300_000);
});
