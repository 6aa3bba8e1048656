/** Worker thread entry: brings a spare up to the site (relink-spare.ts) and answers with the files gone from the site. */
import { parentPort, workerData } from 'node:worker_threads';
import { relinkSpare, type RelinkJob } from './relink-spare.ts';

parentPort!.postMessage(relinkSpare(workerData as RelinkJob));
