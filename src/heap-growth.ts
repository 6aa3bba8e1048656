/**
 * How far this process's heaps may grow past their live data between major collections.
 *
 * V8 picks the growth factor from how fast the program allocates against how fast it collects,
 * and a build allocates fast: page HTML, JSON and search postings, most of it garbage at once. So
 * a one-shot build's main heap grows to several times its live data, and that slack, not the
 * data, sets the peak. A fixed factor of 1.3 collects more often, at a CPU cost within the
 * machine's noise (docs/performance.md, "Memory"). It is process-wide, so worker threads get it too.
 */
import v8 from 'node:v8';

/** Growth past live data allowed after each major collection, in percent. */
export const heapGrowthPercent = 30;

/** Fix the heap growth factor of this process to `1 + percent / 100` (see the module comment). */
export function limitHeapGrowth(percent = heapGrowthPercent): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
