/**
 * Build the search index on a worker thread, off the emitter's thread (which
 * writes the pages beside it on a warm build of a garden that is not large:
 * src/emit/index.ts, `searchBesidePages`). The worker writes the files into
 * the site's staging folder itself and reports their paths: the emitter's
 * thread never holds the index or its files. Falls back to the calling
 * thread if the worker cannot start.
 */
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../paths.ts';
import { cappedThenUncapped, heapLimits, heapMbFor } from '../worker-heap.ts';
import type { SearchDoc } from '../shared/types.ts';
import { keptPostingsMadeBy } from './kept-postings-file.ts';
import { isLight, joinLight, type LightDocs } from './light-docs.ts';
import { type KeepOptions, type SearchOutput, writeSearchFiles, type SpilledBodies } from './write-files.ts';

/** What the worker is given. */
export interface SearchWorkerInput {
  /** The whole docs; with `light`, the light docs go between them at their places (light-docs.ts). */
  docs: SearchDoc[];
  light?: LightDocs;
  /** Folder the `_search/...` paths are written under. */
  outDir: string;
  /** Bodies left empty in `docs` and read from a spill file instead (see write-files.ts). */
  texts?: SpilledBodies;
  keep?: KeepOptions;
}

/** What a worker is started with: its input, or (prepared) the kept postings to read before its input is posted. */
export type SearchWorkerData = { kind: 'input'; input: SearchWorkerInput } | { kind: 'prepared'; kept: { file: string; code: string } };

/**
 * A search worker started before its docs are known, on a warm build: it loads its code and reads
 * the kept postings on the other core while this one scans and compiles, which a worker started
 * once the notes are compiled did on the build's critical path (about 0.4 s of a 10k build of one
 * edited note). Its heap cap is set as it starts, from the garden's Markdown bytes (more than
 * the text indexed). Used by the first run that asks (`Options.prepared`), else ended by `discard`.
 */
export interface PreparedSearchWorker {
  /** The worker's old-generation cap in MB. */
  readonly heapMb: number;
  /** Settles once the worker has read the kept postings (true), or failed first (false). */
  readonly ready: Promise<boolean>;
  /** The worker, once: undefined when it was taken or discarded, or failed to start. */
  take(): Worker | undefined;
  /** End the worker if no run took it; settles once it has stopped. */
  discard(): Promise<void>;
}

/** Start a prepared search worker reading the postings `kept` names, capped at `heapMb` (0: none); undefined if it cannot start. */
export function prepareSearchWorker(kept: { file: string; code: string }, heapMb: number): PreparedSearchWorker | undefined {
  let worker: Worker | undefined;
  try {
    worker = new Worker(workerUrl('search'), { workerData: { kind: 'prepared', kept } satisfies SearchWorkerData, ...heapLimits(heapMb) });
  } catch {
    return undefined;
  }
  // Until a run takes it, the worker does not keep the process alive (a build that forgot it still exits).
  worker.unref();
  let readied: (read: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (readied = resolve));
  const onMessage = (message: SearchWorkerMessage) => readied(message.kind === 'ready');
  // A worker that failed before it was given work is not given any.
  const failed = () => {
    worker = undefined;
    readied(false);
  };
  worker.once('message', onMessage).once('error', failed).once('exit', failed);
  return {
    heapMb,
    ready,
    take() {
      const taken = worker;
      worker = undefined;
      taken?.off('message', onMessage).off('error', failed).off('exit', failed).ref();
      return taken;
    },
    async discard() {
      await this.take()?.terminate();
    },
  };
}

/** What the worker posts: (prepared) that it has read the kept postings, how many notes it will index (before indexing any), then its files. */
export type SearchWorkerMessage = { kind: 'ready' } | { kind: 'plan'; indexed: number } | { kind: 'done'; outputs: SearchOutput[] };

/** Options of {@link buildSearchIndexInWorker}. */
export interface Options {
  /** The worker's old-generation cap in MB; by default 2 bytes a byte of note text (worker-heap.ts); 0: none. */
  heapMb?: number;
  /** What the last build left that this one can keep (write-files.ts). */
  keep?: KeepOptions;
  /** Told how many notes the run will index, before it indexes any (the others keep their postings). */
  onPlan?: (indexed: number) => void;
  /** A worker started ahead, for the first (capped) run: its cap replaces `heapMb`. */
  prepared?: PreparedSearchWorker;
}

