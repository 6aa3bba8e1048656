/** Worker thread entry: builds the search index from the docs it is given and writes its files, off the emitter's thread. */
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchWorkerInput } from './build-in-worker.ts';
import { writeSearchIndex } from './index.ts';
import { searchFileWriter } from './write-files.ts';

const { docs, outDir } = workerData as SearchWorkerInput;
const writer = searchFileWriter(outDir);
writeSearchIndex(docs, writer.sink);
parentPort!.postMessage(writer.paths);
