/**
 * A pool of worker threads (one per core) that runs note jobs in batches.
 * A batch that crashes its worker or runs past its time limit is retried note
 * by note on a fresh worker; a note that still fails becomes a diagnostic,
 * so no input can crash or hang the build.
 *
 * Workers run with their old generation capped (`heapMb`, see worker-heap.ts:
 * uncapped, the two workers' heaps made the 10k build's peak). A batch that
 * fails on a capped worker is retried on an uncapped one, so a huge note still
 * parses.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../paths.ts';
import { heapLimits } from '../worker-heap.ts';
import { failedNote, type NoteJob, type NoteJobResult } from './job.ts';
import type { WorkerInit, WorkerRequest } from './worker.ts';

/** Pool settings. */
export interface Options {
  threads: number;
  /** Milliseconds a single note may take before it is given up. */
  noteTimeoutMs: number;
  /** Target characters per batch. */
  batchChars: number;
  /** Old-generation cap of a worker's heap, in MB (0: none); retries run without it. */
  heapMb: number;
  /** Characters of Markdown each worker beyond the first must have to be worth starting (see {@link threadsFor}). */
  minCharsPerThread: number;
}

/** Callbacks of {@link runJobs}. */
export interface RunHooks {
  /** Jobs finished so far. */
  onProgress?: (done: number) => void;
  /** Each result as it arrives (it may be changed in place, e.g. its HTML moved to disk). */
  onResult?: (jobIndex: number, result: NoteJobResult) => void;
}

/**
 * Defaults: all cores, 30 s per note, a 384 MB old generation. With the cap the 10k build's
 * workers stayed near 110 MB each, and their garbage collection took no longer (5.2-5.4 s
 * each, against 5.3-7.7 s uncapped; docs/performance.md). A second worker for every 3 MB of
 * Markdown: see {@link threadsFor}.
 */
export const defaultOptions: Options = {
  threads: Math.max(1, os.availableParallelism?.() ?? os.cpus().length),
  noteTimeoutMs: 30_000,
  batchChars: 96_000,
  heapMb: 384,
  minCharsPerThread: 3_000_000,
};

/**
 * How many workers to start for `chars` of Markdown in `batches` batches: at most `threads`, one
 * per batch, and one more only for each `minCharsPerThread`. A worker spends its first 2-3 s of
 * CPU loading modules, compiling Shiki's grammars and warming the JIT, so a second worker pays
 * off only on several megabytes: on 2 cores, a second worker made builds of the default garden
 * (0.5 MB), 200 notes (1 MB) and 400 notes (2 MB) 0.3-0.5 s slower and cost 1.5-2 s more CPU and
 * 90 MB more memory; at 1,000 notes (4.9 MB) it broke even, and at 10,000 (53 MB) it was 14 % faster.
 */
export function threadsFor(chars: number, batches: number, settings: Pick<Options, 'threads' | 'minCharsPerThread'>): number {
  const worthIt = Math.max(1, Math.ceil(chars / Math.max(1, settings.minCharsPerThread)));
  return Math.max(1, Math.min(settings.threads, batches, worthIt));
}

function spawn(init: WorkerInit, heapMb: number): Worker {
  return new Worker(workerUrl('parse'), { workerData: init, ...heapLimits(heapMb) });
}

/** Run every job on the pool; results come back in job order. */
export async function runJobs(jobs: NoteJob[], init: WorkerInit, options: Partial<Options> = {}, hooks: RunHooks = {}): Promise<NoteJobResult[]> {
  const { onProgress, onResult } = hooks;
  const settings = { ...defaultOptions, ...options };
  const results = new Array<NoteJobResult>(jobs.length);
  const batches = makeBatches(jobs, settings.batchChars);
  let done = 0;
  let next = 0;
  const threads = threadsFor(
    jobs.reduce((sum, job) => sum + job.text.length, 0),
    batches.length,
    settings,
  );

  const runBatch = (worker: Worker, indexes: number[]): Promise<NoteJobResult[]> =>
    new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`timed out after ${settings.noteTimeoutMs * indexes.length} ms`)), settings.noteTimeoutMs * indexes.length);
      const onMessage = (msg: { results: NoteJobResult[] }) => {
        cleanup();
        resolve(msg.results);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`worker exited with code ${code}`));
      };
      const cleanup = () => {
        clearTimeout(timeout);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const req: WorkerRequest = { batch: 0, jobs: indexes.map((i) => jobs[i]!) };
      worker.postMessage(req);
    });

  const lane = async () => {
    let worker = spawn(init, settings.heapMb);
    try {
      while (next < batches.length) {
        const batch = batches[next++]!;
        try {
          const out = await runBatch(worker, batch);
          batch.forEach((jobIndex, k) => (results[jobIndex] = out[k]!));
          batch.forEach((jobIndex) => onResult?.(jobIndex, results[jobIndex]!));
        } catch {
          await worker.terminate();
          // Note by note on an uncapped worker: the batch may only have outgrown the cap.
          worker = spawn(init, 0);
          for (const jobIndex of batch) {
            try {
              results[jobIndex] = (await runBatch(worker, [jobIndex]))[0]!;
            } catch (error) {
              await worker.terminate();
              worker = spawn(init, 0);
              results[jobIndex] = failedNote(jobs[jobIndex]!, error, init.nonce);
            }
            onResult?.(jobIndex, results[jobIndex]!);
          }
          await worker.terminate();
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
  return results;
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
