/**
 * A build that had no site to keep as the next build's spare (the first build, a `--no-cache` build) names one in its
 * manifest, and the clean-up process after it makes it (src/incremental/make-spare.ts): the next build takes it as its
 * staging folder instead of linking the whole site on its own path. Through the real CLI and clean-up process; and
 * `makeSpare` itself, which the clean-up runs, where it must make nothing.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holderOf, lockFileOf, lockOutput, tryLock } from '../src/incremental/build-lock.ts';
import { makeSpare, makeSpareAfterBuild, partialSparePrefix, spareMin, spareTask, type SpareToMake } from '../src/incremental/make-spare.ts';
import { newSpareDir } from '../src/incremental/output-manifest.ts';
import { folderDigest } from '../src/incremental/spare-check.ts';
import { build, recordedManifest, siteDiff } from './helpers/site-diff.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { until } from './helpers/until.ts';

/** A garden whose site has more than `spareMin` files (a page, its data and its local graph a note), and its notes' names. */
function largeGarden(): { garden: string; names: string[] } {
  const names = Array.from({ length: 1000 }, (_, i) => `Note ${i}`);
  const files: Record<string, string> = { 'trellis.config.yaml': 'title: Spares\n' };
  names.forEach((name, i) => {
    files[`${name}.md`] = `# ${name}\n\nAbout [[Note ${(i + 1) % names.length}]] and [[Note ${(i + 13) % names.length}]].\n`;
  });
  return { garden: makeGarden(files), names };
}

