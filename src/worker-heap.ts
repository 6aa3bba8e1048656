/**
 * Old-generation caps for worker threads. The cap is first for memory: V8 grows a heap by a
 * factor that depends on its limit, and under Node's default limit (about 4 GB on this kind of
 * machine) a worker's heap grew to several times its live data (parse workers ~200 MB around
 * 60-80 MB live at 10k; the search worker ~1 GB at 100k, mostly garbage). The layout and search
 * workers retry a run that outgrows its cap without one, so a cap that is too small costs time,
 * never output. The parse pool's caps are also for safety (one note's input must not take the
 * builder's memory): it retries under a larger cap that is still bounded (parse/pool.ts).
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
 * edges for the layout, a byte of note text for the search index). At 10k notes the layout and
 * search workers both finished under a 64 MB cap (and failed under 32 MB); the callers' rates give
 * them 145-160 MB there, and 0.9-1 GB at 100k notes, where they measured 0.5-0.6 GB under 864 MB.
 */
export function heapMbFor(units: number, bytesPerUnit: number, base = 64): number {
  return base + Math.ceil((units * bytesPerUnit) / (1024 * 1024));
}
