/**
 * How far this process's heaps may grow past their live data between major collections.
 *
 * V8 picks the growth factor from how fast the program allocates against how fast it collects,
 * and a build allocates fast: page HTML, JSON and search postings, most of it garbage at once. So
 * a one-shot build's main heap grows to several times its live data, and that slack, not the
 * data, sets the peak. A fixed factor of 1.3 collects more often, at a CPU cost within the
 * machine's noise for a cold build (docs/performance.md, "Memory"). It is process-wide, so worker threads get it too.
 *
 * A warm build (over a site built before) is short, and starts from a small heap: at 10k notes the builder's heap
 * grows from ~15 MB to ~90 MB in a build of edited text and to ~150 MB in one of changed links, in a second or three.
 * Growing by 1.3, that took five and eight major collections, whose marking (on both cores, with the workers) was
 * ~10 % of a link build's wall time. So a warm build's heaps grow by {@link fastGrowthPercent} while the builder's
 * heap is small ({@link smallHeapBytes}), and by 1.3 from the first collection after which it is larger: the
 * slack stays bounded whatever the garden's size ({@link growFastWhileSmall}).
 */
import v8 from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';

/** Growth past live data allowed after each major collection, in percent. */
export const heapGrowthPercent = 30;

/**
 * Growth past live data allowed in `trellis dev`, in percent. The server's heap is large and mostly live (a 100k garden's
 * facts and indexes, ~1.5 GB), and what a save or a search run makes beside it is garbage at once, so slack beyond it
 * is memory held for nothing: at 100k notes a first search of every note peaked at 2.81-3.23 GB by 1.3 and 2.63-2.99 GB
 * by 1.15, a save's settle at 3.16 GB and 2.85-2.96 GB (once 3.25), opening as quick (docs/performance.md,
 * "Thirty-fifth session", which also has what a save took).
 */
export const serverHeapGrowthPercent = 15;

/** Growth past live data allowed while the builder's heap is small, in percent (a warm build's). */
export const fastGrowthPercent = 100;

/** Below this much live heap (on the builder's thread) a warm build's heaps grow by {@link fastGrowthPercent}. */
export const smallHeapBytes = 128 << 20;

/** Fix the heap growth factor of this process to `1 + percent / 100` (see the module comment). */
export function limitHeapGrowth(percent = heapGrowthPercent): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * Let this process's heaps grow by `1 + fast / 100` until a garbage collection leaves this thread's heap holding
 * `small` bytes or more, then by 1.3 ({@link limitHeapGrowth}). Returns a function that ends the fast growth now.
 */
export function growFastWhileSmall(fast = fastGrowthPercent, small = smallHeapBytes): () => void {
  limitHeapGrowth(fast);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    observer.disconnect();
    limitHeapGrowth();
  };
  // Told after each collection (scavenges too), a little later: what the heap holds is read then.
  const observer = new PerformanceObserver(() => {
    if (v8.getHeapStatistics().used_heap_size >= small) end();
  });
  observer.observe({ entryTypes: ['gc'] });
  return end;
}
