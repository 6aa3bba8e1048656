/**
 * How far this process's heaps may grow past their live data between major collections.
 *
 * V8 picks the growth factor from how fast the program allocates against how fast it collects,
 * and a build allocates fast: page HTML, JSON and search postings, most of it garbage at once. A
 * one-shot build's main heap grew to 3-5× its live data (566 MB total around 120 MB live at 10k
 * notes; 3.2-3.6 GB around 1.4-1.6 GB live at 100k), and that slack, not the data, set the peak.
 * A fixed factor of 1.3 collects more often; at 10k it cost no CPU beyond the machine's noise
 * (docs/performance.md, fifth round). It is process-wide, so worker threads get it too.
 */
import v8 from 'node:v8';

/** Growth past live data allowed after each major collection, in percent. */
export const heapGrowthPercent = 30;

/** Fix the heap growth factor of this process to `1 + percent / 100` (see the module comment). */
export function limitHeapGrowth(percent = heapGrowthPercent): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