/**
 * Build the index for the docs `makeDocs` gives (asked with `true` for the first run when `options.keep.kept` was made by
 * its code: it may give light docs among
 * them, light-docs.ts), write its files under `outDir` but those in
 * `options.keep.previous` with the same bytes; resolves to all its files (relative, POSIX, with hashes).
 * With `options.keep.kept`, notes indexed by the last build are not indexed again (write-files.ts). The worker's heap is capped: uncapped, it grows to several times its
 * live data, mostly the body index's garbage, while the pages are written. A worker that fails
 * under the cap is run once more without it, from fresh docs (so this thread need not keep them
 * meanwhile) and with the files of the failed run removed.
 */
export function buildSearchIndexInWorker(
  makeDocs: (light: boolean) => SearchDoc[] | { docs: SearchDoc[]; light?: LightDocs },
  outDir: string,
  texts?: SpilledBodies,
  options: Options = {},
): Promise<SearchOutput[]> {
  // The first run may post light docs (light-docs.ts); one that failed, for whatever reason, runs again with every doc whole.
  // Light docs stand for postings kept by this code only: after a change to Trellis, the first run failed on the first
  // one and ran again whole (a worker started and the kept file read for nothing: ~0.2 s at 10k notes, ~1 s at 100k),
  // and the run that did the work had no cap on its heap.
  const kept = options.keep?.kept;
  const lightUsable = kept !== undefined && keptPostingsMadeBy(kept.file, kept.code);
  const run = (capped: boolean) => {
    const made = makeDocs(capped && lightUsable);
    const { docs, light } = Array.isArray(made) ? { docs: made, light: undefined } : made;
    const input: SearchWorkerInput = {
      docs,
      ...(light && light.at.length > 0 ? { light } : {}),
      outDir,
      ...(texts ? { texts } : {}),
      ...(options.keep ? { keep: options.keep } : {}),
    };
    const prepared = capped ? options.prepared?.take() : undefined;
    // A prepared worker has its own cap, set as it started: this run's is sized only for a worker started now.
    const heapMb = !capped || prepared ? 0 : (options.heapMb ?? searchHeapMb(docs, light, texts, options.keep));
    return runWorker(input, heapMb, options.onPlan, prepared);
  };
  return cappedThenUncapped(options.heapMb !== 0, run, () => rmSync(path.join(outDir, '_search'), { recursive: true, force: true }));
}

/**
 * The old-generation cap of a run on `docs` (and `light`, at their places among them): 64 MB, 2 bytes for each byte of
 * every note's text, and the bytes of the kept postings file the run reads. A light doc's text counts too, from its
 * ref in the spill file: the worker holds every note's postings, indexed or kept. Sized by the whole docs alone, the
 * cap of a warm build that indexes one note was the base's 64 MB, which the kept postings of the 100k-note bench garden
 * (a 97 MB file) outgrow as they are read: every such build failed its capped run and ran again uncapped, with every
 * doc whole (~6 s of a 1-note build there).
 */
export function searchHeapMb(
  docs: readonly SearchDoc[],
  light: LightDocs | undefined,
  texts: SpilledBodies | undefined,
  keep: KeepOptions | undefined,
): number {
  let bytes = 0;
  // The refs are by place among all the docs, the light ones included: the places `joinLight` gives them.
  joinLight(docs, light).forEach((doc, i) => {
    const ref = texts?.refs[i];
    bytes += ref ? ref[1] : isLight(doc) ? 0 : doc.body.length;
  });
  return heapMbFor(bytes, 2) + Math.ceil(keptBytes(keep) / (1024 * 1024));
}

/** Run `input` on a new worker capped at `heapMb`, or on `prepared` (started ahead with a cap of its own). */
function runWorker(input: SearchWorkerInput, heapMb: number, onPlan?: (indexed: number) => void, prepared?: Worker): Promise<SearchOutput[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      if (prepared) {
        worker = prepared;
        worker.postMessage(input);
      } else worker = new Worker(workerUrl('search'), { workerData: { kind: 'input', input } satisfies SearchWorkerData, ...heapLimits(heapMb) });
      // The worker has its own copy; this thread's would live as long as the handlers below.
      input = { ...input, docs: [] };
      delete input.light;
    } catch {
      try {
        resolve(writeSearchFiles(joinLight(input.docs, input.light), input.outDir, input.texts, input.keep, onPlan));
      } catch (error) {
        reject(error);
      }
      return;
    }
    worker.on('message', (message: SearchWorkerMessage) => {
      if (message.kind === 'ready') return;
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

/** Bytes of the kept postings file `keep` names (0 when there is none). */
function keptBytes(keep: KeepOptions | undefined): number {
  if (!keep?.kept) return 0;
  try {
    return statSync(keep.kept.file).size;
  } catch {
    return 0;
  }
}
