/**
 * Old-generation caps for worker threads. The cap is for memory, not safety: V8 grows a heap by a
 * factor that depends on its limit, and under Node's default limit (about 4 GB on this kind of
 * machine) a worker's heap grew to several times its live data (parse workers ~200 MB around
 * 60-80 MB live at 10k; the search worker ~1 GB at 100k, mostly garbage). Each caller retries a
 * worker that outgrows its cap without one, so a cap that is too small costs time, never output.
 */
import type { ResourceLimits } from 'node:worker_threads';

/** `resourceLimits` for a worker capped at `mb` (none for 0). */
export function heapLimits(mb: number): { resourceLimits?: ResourceLimits } {
  return mb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: mb } } : {};
}

/**
 * A cap that grows with the garden: `base` MB plus `perNoteKb` for each note. At 10k notes the
 * layout and search workers both finished under a 64 MB cap; these leave twice that and more.
 */
export function gardenHeapMb(notes: number, base = 64, perNoteKb = 8): number {
  return base + Math.ceil((notes * perNoteKb) / 1024);
}
