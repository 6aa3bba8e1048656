/**
 * One build of an output folder at a time (src/incremental/build-lock.ts), through the real CLI: a
 * build waits while another live process holds the folder's lock, saying so, and goes on once it is
 * released; a lock its process left behind is taken over at once; builds started together all
 * succeed, and the build after them still equals a cold build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileOf } from '../src/incremental/build-lock.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { build, siteDiff } from './helpers/site-diff.ts';
import { until } from './helpers/until.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');

/** A build through the CLI in a child process, with what it printed and how it ended. */
function startBuild(garden: string, out: string, cache: string) {
  const child = spawn(process.execPath, [bin, 'build', garden, '--out', out], { env: { ...process.env, TRELLIS_CACHE_DIR: cache } });
  const run = { stdout: '', stderr: '', code: undefined as number | null | undefined, pid: child.pid! };
  child.stdout.on('data', (d: Buffer) => (run.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve((run.code = code))));
  return { run, done };
}

const garden = () =>
  makeGarden({
    'trellis.config.yaml': 'title: Locks\n',
    'Raft.md': '# Raft\n\nLeaders and [[Paxos]].\n',
    'Paxos.md': '# Paxos\n\nProposers, and Raft in passing.\n',
  });

describe('one build of an output folder at a time', () => {
  it('waits while a live process holds the lock, says who, and builds once it is released', async () => {
    const g = garden();
    const work = tempDir();
    const out = path.join(work, 'site');
    const lock = lockFileOf(out);
    expect(path.dirname(lock)).toBe(work);
    // This test's process holds the lock, as a running build would.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), started: Date.now() }));
    const { run, done } = startBuild(g, out, path.join(work, 'cache'));
    await until(() => run.stderr.includes('waiting for another build'));
    expect(run.stderr).toContain(`(process ${process.pid}, started at `);
    expect(run.stderr).toContain(`.site.trellis-lock`);
    // Nothing of the site is written while it waits.
    await new Promise((r) => setTimeout(r, 500));
    expect(run.code).toBeUndefined();
    expect(existsSync(out)).toBe(false);
    rmSync(lock);
    expect(await done).toBe(0);
    expect(readFileSync(path.join(out, 'raft/index.html'), 'utf8')).toContain('Leaders and');
    // The build's own lock is gone with it.
    expect(existsSync(lock)).toBe(false);
  }, 120_000);

  it('builds into a folder whose parent is not there yet', () => {
    const out = path.join(tempDir(), 'build', 'site');
    const r = spawnSync(process.execPath, [bin, 'build', garden(), '--out', out, '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(path.join(out, 'raft/index.html'))).toBe(true);
    expect(existsSync(lockFileOf(out))).toBe(false);
  }, 120_000);

  it('a build stopped with Ctrl-C leaves no lock behind', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`N${i}.md`] = `# N${i}\n\n${'Words and [[N1]] more. '.repeat(40)}\n`;
    const work = tempDir();
    const out = path.join(work, 'site');
    const { run, done } = startBuild(makeGarden(files), out, path.join(work, 'cache'));
    await until(() => existsSync(lockFileOf(out)));
    // Stopped while it works (before the site is in place), as Ctrl-C in a terminal stops it.
    process.kill(run.pid, 'SIGINT');
    expect(await done).toBeNull();
    expect(existsSync(lockFileOf(out))).toBe(false);
  }, 120_000);

  it('takes over a lock whose process is gone, without waiting', () => {
    const g = garden();
    const work = tempDir();
    const out = path.join(work, 'site');
    // The id of a process that has ended.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockFileOf(out), JSON.stringify({ pid: Number(gone.stdout), host: os.hostname(), started: Date.now() - 60_000 }));
    const r = spawnSync(process.execPath, [bin, 'build', g, '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, TRELLIS_CACHE_DIR: path.join(work, 'cache') },
    });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('waiting for another build');
    expect(existsSync(path.join(out, 'raft/index.html'))).toBe(true);
    expect(existsSync(lockFileOf(out))).toBe(false);
  }, 120_000);

  it('builds over the same site started together all succeed, and each next build still equals a cold one', async () => {
    const files: Record<string, string> = { 'trellis.config.yaml': 'title: Locks\n' };
    for (let i = 0; i < 40; i++) files[`N${i}.md`] = `# N${i}\n\nText [[N${(i + 1) % 40}]] and N${(i + 7) % 40}.\n`;
    const g = makeGarden(files);
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    build(g, out, cache);
    // Without the lock, overlapping builds left a site and manifest that disagreed: a later build kept
    // empty topic folders a cold build does not have (rounds 4 and 6 of 12, checked).
    for (let round = 0; round < 10; round++) {
      writeFileSync(path.join(g, `N${round}.md`), `# N${round}\n\nRound ${round} [[N${(round + 3) % 40}]].\n`);
      const later = new Promise((r) => setTimeout(r, 150 * (round % 4))).then(() => startBuild(g, out, cache).done);
      const runs = [startBuild(g, out, cache), startBuild(g, out, cache)];
      expect(await Promise.all([...runs.map((r) => r.done), later]), runs.map((r) => r.run.stderr).join('')).toEqual([0, 0, 0]);
      writeFileSync(path.join(g, `N${round + 20}.md`), `# N${round + 20}\n\nAfter ${round} [[N${round}]].\n`);
      build(g, out, cache);
      const cold = path.join(work, `cold-${round}`);
      build(g, cold, path.join(work, `cold-cache-${round}`), true);
      expect(siteDiff(out, cold), `round ${round}`).toEqual([]);
      rmSync(cold, { recursive: true });
    }
    expect(existsSync(lockFileOf(out))).toBe(false);
  }, 600_000);
});
