/** Worker thread entry: builds the search index from the docs it is given, off the emitter's thread. */
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchDoc } from '../types.ts';
import { buildSearchIndex } from './index.ts';

const artifacts = buildSearchIndex(workerData as SearchDoc[]);
parentPort!.postMessage(artifacts.files);
