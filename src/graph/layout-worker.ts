/** Worker thread entry: computes importance, topics and positions of the graph it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { computeLayoutOfInput } from './layout-result.ts';
import type { LayoutInput } from './layout-input.ts';

parentPort!.postMessage(computeLayoutOfInput(workerData as LayoutInput));
