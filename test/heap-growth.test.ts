/** The CLI's fixed heap growth factor (src/heap-growth.ts), measured in fresh processes. */
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagSpy } from './helpers/flag-spy.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

/** The peak heap size of a process that keeps ~150 MB live and allocates 2 GB of garbage. */
function peakHeapMb(limit: boolean): number {
  const file = path.join(tempDir(), 'churn.ts');
  const heapGrowth = path.resolve(import.meta.dirname, '../src/heap-growth.ts');
  writeFileSync(
    file,
    `import { limitHeapGrowth } from ${JSON.stringify(heapGrowth)};
if (${limit}) limitHeapGrowth();
const live = Array.from({ length: 1_000_000 }, (_, i) => ({ id: 'n' + i, at: [i, i + 1] }));
let peak = 0;
let batch = [];
for (let i = 0; i < 8_000_000; i++) {
  batch.push({ s: 'x' + i, at: [i, i] });
  if (batch.length === 100_000) batch = [];
  if (i % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
}
// Read last, so the live data stays live to the end.
if (live.length === 0) throw new Error('no live data');
process.stdout.write(String(Math.round(peak / 1e6)));
`,
  );
  return Number(execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8' }));
}

describe('limitHeapGrowth', () => {
  it('keeps the heap near its live data where V8 alone lets it grow to several times that', () => {
    const free = peakHeapMb(false);
    const limited = peakHeapMb(true);
    // Measured here: 644-696 MB without the limit, 256-258 MB with it.
    expect(limited).toBeLessThan(free * 0.7);
    expect(limited).toBeLessThan(400);
  }, 120_000);
});

/**
 * A child that grows its live data to ~400 MB in steps while allocating garbage between them (as a warm build grows
 * its heap from a few MB), under `setup` (code run first): how many major collections it took.
 */
function growingHeap(setup: string): { majors: number } {
  const file = path.join(tempDir(), 'growing.mts');
  const heapGrowth = path.resolve(import.meta.dirname, '../src/heap-growth.ts');
  writeFileSync(
    file,
    `import { constants, PerformanceObserver } from 'node:perf_hooks';
import { growFastWhileSmall, limitHeapGrowth } from ${JSON.stringify(heapGrowth)};
let majors = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if ((e.detail as { kind: number }).kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
}).observe({ entryTypes: ['gc'] });
${setup}
const live: unknown[] = [];
let garbage: unknown[] = [];
for (let step = 0; step < 160; step++) {
  // ~2.5 MB kept a step, and some garbage made beside it.
  for (let i = 0; i < 25_000; i++) live.push({ id: 'n' + step + '/' + i, at: [step, i] });
  for (let i = 0; i < 10_000; i++) garbage.push({ s: 'x' + i, at: [i, step] });
  garbage = [];
  // A build yields to its event loop often (file reads, workers' answers): collections are told to observers then.
  await new Promise((resolve) => setImmediate(resolve));
}
// Collections are told a little after they happen.
await new Promise((resolve) => setTimeout(resolve, 50));
if (live.length === 0) throw new Error('no live data');
process.stdout.write(JSON.stringify({ majors }));
`,
  );
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8' })) as { majors: number };
}

describe('growFastWhileSmall', () => {
  it('collects a growing heap fewer times while it is small, and by 1.3 once it is not', () => {
    const limited = growingHeap('limitHeapGrowth();');
    const fast = growingHeap('growFastWhileSmall(100, 1 << 30);');
    const bounded = growingHeap('growFastWhileSmall(100, 32 << 20);');
    // Measured here: 9-10 major collections by 1.3, 5 by 2 the whole way, 9 by 2 up to 32 MB and by 1.3 after (each
    // count varies by one from run to run).
    expect(fast.majors).toBeLessThanOrEqual(limited.majors - 2);
    // Past 32 MB it grows by 1.3 again, collecting about as often as the heap limited throughout.
    expect(bounded.majors).toBeGreaterThanOrEqual(fast.majors + 2);
    expect(bounded.majors).toBeGreaterThanOrEqual(limited.majors - 2);
  }, 120_000);
});

describe('trellis dev', () => {
  it("sets the heap's growth to 1.15 before it reads the garden (a build's is 1.3)", async () => {
    // The CLI's own process, with a preload that logs each V8 flag set from inside it.
    const spy = flagSpy();
    const garden = makeGarden({ 'A.md': '# A\n\nSee [[B]].\n', 'B.md': '# B\n' });
    const port = await freePort();
    const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');
    const child = spawn(process.execPath, ['--import', spy.preload, bin, 'dev', garden, '--port', String(port)], {
      env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() },
      stdio: 'ignore',
    });
    try {
      const serving = async () => (await fetch(`http://127.0.0.1:${port}/a/`).catch(() => undefined))?.ok === true;
      await expect.poll(serving, { timeout: 120_000, interval: 250 }).toBe(true);
      // The first growth it sets (the CLI sets its optimisation budget before: bin/optimisation-budget.js).
      expect(spy.flags().find((flags) => flags.startsWith('--heap-growing-percent'))).toBe('--heap-growing-percent=15');
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('close', resolve));
    }
  }, 180_000);
});
