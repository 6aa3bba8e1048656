/** Worker thread entry: builds the search index from the docs it is given and writes its files, off the emitter's thread. */
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchWorkerInput, SearchWorkerMessage } from './build-in-worker.ts';
import { writeSearchFiles } from './write-files.ts';

const { docs, outDir, texts, keep } = workerData as SearchWorkerInput;
const plan = (indexed: number): void => parentPort!.postMessage({ kind: 'plan', indexed } satisfies SearchWorkerMessage);
parentPort!.postMessage({ kind: 'done', outputs: writeSearchFiles(docs, outDir, texts, keep, plan) } satisfies SearchWorkerMessage);
