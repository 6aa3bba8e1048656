/**
 * Worker thread entry: receives batches of note jobs and answers with parsed and rendered notes.
 * Nothing of the rest of the garden is needed: links are resolved later, by the resolve stage.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderContext } from './render/context.ts';
import { getHighlighter } from './render/highlighter.ts';
import { openRegexTable, type RegexTableFile } from './render/regex-table.ts';
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
  /** Where the highlighter's converted regexes are kept (render/regex-table.ts), on a build with a cache. */
  regexTable?: RegexTableFile;
}

/** A batch request. */
export interface WorkerRequest {
  batch: number;
  jobs: NoteJob[];
}

const init = workerData as WorkerInit;
const regexes = init.render && init.regexTable ? openRegexTable(init.regexTable) : undefined;
const ready = (async (): Promise<RenderContext> => ({
  nonce: init.nonce,
  ...(init.render ? { highlighter: await getHighlighter(regexes) } : {}),
}))();

parentPort!.on('message', async (req: WorkerRequest) => {
  const ctx = await ready;
  const results = req.jobs.map((job) => {
    const result = runNoteJob(job, ctx, init.render);
    if (init.pack) packBlocks(result.rendered);
    return result;
  });
  // Before the answer (a worker may be ended once its last batch is answered): the next build converts none of the regexes this batch needed.
  regexes?.save();
  parentPort!.postMessage({ batch: req.batch, results });
});
