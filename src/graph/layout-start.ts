/**
 * Starting a layout. A large graph's layout starts on its worker thread at once, in the graph stage, while the builder's
 * thread derives backlinks and mentions and goes on to the pages: nothing here loads the layout's own modules
 * (graphology, Louvain, ForceAtlas2, PageRank), which load only where a layout is computed on this thread (a small
 * garden, or a worker that failed twice). Loading them first, by a dynamic import, had the worker wait for this
 * thread's next turn of the event loop: ~1 s into the pages of a 10k garden's link build.
 */
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../paths.ts';
import { cappedThenUncapped, heapLimits, heapMbFor } from '../worker-heap.ts';
import { firstAnswer } from '../worker-answer.ts';
import type { NoteId } from '../shared/types.ts';
import type { LinkGraph } from './build-graph.ts';
import { toLayoutInput, type LayoutInput } from './layout-input.ts';
import type { LayoutResult } from './layout-result.ts';
import type { PreviousLayout } from './layout-update.ts';
import type { TopicSettings } from './topics-settings.ts';

/**
 * Nodes from which a layout is worth a thread of its own: below this, starting the
 * worker (a fresh isolate loading the graph modules) costs more than the layout.
 */
export const layoutWorkerMinNodes = 2_000;

/**
 * Start computing the layout a layout input describes: on a worker thread for large graphs (the result is the same as
 * on this thread), else here. The worker's heap is capped by the graph's size, 1 KB a node or edge (worker-heap.ts); a
 * worker that fails is retried once without the cap, then the layout falls back to this thread.
 */
export function startLayoutOfInput(
  input: LayoutInput,
  minWorkerNodes = layoutWorkerMinNodes,
  heapMb = heapMbFor(input.ids.length + input.edges.length / 2, 1024),
): Promise<LayoutResult> {
  const here = () => import('./layout-result.ts').then(({ computeLayoutOfInput }) => computeLayoutOfInput(input));
  if (input.ids.length < minWorkerNodes) return here();
  return cappedThenUncapped(heapMb > 0, (capped) => layOutOnWorker(input, capped ? heapMb : 0)).catch(here);
}

/**
 * Start computing the layout of `graph`, like `startLayoutOfInput`: on a worker thread for large graphs (the result is
 * the same as on this thread), else here.
 */
export function startLayout(
  graph: LinkGraph,
  tagsOf: (id: NoteId) => readonly string[],
  minWorkerNodes = layoutWorkerMinNodes,
  heapMb = heapMbFor(graph.order + graph.size, 1024),
  topicSettings?: TopicSettings,
  previous?: PreviousLayout,
): Promise<LayoutResult> {
  if (graph.order < minWorkerNodes)
    return import('./layout-result.ts').then(({ computeLayoutResult }) => computeLayoutResult(graph, tagsOf, false, topicSettings, previous));
  const input = { ...toLayoutInput(graph, tagsOf), ...(topicSettings ? { topicSettings } : {}), ...(previous ? { previous } : {}) };
  return startLayoutOfInput(input, minWorkerNodes, heapMb);
}

/** The layout of `input` computed on a worker thread of its own, with a heap of `heapMb` (0: uncapped). */
function layOutOnWorker(input: LayoutInput, heapMb: number): Promise<LayoutResult> {
  const spare = takeAhead(heapMb);
  if (spare) {
    const answer = firstAnswer<LayoutResult>(spare, 'Layout', { terminate: true });
    spare.postMessage(input);
    return answer;
  }
  return firstAnswer<LayoutResult>(new Worker(workerUrl('layout'), { workerData: input, ...heapLimits(heapMb) }), 'Layout', { terminate: true });
}

/** A layout worker started ahead of its graph, and the heap it was given (MB). */
let ahead: { worker: Worker; heapMb: number } | undefined;

/**
 * Start a layout worker now, before its graph is known, with a heap of `heapMb` (for a graph of the size it will
 * likely be): it loads its modules (~0.15 s at 10k notes) while this thread goes on, and the next layout with a heap
 * of at most that size starts computing at once. A build of changed links starts it once its notes are compiled,
 * while it resolves their links (src/cli.ts); it is ended by {@link endLayoutAhead} when no layout took it.
 */
export function startLayoutAhead(heapMb: number): void {
  endLayoutAhead();
  const worker = new Worker(workerUrl('layout'), { workerData: { ahead: true }, ...heapLimits(heapMb) });
  // Not waited for by anyone until a layout takes it: its failure then is that layout's (it is retried, as any).
  worker.on('error', () => undefined);
  // One that ended (failed to start) is not handed to a layout, which would wait for an answer that never comes.
  worker.once('exit', () => {
    if (ahead?.worker === worker) ahead = undefined;
  });
  worker.unref();
  ahead = { worker, heapMb };
}

/** End the layout worker started ahead, if no layout took it. */
export function endLayoutAhead(): void {
  void ahead?.worker.terminate();
  ahead = undefined;
}

/** The worker started ahead, for a layout whose heap (0: uncapped) it has room for; a worker too small is ended. */
function takeAhead(heapMb: number): Worker | undefined {
  const spare = ahead;
  ahead = undefined;
  if (!spare) return undefined;
  // Room enough, and not much more: a larger cap lets the worker hold more garbage (the cap is what trims it).
  if (heapMb > 0 && spare.heapMb >= heapMb && spare.heapMb <= heapMb * 1.5) {
    spare.worker.ref();
    return spare.worker;
  }
  void spare.worker.terminate();
  return undefined;
}
