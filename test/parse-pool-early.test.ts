/**
 * A warm build starts one parse worker early, while it reads what the last build kept
 * (`startEarly` in src/compile/pool.ts): the pool's first lane must run on that worker, give what
 * a pool of its own workers gives, and leave no thread behind when no note needed compiling.
 */
import { readFileSync, readdirSync, readlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGarden, type GardenModel } from '../src/build.ts';
import { compileAhead } from '../src/compile/ahead.ts';
import { runJobs, startEarly, streamJobs } from '../src/compile/pool.ts';
import { openKeptScan, racyMs } from '../src/incremental/kept-scan.ts';
import { scanGarden } from '../src/scan/index.ts';
import { regexTableFile } from '../src/compile/render/regex-table-file.ts';
import { cacheDir } from '../src/store/cache.ts';
import { compileFingerprint } from '../src/version.ts';
import type { NoteJobResult } from '../src/compile/types.ts';
import { makeGarden, useTempCacheDir, vaultJobs } from './helpers/garden.ts';

useTempCacheDir();

describe('early parse worker', () => {
  it('is taken by the first lane, which gives what a pool of fresh workers gives', async () => {
    const { jobs: all, init } = await vaultJobs();
    const jobs = all.slice(0, 6);
    const fresh = await runJobs(jobs, init, { threads: 1 });

    const early = startEarly(init, { threads: 1 });
    const results: NoteJobResult[] = [];
    let taken = 0;
    const tracked = {
      take: () => {
        const worker = early.take();
        if (worker) taken++;
        return worker;
      },
      close: early.close,
    };
    await streamJobs(jobs, init, { threads: 1 }, { onResult: (k, r) => (results[k] = r) }, tracked);
    expect(taken).toBe(1);
    expect(early.take()).toBeUndefined();
    expect(results).toEqual(fresh);
    await early.close();
  }, 120_000);

  it('ends its thread on close when no lane took it', async () => {
    const { init } = await vaultJobs();
    // A worker is an OS thread of this process (Linux lists them in /proc/self/task).
    const threads = () => readdirSync('/proc/self/task').length;
    const before = threads();
    const unused = startEarly(init, { threads: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(threads()).toBeGreaterThan(before);
    await unused.close();
    expect(unused.take()).toBeUndefined();
    expect(threads()).toBe(before);
  }, 60_000);
});

describe('compile set up ahead (compileAhead: the CLI starts it before it walks the garden)', () => {
  // The store's file is unlinked once open (src/store/spill-store.ts): it stays as a descriptor of this process.
  const storeFiles = () =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).includes('trellis-spill-');
      } catch {
        return false;
      }
    }).length;

  it('a warm build takes its worker and store and gives the pages a build of its own gives', async () => {
    const root = makeGarden({ 'A.md': '# A\n\nSee [[B]].\n\n```js\nconst a = 1;\n```\n', 'B.md': '# B\n\nBack to [[A]].\n' });
    const first = await buildGarden({ garden: root, threads: 1 });
    first.close?.();
    writeFileSync(path.join(root, 'A.md'), '# A\n\nSee [[B]] again.\n\n```js\nconst a = 2;\n```\n');
    const ahead = compileAhead(root, { threads: 1 });
    const model = await buildGarden({ garden: root, threads: 1, ahead });
    expect(ahead.take()).toBeUndefined();
    await ahead.close();
    const own = await buildGarden({ garden: root, threads: 1, noCache: true });
    const pages = (m: GardenModel) => m.notes.map((n) => n.html);
    expect(pages(model)).toEqual(pages(own));
    expect(pages(model)[0]).toContain('again');
    // The worker kept the JavaScript grammar's converted regexes for the next build (src/compile/render/regex-table.ts).
    const table = JSON.parse(readFileSync(regexTableFile(cacheDir(root)), 'utf8')) as { code: string; entries: unknown[] };
    expect(table.code).toBe(compileFingerprint());
    expect(table.entries.length).toBeGreaterThan(50);
    model.close?.();
    own.close?.();
  }, 120_000);

  it('sends the few notes the scan read to its worker before the kept model is read; many wait for the kept model', async () => {
    const files = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`N${i}.md`, `# N${i}\n\nOn to [[N${(i + 1) % 80}]].\n`]));
    const root = makeGarden(files);
    // Scans as the CLI's, with file stamps kept (src/incremental/kept-scan.ts), each later than the racy margin.
    let clock = Date.now();
    const scanned = async () => {
      clock += racyMs + 1000;
      const kept = openKeptScan(root, 'all', clock);
      const scan = await scanGarden(root, { kept });
      kept.save();
      return scan;
    };
    const build = async () => {
      const ahead = compileAhead(root, { threads: 1 });
      try {
        return await buildGarden({ garden: root, threads: 1, scan: await scanned(), ahead });
      } finally {
        await ahead.close();
      }
    };
    const touch = (count: number) => {
      const when = new Date(clock + 5000);
      for (let i = 0; i < count; i++) utimesSync(path.join(root, `N${i + 10}.md`), when, when);
    };
    const cold = async () => {
      const model = await buildGarden({ garden: root, threads: 1, noCache: true });
      const pages = model.notes.map((n) => n.html);
      model.close?.();
      return pages;
    };
    (await build()).close?.();

    // One note edited, three only touched: the four go to the worker at once; the kept model serves the other 76.
    writeFileSync(path.join(root, 'N0.md'), '# N0\n\nOn to [[N1]], edited.\n');
    touch(3);
    const few = await build();
    expect(few.cacheHits).toBe(76);
    expect(few.notes.map((n) => n.html)).toEqual(await cold());
    expect(few.notes[0]!.html).toContain('edited');
    few.close?.();

    // Seventy touched (a sync tool's new file times): over the limit, the kept model is read first and only the edited note is compiled.
    writeFileSync(path.join(root, 'N0.md'), '# N0\n\nOn to [[N1]], edited twice.\n');
    touch(70);
    const many = await build();
    expect(many.cacheHits).toBe(79);
    expect(many.notes.map((n) => n.html)).toEqual(await cold());
    many.close?.();
  }, 120_000);

  it('left untaken (the garden was only touched), it ends its thread and closes its store file', async () => {
    const threads = () => readdirSync('/proc/self/task').length;
    const before = { threads: threads(), files: storeFiles() };
    const ahead = compileAhead(makeGarden({ 'A.md': '# A\n' }), { threads: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(threads()).toBeGreaterThan(before.threads);
    expect(storeFiles()).toBe(before.files + 1);
    await ahead.close();
    expect(ahead.take()).toBeUndefined();
    expect(threads()).toBe(before.threads);
    expect(storeFiles()).toBe(before.files);
  }, 60_000);
});
