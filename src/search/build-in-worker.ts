/**
 * Build the search index on a worker thread, so it runs beside the page
 * writes of the emitter (both cores busy). The worker writes the files into
 * the site's staging folder itself and reports their paths: the emitter's
 * thread never holds the index or its files. Falls back to the calling
 * thread if the worker cannot start.
 */
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../paths.ts';
import type { SearchDoc } from '../types.ts';
import { writeSearchFiles, type SpilledBodies } from './write-files.ts';

/** What the worker is given. */
export interface SearchWorkerInput {
  docs: SearchDoc[];
  /** Folder the `_search/...` paths are written under. */
  outDir: string;
  /** Bodies left empty in `docs` and read from a spill file instead (see write-files.ts). */
  texts?: SpilledBodies;
}

/** Build the index for `docs`, write its files under `outDir`; resolves to their paths (relative, POSIX). */
export function buildSearchIndexInWorker(docs: SearchDoc[], outDir: string, texts?: SpilledBodies): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl('search'), { workerData: { docs, outDir, ...(texts ? { texts } : {}) } satisfies SearchWorkerInput });
      // The worker has its own copy; this thread's would live as long as the handlers below.
      docs = [];
    } catch {
      try {
        resolve(writeSearchFiles(docs, outDir, texts));
      } catch (error) {
        reject(error);
      }
      return;
    }
    worker.once('message', (paths: string[]) => {
      resolve(paths);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`Search: the index worker exited with code ${code}`));
    });
  });
}
