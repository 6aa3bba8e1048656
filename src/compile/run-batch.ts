/**
 * One batch of note jobs on one parse worker, with what can go wrong told apart: the worker ran
 * out of its capped heap (`ERR_WORKER_OUT_OF_MEMORY`, the worker is dead), the batch ran past its
 * time limit (the worker is still busy), or the worker crashed otherwise. In every failure the
 * caller must terminate the worker.
 */
import type { Worker } from 'node:worker_threads';
import type { NoteJob, NoteJobResult } from './types.ts';
import type { WorkerRequest } from './worker.ts';

/** Why a worker gave no answer for a batch. */
export type BatchFailure = { kind: 'memory'; heapMb: number } | { kind: 'timeout'; ms: number } | { kind: 'crash'; message: string };

/** A batch's results in job order, or why there are none. */
export type BatchOutcome = { kind: 'done'; results: NoteJobResult[] } | { kind: 'failed'; failure: BatchFailure };

/** Run `jobs` on `worker` (whose old generation is capped at `heapMb`, 0 for none), giving it `timeoutMs`. */
export function runBatch(worker: Worker, jobs: NoteJob[], timeoutMs: number, heapMb: number): Promise<BatchOutcome> {
  return new Promise((resolve) => {
    const finish = (outcome: BatchOutcome) => {
      clearTimeout(timeout);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(outcome);
    };
    const fail = (failure: BatchFailure) => finish({ kind: 'failed', failure });
    const timeout = setTimeout(() => fail({ kind: 'timeout', ms: timeoutMs }), timeoutMs);
    const onMessage = (msg: { results: NoteJobResult[] }) => finish({ kind: 'done', results: msg.results });
    const onError = (error: Error & { code?: string }) =>
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', heapMb } : { kind: 'crash', message: `${error.name}: ${error.message}` });
    const onExit = (code: number) => fail({ kind: 'crash', message: `the worker exited with code ${code}` });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const req: WorkerRequest = { batch: 0, jobs };
    worker.postMessage(req);
  });
}
