/**
 * Build the search index on a worker thread, off the emitter's thread (which
 * writes the pages beside it on a warm build of a garden that is not large:
 * src/emit/index.ts, `searchBesidePages`). The worker writes the files into
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
import { type KeepOptions, type SearchOutput, writeSearchFiles, type SpilledBodies } from './write-files.ts';

/** What the worker is given. */
export interface SearchWorkerInput {
  docs: SearchDoc[];
  /** Folder the `_search/...` paths are written under. */
  outDir: string;
  /** Bodies left empty in `docs` and read from a spill file instead (see write-files.ts). */
  texts?: SpilledBodies;
  keep?: KeepOptions;
}

/** What the worker posts: how many notes it will index (before indexing any), then its files. */
export type SearchWorkerMessage = { kind: 'plan'; indexed: number } | { kind: 'done'; outputs: SearchOutput[] };

/** Options of {@link buildSearchIndexInWorker}. */
export interface Options {
  /** The worker's old-generation cap in MB; by default 2 bytes a byte of note text (worker-heap.ts); 0: none. */
  heapMb?: number;
  /** What the last build left that this one can keep (write-files.ts). */
  keep?: KeepOptions;
  /** Told how many notes the run will index, before it indexes any (the others keep their postings). */
  onPlan?: (indexed: number) => void;
}

/**
 * Build the index for the docs `makeDocs` gives, write its files under `outDir` but those in
 * `options.keep.previous` with the same bytes; resolves to all its files (relative, POSIX, with hashes).
 * With `options.keep.kept`, notes indexed by the last build are not indexed again (write-files.ts). The worker's heap is capped: uncapped, it grows to several times its
 * live data, mostly the body index's garbage, while the pages are written. A worker that fails
 * under the cap is run once more without it, from fresh docs (so this thread need not keep them
 * meanwhile) and with the files of the failed run removed.
 */
export function buildSearchIndexInWorker(makeDocs: () => SearchDoc[], outDir: string, texts?: SpilledBodies, options: Options = {}): Promise<SearchOutput[]> {
  const run = (capped: boolean) => {
    const docs = makeDocs();
    const input: SearchWorkerInput = { docs, outDir, ...(texts ? { texts } : {}), ...(options.keep ? { keep: options.keep } : {}) };
    return runWorker(input, capped ? (options.heapMb ?? heapMbFor(textBytes(docs, texts), 2)) : 0, options.onPlan);
  };
  return cappedThenUncapped(options.heapMb !== 0, run, () => rmSync(path.join(outDir, '_search'), { recursive: true, force: true }));
}

/** Bytes of the docs' bodies (UTF-8 for those in the spill file, UTF-16 code units for the rest). */
function textBytes(docs: readonly SearchDoc[], texts: SpilledBodies | undefined): number {
  let bytes = 0;
  docs.forEach((doc, i) => (bytes += texts?.refs[i]?.[1] ?? doc.body.length));
  return bytes;
}

function runWorker(input: SearchWorkerInput, heapMb: number, onPlan?: (indexed: number) => void): Promise<SearchOutput[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl('search'), { workerData: input, ...heapLimits(heapMb) });
      // The worker has its own copy; this thread's would live as long as the handlers below.
      input = { ...input, docs: [] };
    } catch {
      try {
        resolve(writeSearchFiles(input.docs, input.outDir, input.texts, input.keep, onPlan));
      } catch (error) {
        reject(error);
      }
      return;
    }
    worker.on('message', (message: SearchWorkerMessage) => {
      if (message.kind === 'plan') {
        onPlan?.(message.indexed);
        return;
      }
      resolve(message.outputs);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`Search: the index worker exited with code ${code}`));
    });
  });
}
