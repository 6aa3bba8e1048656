/**
 * Build the search index on a worker thread, so it runs beside the page
 * writes of the emitter (both cores busy). The worker writes the files into
 * the site's staging folder itself and reports their paths: the emitter's
 * thread never holds the index or its files. Falls back to the calling
 * thread if the worker cannot start.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../paths.ts';
import { cappedThenUncapped, heapLimits, heapMbFor } from '../worker-heap.ts';
import type { SearchDoc } from '../shared/types.ts';
import { writeSearchFiles, type SpilledBodies } from './write-files.ts';

/** What the worker is given. */
export interface SearchWorkerInput {
  docs: SearchDoc[];
  /** Folder the `_search/...` paths are written under. */
  outDir: string;
  /** Bodies left empty in `docs` and read from a spill file instead (see write-files.ts). */
  texts?: SpilledBodies;
}

/** Options of {@link buildSearchIndexInWorker}. */
export interface Options {
  /** The worker's old-generation cap in MB; by default 2 bytes a byte of note text (worker-heap.ts); 0: none. */
  heapMb?: number;
}

/**
 * Build the index for the docs `makeDocs` gives, write its files under `outDir`; resolves to their
 * paths (relative, POSIX). The worker's heap is capped: uncapped, it grows to several times its
 * live data, mostly the body index's garbage, while the pages are written. A worker that fails
 * under the cap is run once more without it, from fresh docs (so this thread need not keep them
 * meanwhile) and with the files of the failed run removed.
 */
export function buildSearchIndexInWorker(makeDocs: () => SearchDoc[], outDir: string, texts?: SpilledBodies, options: Options = {}): Promise<string[]> {
  const run = (capped: boolean) => {
    const docs = makeDocs();
    return runWorker(docs, outDir, texts, capped ? (options.heapMb ?? heapMbFor(textBytes(docs, texts), 2)) : 0);
  };
  return cappedThenUncapped(options.heapMb !== 0, run, () => rmSync(path.join(outDir, '_search'), { recursive: true, force: true }));
}

/** Bytes of the docs' bodies (UTF-8 for those in the spill file, UTF-16 code units for the rest). */
function textBytes(docs: readonly SearchDoc[], texts: SpilledBodies | undefined): number {
  let bytes = 0;
  docs.forEach((doc, i) => (bytes += texts?.refs[i]?.[1] ?? doc.body.length));
  return bytes;
}

function runWorker(docs: SearchDoc[], outDir: string, texts: SpilledBodies | undefined, heapMb: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl('search'), {
        workerData: { docs, outDir, ...(texts ? { texts } : {}) } satisfies SearchWorkerInput,
        ...heapLimits(heapMb),
      });
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
