/**
 * The dev server's search files after each change (src/dev/dev-search.ts: a build's search run, on
 * its worker) are the files a clean build makes of the same garden: over random edits of text,
 * titles, tags and headings, new, renamed and deleted notes and publish flips. And they are made the
 * way a warm build makes them: a run after an edit of one note indexes that note alone. Its first run
 * starts from the postings the last build of the garden kept, when the same code made them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateGarden } from '../bench/generate.ts';
import { buildGarden } from '../src/build.ts';
import { GardenState } from '../src/dev/garden-state.ts';
import { DevSearch, type SearchVersion } from '../src/dev/dev-search.ts';
import { seededRandom } from '../src/graph/random.ts';
import { buildSearchIndex } from '../src/search/index.ts';
import { keptPostingsFile } from '../src/search/kept-postings-file.ts';
import { toSearchDoc } from '../src/search/to-search-doc.ts';
import type { NoteId } from '../src/shared/types.ts';
import { tempDir } from './helpers/garden.ts';
import { freePort } from './helpers/free-port.ts';

const dirs: string[] = [];
const searches: DevSearch[] = [];
afterAll(() => {
  for (const s of searches) s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every file of a version, by URL path. */
async function filesOf(version: SearchVersion): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const p of version.paths) files.set(p, (await version.read(p))!.toString('utf8'));
  return files;
}

/** A run of `search` over the garden `state` holds now. */
async function run(search: DevSearch, state: GardenState): Promise<SearchVersion> {
  const { store, texts } = state.searchTexts();
  return search.update(
    state.view().notes.filter((n) => n.publish),
    store,
    texts,
  );
}

/** The search files of a clean build of `garden`, by URL path. */
async function cleanSearchFiles(garden: string): Promise<Map<string, string>> {
  const model = await buildGarden({ garden, noCache: true, threads: 1, layout: false });
  try {
    const docs = model.notes.filter((n) => n.publish).map((n) => toSearchDoc(n, model.store.text(n.parsed.id)));
    return new Map(buildSearchIndex(docs).files.map((f) => ['/' + f.path, Buffer.from(f.contents).toString('utf8')]));
  } finally {
    model.close?.();
  }
}

