/** A worker thread run for one answer (src/worker-answer.ts), with real workers. */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { firstAnswer } from '../src/worker-answer.ts';

const worker = (code: string) => new Worker(code, { eval: true });

describe('firstAnswer', () => {
  it('gives the first message, and with `terminate` ends a worker that would go on', async () => {
    const w = worker(`const { parentPort } = require('node:worker_threads'); parentPort.postMessage([1, 2]); setInterval(() => {}, 1000);`);
    const exited = new Promise<number>((resolve) => w.once('exit', resolve));
    expect(await firstAnswer<number[]>(w, 'Test', { terminate: true })).toEqual([1, 2]);
    expect(await exited).toBe(1);
  });

  it('is rejected with the error of a worker that throws', async () => {
    await expect(firstAnswer(worker(`throw new Error('boom in the worker')`), 'Test')).rejects.toThrow('boom in the worker');
  });

  it('is rejected, naming the worker, when it exits without answering', async () => {
    await expect(firstAnswer(worker(`process.exit(0)`), 'Relink')).rejects.toThrow('Relink: the worker exited without a result');
  });
});
