/**
 * A pool of worker threads (one per core) that runs note jobs in batches.
 * A batch that crashes its worker, runs past its time limit or outgrows its
 * heap is retried note by note on a fresh worker; a note that still fails
 * becomes a positioned diagnostic, so no input can crash or hang the build.
 *
 * Every worker's old generation is capped, for two reasons (see worker-heap.ts):
 * memory, since uncapped heaps grow to several times their live data, and
 * safety, since a note that makes the parser allocate without end must kill
 * only its worker. Workers of the pool run under `heapMb`. A retry runs under a
 * cap sized for the batch's longest note (`retryHeapMb` plus
 * `retryBytesPerChar` per character, at most `maxRetryHeapMb`), so that a big
 * note that merely outgrew the pool's cap still builds while a memory bomb
 * dies at a bounded size and is reported as `note-too-large`.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../paths.ts';
import { heapLimits, heapMbFor } from '../worker-heap.ts';
import { givenUpNote } from './given-up-note.ts';
import type { NoteJob, NoteJobResult } from './types.ts';
import { runBatch } from './run-batch.ts';
import type { WorkerInit } from './worker.ts';

/** Pool settings. */
export interface Options {
  threads: number;
  /** Milliseconds a single note may take before it is given up. */
  noteTimeoutMs: number;
  /** Target characters per batch. */
  batchChars: number;
  /** Old-generation cap of a pool worker's heap, in MB (0: none). */
  heapMb: number;
  /** The part of a retrying worker's cap that does not depend on its notes, in MB. */
  retryHeapMb: number;
  /** Bytes of heap a retrying worker is given for each character of its longest note. */
  retryBytesPerChar: number;
  /** The largest cap a retrying worker gets, in MB (0: retries run uncapped): the most memory one note can take. */
  maxRetryHeapMb: number;
  /** Characters of Markdown each worker beyond the first must have to be worth starting (see {@link threadsFor}). */
  minCharsPerThread: number;
}

/** Callbacks of {@link runJobs} and {@link streamJobs}. */
export interface RunHooks {
  /** Jobs finished so far. */
  onProgress?: (done: number) => void;
  /** Each result as it arrives (it may be changed in place, e.g. its HTML moved to disk). */
  onResult?: (jobIndex: number, result: NoteJobResult) => void;
}

/**
 * Defaults: all cores, 30 s per note, a 384 MB old generation. A retry gets 384 MB plus 2 KB per
 * character of its longest note, at most 1.5 GB: parsing and rendering a table, the densest
 * Markdown, takes 1-2 KB of heap per character, plain prose far less. The pool's cap keeps a
 * worker's heap near its live data at no cost in garbage collection; a smaller one costs CPU, a
 * larger one memory (docs/performance.md, "Memory"). A second worker for every 3 MB of
 * Markdown: see {@link threadsFor}.
 */
export const defaultOptions: Options = {
  threads: Math.max(1, os.availableParallelism?.() ?? os.cpus().length),
  noteTimeoutMs: 30_000,
  batchChars: 96_000,
  heapMb: 384,
  retryHeapMb: 384,
  retryBytesPerChar: 2048,
  maxRetryHeapMb: 1536,
  minCharsPerThread: 3_000_000,
};

/**
 * How many workers to start for `chars` of Markdown in `batches` batches: at most `threads`, one
 * per batch, and one more only for each `minCharsPerThread`. A worker spends its first seconds of
 * CPU loading modules, compiling Shiki's grammars and warming the JIT, so a second worker pays
 * off only on several megabytes of Markdown; on less it makes the build slower and costs CPU and
 * memory (docs/performance.md, "Parse pool").
 */
export function threadsFor(chars: number, batches: number, settings: Pick<Options, 'threads' | 'minCharsPerThread'>): number {
  const worthIt = Math.max(1, Math.ceil(chars / Math.max(1, settings.minCharsPerThread)));
  return Math.max(1, Math.min(settings.threads, batches, worthIt));
}

/** The old-generation cap, in MB, of a worker retrying `batch` note by note (0: none). */
export function retryHeapMbFor(batch: readonly NoteJob[], settings: Pick<Options, 'retryHeapMb' | 'retryBytesPerChar' | 'maxRetryHeapMb'>): number {
  if (settings.maxRetryHeapMb <= 0) return 0;
  const longest = batch.reduce((max, job) => Math.max(max, job.text.length), 0);
  return Math.min(settings.maxRetryHeapMb, heapMbFor(longest, settings.retryBytesPerChar, settings.retryHeapMb));
}