/** Every file under `dir`, site-relative, sorted. */
function filesOf(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The folders beside `out` that are spares being made (or left half-made). */
function partials(out: string): string[] {
  const prefix = path.basename(partialSparePrefix(out));
  return readdirSync(path.dirname(out)).filter((n) => n.startsWith(prefix));
}

describe('the spare made after a build that kept none', () => {
  it('holds the site, linked, and the next build takes it as its staging folder; the result equals a cold build', async () => {
    const { garden, names } = largeGarden();
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    build(garden, out, cache);

    const spare = recordedManifest(garden, out, cache)?.spare;
    expect(spare?.differs).toEqual([]);
    expect(path.dirname(spare!.dir)).toBe(work);
    await until(() => existsSync(spare!.dir) && !existsSync(lockFileOf(out)));
    const files = filesOf(out);
    expect(files.length).toBeGreaterThanOrEqual(spareMin);
    // The same files, each the same file as the site's (a hard link: no bytes copied), and nothing half-made left.
    expect(filesOf(spare!.dir)).toEqual(files);
    for (const rel of files.filter((_, i) => i % 97 === 0)) expect(statSync(path.join(spare!.dir, rel)).ino).toBe(statSync(path.join(out, rel)).ino);
    expect(partials(out)).toEqual([]);

    const made = statSync(spare!.dir).ino;
    writeFileSync(path.join(garden, `${names[5]}.md`), `# ${names[5]}\n\nRewritten, now about [[Note 9]] only.\n`);
    build(garden, out, cache);
    // The site swapped in is the spare's folder, brought up to date: the build linked no site of its own.
    expect(statSync(out).ino).toBe(made);
    expect(existsSync(spare!.dir)).toBe(false);
    const cold = path.join(work, 'cold');
    build(garden, cold, path.join(work, 'cold-cache'), true);
    expect(siteDiff(out, cold)).toEqual([]);
  }, 180_000);

  it('a build started at once takes it, or has the clean-up let go and links the site itself; it equals a cold build', async () => {
    const { garden, names } = largeGarden();
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    for (let round = 0; round < 3; round++) {
      build(garden, out, cache, round === 0 ? false : true);
      writeFileSync(path.join(garden, `${names[round]}.md`), `# ${names[round]}\n\nRound ${round}, about [[Note ${round + 40}]].\n`);
      // No wait: the clean-up process has just started, or not yet taken the lock.
      build(garden, out, cache);
      const cold = path.join(work, `cold-${round}`);
      build(garden, cold, path.join(work, `cold-cache-${round}`), true);
      expect(siteDiff(out, cold)).toEqual([]);
      // The last build kept the site it replaced as its spare; nothing half-made is left, nor the lock.
      await until(() => partials(out).length === 0 && !existsSync(lockFileOf(out)));
      const spare = recordedManifest(garden, out, cache)?.spare;
      expect(spare && existsSync(spare.dir)).toBe(true);
    }
  }, 300_000);
});

describe('makeSpare', () => {
  /** A small built site, and the job its clean-up would be given. */
  function builtSite(): { out: string; job: SpareToMake; garden: string; cache: string } {
    const garden = makeGarden({ 'A.md': '# A\n\nSee [[B]].\n', 'B.md': '# B\n\nBack to [[A]].\n', 'sub/C.md': '# C\n' });
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    build(garden, out, cache);
    const { dev, ino } = statSync(out);
    const job = { out, dir: newSpareDir(out, 'abcdef012345'), digest: folderDigest(out)!, site: { dev, ino }, builder: process.pid };
    return { out, job, garden, cache };
  }

  it('makes the spare from the site in place, holding the lock meanwhile, and waits for the build that asked for it', async () => {
    const { out, job } = builtSite();
    // The build that asked for it still holds the lock: the spare is made once it lets go.
    const lock = tryLock(lockFileOf(out))!;
    let held = true;
    setTimeout(() => {
      held = false;
      lock.release();
    }, 300);
    const making = makeSpare(job, { waitMs: 10_000, pollMs: 10 });
    await new Promise((r) => setTimeout(r, 100));
    expect(held).toBe(true);
    expect(existsSync(job.dir)).toBe(false);
    expect(await making).toBe('made');
    expect(filesOf(job.dir)).toEqual(filesOf(out));
    const page = filesOf(out).find((f) => f.endsWith('.html'))!;
    expect(statSync(path.join(job.dir, page)).ino).toBe(statSync(path.join(out, page)).ino);
    expect(existsSync(lockFileOf(out))).toBe(false);
    expect(partials(out)).toEqual([]);
  });

  it('waits for another clean-up holding the lock a moment (one trying again after an earlier build)', async () => {
    const { out, job } = builtSite();
    const other = tryLock(lockFileOf(out), spareTask)!;
    setTimeout(() => other.release(), 200);
    expect(await makeSpare({ ...job, builder: process.pid + 1 }, { waitMs: 10_000, pollMs: 10 })).toBe('made');
    expect(filesOf(job.dir)).toEqual(filesOf(out));
  });

  it('makes nothing when another site is in place, the files are not the manifest’s, or another process holds the lock', async () => {
    const { out, job } = builtSite();
    // Another site swapped in since (a later build): another folder.
    expect(await makeSpare({ ...job, site: { ...job.site, ino: job.site.ino + 1 } })).toBe('replaced');
    // A file removed by hand since the build: the site is not the one its manifest lists.
    rmSync(
      path.join(
        out,
        filesOf(out).find((f) => f.endsWith('.html'))!,
      ),
    );
    expect(await makeSpare(job)).toBe('differs');
    // Another process (a later build; here this one, not the builder named) holds the lock: not waited for.
    const { job: other } = builtSite();
    const lock = tryLock(lockFileOf(other.out))!;
    expect(await makeSpare({ ...other, builder: process.pid + 1 }, { waitMs: 10_000, pollMs: 10 })).toBe('locked');
    lock.release();
    for (const j of [job, other]) {
      expect(existsSync(j.dir)).toBe(false);
      expect(partials(j.out)).toEqual([]);
    }
  });

  it('lets go of the lock when a build asks for it, within a chunk, and moves what it made aside', async () => {
    const { out, job } = builtSite();
    const aside: string[] = [];
    // One file a chunk: the build's request comes while the site is being linked.
    const making = makeSpare(job, { waitMs: 10_000, pollMs: 10, chunk: 1, aside });
    const turn = () => new Promise((r) => setImmediate(r));
    while (partials(out).length === 0) await turn();
    // A few chunks in: some files linked, not all.
    for (let i = 0; i < 40; i++) await turn();
    const partial = path.join(path.dirname(out), partials(out)[0]!);
    const linked = filesOf(partial).length;
    expect(linked).toBeGreaterThan(0);
    expect(linked).toBeLessThan(filesOf(out).length);
    // What a build does when a clean-up holds the output's lock (src/cli.ts): it asks it to let go, and takes the lock.
    const lock = await lockOutput(out);
    expect(await making).toBe('yielded');
    expect(holderOf(lockFileOf(out))).toMatchObject({ pid: process.pid });
    expect(holderOf(lockFileOf(out))?.task).toBeUndefined();
    lock.release();
    expect(existsSync(job.dir)).toBe(false);
    expect(partials(out)).toEqual([]);
    // Moved aside (a trash folder, which builds' clean-ups remove), not removed while the build links the same files.
    expect(aside).toHaveLength(1);
    expect(path.basename(aside[0]!).startsWith(`.${path.basename(out)}-trash-`)).toBe(true);
    expect(filesOf(aside[0]!)).toHaveLength(linked);
  });

  it('after letting go, makes the spare once the build is done if the site is the same, and removes what it moved aside', async () => {
    const { out, job } = builtSite();
    const trash = () => readdirSync(path.dirname(out)).filter((n) => n.startsWith(`.${path.basename(out)}-trash-`));
    const making = makeSpareAfterBuild(job, { pollMs: 10, chunk: 1 });
    const turn = () => new Promise((r) => setImmediate(r));
    while (partials(out).length === 0) await turn();
    for (let i = 0; i < 20; i++) await turn();
    // A build takes the lock, finds its site up to date, and lets go: the same site, still without its spare.
    const lock = await lockOutput(out);
    await new Promise((r) => setTimeout(r, 150));
    expect(existsSync(job.dir)).toBe(false);
    lock.release();
    expect(await making).toBe('made');
    expect(filesOf(job.dir)).toEqual(filesOf(out));
    expect(trash()).toEqual([]);
    expect(partials(out)).toEqual([]);
    expect(existsSync(lockFileOf(out))).toBe(false);
  });

  it('says in the lock file what holds it; a spare left half-made, and a request to let go, go with the next build', async () => {
    const { out, job, garden, cache } = builtSite();
    const lock = tryLock(lockFileOf(out), spareTask)!;
    expect(holderOf(lockFileOf(out))).toMatchObject({ pid: process.pid, task: 'spare' });
    lock.release();
    const left = mkdtempSync(partialSparePrefix(job.out));
    writeFileSync(path.join(left, 'index.html'), 'half');
    // A request to let go left by a build stopped while it waited: gone once a build holds the lock.
    writeFileSync(`${lockFileOf(out)}.yield`, '');
    build(garden, out, cache, true);
    await until(() => !existsSync(left));
    expect(readdirSync(path.dirname(out)).filter((n) => n.includes('trellis-lock'))).toEqual([]);
  });
});