describe("the dev server's search files", () => {
  it('are a clean build’s after each random change, and an edit of one note indexes that note alone', async () => {
    const garden = tempDir();
    dirs.push(garden);
    await generateGarden(garden, { notes: 80, seed: 21 });
    const state = await GardenState.open(garden, { threads: 1 });
    const search = new DevSearch(garden);
    searches.push(search);
    try {
      const first = await run(search, state);
      expect(await filesOf(first)).toEqual(await cleanSearchFiles(garden));
      const published = () => state.view().notes.filter((n) => n.publish).length;
      expect(first.indexed).toBe(published());

      // One note's text edited: that note is indexed again, the others keep their postings.
      const one = state.view().notes[17]!.parsed.path;
      appendFileSync(path.join(garden, one), '\n\nA sentence about quasiperiodic tilings.\n');
      await state.apply([one]);
      // Every body read through the store, each read recorded: only the edited note's is read (the others are posted light,
      // as a warm build posts them: their keys in the kept postings, their docs-chunk entries in the version before's chunks).
      const { store } = state.searchTexts();
      const read: string[] = [];
      const recording = new Proxy(store, {
        get(target, key) {
          if (key === 'text') return (id: NoteId) => (read.push(id), target.text(id));
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      const edited = await search.update(
        state.view().notes.filter((n) => n.publish),
        recording,
        undefined,
      );
      expect(read).toEqual([state.view().notes[17]!.parsed.id]);
      expect(edited.indexed).toBe(1);
      // Its shards, its docs chunk and the manifest are written; every other file is the version before's.
      expect(edited.written).toBeGreaterThan(0);
      expect(edited.written).toBeLessThan(edited.paths.length / 4);
      expect(await filesOf(edited)).toEqual(await cleanSearchFiles(garden));
      // The version before still reads, until a later run replaces it.
      expect(await first.read('/_search/manifest.json')).toBeDefined();

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
        expect(await filesOf(await run(search, state)), `step ${step}`).toEqual(await cleanSearchFiles(garden));
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
        const built = readFileSync(keptPostingsFile(garden));
        const seeded = new DevSearch(garden);
        searches.push(seeded);
        const version = await run(seeded, state);
        expect(await filesOf(version)).toEqual(clean);
        expect(version.indexed).toBe(1);
        // The build's file is only read: the server keeps its own postings.
        expect(readFileSync(keptPostingsFile(garden)).equals(built)).toBe(true);
        expect((await run(seeded, state)).indexed).toBe(0);
        // Postings that do not read back whole (their digest spoilt here, as another code version would be refused) are not used.
        writeFileSync(keptPostingsFile(garden), readFileSync(keptPostingsFile(garden)).fill(0, 0, 32));
        const other = new DevSearch(garden);
        searches.push(other);
        const cold = await run(other, state);
        expect(await filesOf(cold)).toEqual(clean);
        expect(cold.indexed).toBe(published.length);
      } finally {
        state.close();
      }
    } finally {
      if (saved === undefined) delete process.env.TRELLIS_CACHE_DIR;
      else process.env.TRELLIS_CACHE_DIR = saved;
    }
  }, 300_000);

  it('keep their files in a temporary folder the server removes when it closes, and the next server removes a killed one’s', () => {
    const garden = tempDir();
    dirs.push(garden);
    // A folder of a server whose process is gone, and one of a server still running (this process).
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = mkdtempSync(path.join(os.tmpdir(), `trellis-dev-search-${gone}-`));
    const running = mkdtempSync(path.join(os.tmpdir(), `trellis-dev-search-${process.pid}-`));
    dirs.push(left, running);
    const own = () => new Set(readdirSync(os.tmpdir()).filter((name) => name.startsWith(`trellis-dev-search-${process.pid}-`)));
    const before = own();
    const search = new DevSearch(garden);
    searches.push(search);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(running)).toBe(true);
    const made = [...own()].filter((name) => !before.has(name));
    expect(made).toHaveLength(1);
    search.close();
    expect(own()).toEqual(before);
    expect(before.has(path.basename(running))).toBe(true);
  });
});

describe('trellis dev stopped by a signal', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`by ${signal}: removes its search files' temporary folder`, async () => {
      const garden = tempDir();
      const cache = tempDir();
      dirs.push(garden, cache);
      await generateGarden(garden, { notes: 20, seed: 23 });
      const port = await freePort();
      const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');
      const child = spawn(process.execPath, [bin, 'dev', garden, '--port', String(port)], {
        env: { ...process.env, TRELLIS_CACHE_DIR: cache },
        stdio: 'ignore',
      });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('close', (code, sig) => resolve({ code, signal: sig })),
      );
      const own = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith(`trellis-dev-search-${child.pid}-`));
      try {
        const searched = async () => (await fetch(`http://127.0.0.1:${port}/_search/manifest.json`).catch(() => undefined))?.ok === true;
        await expect.poll(searched, { timeout: 120_000, interval: 250 }).toBe(true);
        // A search was made: its folder holds the kept postings and a run's files.
        expect(own()).toHaveLength(1);
        expect(readdirSync(path.join(os.tmpdir(), own()[0]!)).length).toBeGreaterThan(1);
        child.kill(signal);
        // Ended by the signal, or by a listener of it that exits as the shell reports a signal (Vite listens for SIGTERM).
        const how = await ended;
        expect(how.signal === signal || how.code === 128 + os.constants.signals[signal], JSON.stringify(how)).toBe(true);
        expect(own()).toEqual([]);
      } finally {
        child.kill('SIGKILL');
      }
    }, 180_000);
  }
});

describe('trellis dev that cannot start', () => {
  it("removes its search files' temporary folder when its port is taken", async () => {
    const garden = tempDir();
    const cache = tempDir();
    dirs.push(garden, cache);
    await generateGarden(garden, { notes: 20, seed: 29 });
    const port = await freePort();
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');
      const child = spawn(process.execPath, [bin, 'dev', garden, '--port', String(port)], {
        env: { ...process.env, TRELLIS_CACHE_DIR: cache },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${port} is already in use`);
      expect(readdirSync(os.tmpdir()).filter((name) => name.startsWith(`trellis-dev-search-${child.pid}-`))).toEqual([]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 120_000);
});
