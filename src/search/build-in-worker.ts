/**
 * Build the search index on a worker thread, so it runs beside the page
 * writes of the emitter (both cores busy). Falls back to the calling thread
 * if the worker cannot start.
 */
import { Worker } from 'node:worker_threads';
import type { SearchDoc, SearchFile } from '../types.ts';
import { buildSearchIndex } from './index.ts';

/** The search files for `docs`, built on a worker thread. */
export function buildSearchIndexInWorker(docs: SearchDoc[]): Promise<SearchFile[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: docs });
    } catch {
      resolve(buildSearchIndex(docs).files);
      return;
    }
    worker.once('message', (files: SearchFile[]) => {
      resolve(files);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`Search: the index worker exited with code ${code}`));
    });
  });
}
