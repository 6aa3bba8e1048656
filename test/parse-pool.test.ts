/**
 * The parse pool caps each worker's heap for memory's sake. A batch that
 * outgrows the cap must not cost a note: it is retried note by note on a worker
 * with a cap sized for its notes (test/note-bounds.test.ts has a note that
 * outgrows that one too). Tested on the real vault with a pool cap no worker
 * can live under, against the pool without a cap.
 */
import { describe, expect, it } from 'vitest';
import { defaultOptions, runJobs, threadsFor } from '../src/compile/pool.ts';
import { ruleIds } from '../src/constants.ts';
import { vaultJobs } from './helpers/garden.ts';

describe('parse pool', () => {
  it('parses every note of a batch that outgrows the heap cap, as an uncapped pool does', async () => {
    const vault = await vaultJobs();
    const jobs = vault.jobs.slice(0, 24);
    const { init } = vault;
    const roomy = await runJobs(jobs, init, { threads: 1, heapMb: 0 });
    const capped = await runJobs(jobs, init, { threads: 1, heapMb: 4 });

    const failed = (r: (typeof roomy)[number]) => r.note.diagnostics.some((d) => d.ruleId === ruleIds.noteFailed);
    expect(roomy.filter(failed)).toEqual([]);
    expect(capped.filter(failed)).toEqual([]);
    expect(capped).toEqual(roomy);
    expect(roomy.every((r) => r.rendered.blocks.length > 0)).toBe(true);
  }, 120_000);

  it('starts a second worker only for megabytes of Markdown, and two workers give what one does', async () => {
    const two = { threads: 2, minCharsPerThread: defaultOptions.minCharsPerThread };
    expect(defaultOptions.minCharsPerThread).toBe(3_000_000);
    expect(threadsFor(500_000, 6, two)).toBe(1); // the default garden
    expect(threadsFor(2_000_000, 21, two)).toBe(1);
    expect(threadsFor(4_900_000, 52, two)).toBe(2); // 1,000 bench notes
    expect(threadsFor(53_000_000, 560, two)).toBe(2);
    expect(threadsFor(53_000_000, 1, two)).toBe(1); // one batch: one worker
    expect(threadsFor(0, 0, two)).toBe(1);
    expect(threadsFor(9_000_000, 100, { threads: 8, minCharsPerThread: 3_000_000 })).toBe(3);

    const { jobs, init } = await vaultJobs();
    const seen = new Set<number>();
    const order: number[] = [];
    const one = await runJobs(jobs, init, { threads: 1 });
    // Small batches and no minimum: both workers take batches, and results still come back in job order.
    const both = await runJobs(jobs, init, { threads: 2, minCharsPerThread: 1, batchChars: 4_000 }, { onResult: (i) => order.push(i) });
    for (const i of order) seen.add(i);
    expect(seen.size).toBe(jobs.length);
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
    expect(both).toEqual(one);
  }, 120_000);
});
