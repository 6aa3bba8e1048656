/** A worker thread run for one answer: the layout worker's, the relink worker's. */
import type { Worker } from 'node:worker_threads';

/**
 * The first message `worker` posts, as a promise: rejected with the worker's error if it fails, or
 * with "`name`: the worker exited without a result" if it ends before answering. With `terminate`,
 * the worker is ended once it has answered (one that would otherwise go on, holding its heap).
 */
export function firstAnswer<T>(worker: Worker, name: string, options: { terminate?: boolean } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const fail = (error?: Error) => {
      if (settled) return;
      settled = true;
      reject(error ?? new Error(`${name}: the worker exited without a result`));
    };
    worker.once('message', (answer: T) => {
      if (settled) return;
      settled = true;
      resolve(answer);
      if (options.terminate) void worker.terminate();
    });
    worker.once('error', fail);
    worker.once('exit', () => fail());
  });
}
