/**
 * Old-generation caps for worker threads. The cap is first for memory: V8 grows a heap by a
 * factor that depends on its limit, and under Node's default limit (several GB) a worker's heap
 * grows to several times its live data, mostly garbage (docs/performance.md, "Memory"). The
 * layout and search workers retry a run that outgrows its cap without one, so a cap that is too
 * small costs time, never output. The parse pool's caps are also for safety (one note's input
 * must not take the builder's memory): it retries under a larger cap that is still bounded
 * (parse/pool.ts).
 */
import type { ResourceLimits } from 'node:worker_threads';

/** `resourceLimits` for a worker capped at `mb` (none for 0). */
export function heapLimits(mb: number): { resourceLimits?: ResourceLimits } {
  return mb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: mb } } : {};
}

/**
 * Run `run` with its worker capped and, if that fails, once more without the cap (after
 * `beforeRetry`); when `capped` is false, the one run is uncapped.
 */
export async function cappedThenUncapped<T>(capped: boolean, run: (capped: boolean) => Promise<T>, beforeRetry?: () => void): Promise<T> {
  if (!capped) return run(false);
  try {
    return await run(true);
  } catch {
    beforeRetry?.();
    return run(false);
  }
}

/**
 * A cap that grows with the work: `base` MB plus `bytesPerUnit` for each unit (a graph's nodes and
 * edges for the layout, a byte of note text for the search index). The base alone has room for a
 * garden of thousands of notes, and the callers' rates keep the cap well above what larger gardens
 * need, so the cap trims garbage without making the worker retry (docs/performance.md, "Memory").
 */
export function heapMbFor(units: number, bytesPerUnit: number, base = 64): number {
  return base + Math.ceil((units * bytesPerUnit) / (1024 * 1024));
}
