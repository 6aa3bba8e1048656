/**
 * A warm build starts one parse worker early, while it reads what the last build kept
 * (`startEarly` in src/compile/pool.ts): the pool's first lane must run on that worker, give what
 * a pool of its own workers gives, and leave no thread behind when no note needed compiling.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runJobs, startEarly, streamJobs } from '../src/compile/pool.ts';
import type { NoteJobResult } from '../src/compile/types.ts';
import { vaultJobs } from './helpers/garden.ts';

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