function spawn(init: WorkerInit, heapMb: number): Worker {
  return new Worker(workerUrl('parse'), { workerData: init, ...heapLimits(heapMb) });
}

/**
 * A parse worker started before its jobs are known, so that its module loading overlaps other
 * work of the build (reading what the last build kept): `streamJobs` gives it to its first lane.
 * `close` ends it if no lane took it.
 */
export interface EarlyWorker {
  take(): Worker | undefined;
  close(): Promise<void>;
}

/** Start a pool worker now for a later `streamJobs` with the same `init` and options. */
export function startEarly(init: WorkerInit, options: Partial<Options> = {}): EarlyWorker {
  let worker: Worker | undefined = spawn(init, { ...defaultOptions, ...options }.heapMb);
  return {
    take() {
      const taken = worker;
      worker = undefined;
      return taken;
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}

/** Run every job on the pool; results come back in job order (and to `hooks.onResult` as they arrive). */
export async function runJobs(jobs: NoteJob[], init: WorkerInit, options: Partial<Options> = {}, hooks: RunHooks = {}): Promise<NoteJobResult[]> {
  const results = new Array<NoteJobResult>(jobs.length);
  await streamJobs(jobs, init, options, {
    ...hooks,
    onResult: (jobIndex, result) => {
      results[jobIndex] = result;
      hooks.onResult?.(jobIndex, result);
    },
  });
  return results;
}

/**
 * Run every job on the pool, handing each result to `onResult` as it arrives and keeping none:
 * a build's results hold every note's HTML and text, which its store moves to disk, so holding
 * them here until the last note would keep the whole garden's output in memory.
 */
export async function streamJobs(
  jobs: NoteJob[],
  init: WorkerInit,
  options: Partial<Options>,
  hooks: RunHooks & Required<Pick<RunHooks, 'onResult'>>,
  early?: EarlyWorker,
): Promise<void> {
  const { onProgress, onResult } = hooks;
  const settings = { ...defaultOptions, ...options };
  const batches = makeBatches(jobs, settings.batchChars);
  let done = 0;
  let next = 0;
  const threads = threadsFor(
    jobs.reduce((sum, job) => sum + job.text.length, 0),
    batches.length,
    settings,
  );

  /** Note by note on a fresh worker sized for the batch, a new one after each failure: the culprit is found, the rest build. */
  const retry = async (batch: number[]) => {
    const heapMb = retryHeapMbFor(
      batch.map((i) => jobs[i]!),
      settings,
    );
    let worker: Worker | undefined;
    try {
      for (const jobIndex of batch) {
        worker ??= spawn(init, heapMb);
        const outcome = await runBatch(worker, [jobs[jobIndex]!], settings.noteTimeoutMs, heapMb);
        if (outcome.kind === 'done') onResult(jobIndex, outcome.results[0]!);
        else {
          await worker.terminate();
          worker = undefined;
          onResult(jobIndex, givenUpNote(jobs[jobIndex]!, outcome.failure, init.nonce));
        }
      }
    } finally {
      await worker?.terminate();
    }
  };

  const lane = async () => {
    let worker = early?.take() ?? spawn(init, settings.heapMb);
    try {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const outcome = await runBatch(
          worker,
          batch.map((i) => jobs[i]!),
          settings.noteTimeoutMs * batch.length,
          settings.heapMb,
        );
        if (outcome.kind === 'done') batch.forEach((jobIndex, k) => onResult(jobIndex, outcome.results[k]!));
        else {
          await worker.terminate();
          await retry(batch);
          worker = spawn(init, settings.heapMb);
        }
        done += batch.length;
        onProgress?.(done);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, lane));
}

function makeBatches(jobs: NoteJob[], batchChars: number): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let chars = 0;
  jobs.forEach((job, i) => {
    current.push(i);
    chars += job.text.length;
    if (chars >= batchChars || current.length >= 64) {
      batches.push(current);
      current = [];
      chars = 0;
    }
  });
  if (current.length) batches.push(current);
  return batches;
}
