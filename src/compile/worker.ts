/**
 * Worker thread entry: receives batches of note jobs and answers with parsed and rendered notes.
 * Nothing of the rest of the garden is needed: links are resolved later, by the resolve stage.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderContext } from './render/context.ts';
import { getHighlighter } from './render/highlighter.ts';
import { packBlocks } from '../store/pack-blocks.ts';
import { runNoteJob } from './job.ts';
import type { NoteJob } from './types.ts';

/** Data every worker starts with. */
export interface WorkerInit {
  nonce: string;
  /** Render HTML too (false for `trellis check`). */
  render: boolean;
  /** Hand back rendered blocks packed for the build's store on disk (store/pack-blocks.ts). */
  pack: boolean;
}

/** A batch request. */
export interface WorkerRequest {
  batch: number;
  jobs: NoteJob[];
}

const init = workerData as WorkerInit;
const ready = (async (): Promise<RenderContext> => ({
  nonce: init.nonce,
  ...(init.render ? { highlighter: await getHighlighter() } : {}),
}))();

parentPort!.on('message', async (req: WorkerRequest) => {
  const ctx = await ready;
  const results = req.jobs.map((job) => {
    const result = runNoteJob(job, ctx, init.render);
    if (init.pack) packBlocks(result.rendered);
    return result;
  });
  parentPort!.postMessage({ batch: req.batch, results });
});
