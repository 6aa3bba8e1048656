/**
 * Worker thread entry: computes importance, topics and positions of the graph it is given, as its data or, when
 * started ahead of its graph (`{ ahead: true }`, layout-start.ts), as the first message it receives.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { computeLayoutOfInput } from './layout-result.ts';
import type { LayoutInput } from './layout-input.ts';

const input = (workerData as { ahead?: true } | undefined)?.ahead
  ? await new Promise<LayoutInput>((resolve) => parentPort!.once('message', resolve))
  : (workerData as LayoutInput);
parentPort!.postMessage(computeLayoutOfInput(input));
