/** Worker thread entry: fills a staging folder (relink-spare.ts) and answers with the files gone from the site. */
import { parentPort, workerData } from 'node:worker_threads';
import { fillStaging, type StagingJob } from './relink-spare.ts';

parentPort!.postMessage(fillStaging(workerData as StagingJob));
