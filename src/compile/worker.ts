/**
 * Worker thread entry: receives batches of note jobs and answers with parsed and rendered notes.
 * Nothing of the rest of the garden is needed: links are resolved later, by the resolve stage.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderContext } from './render/context.ts';
import { LazyHighlighter } from './render/lazy-highlighter.ts';
import { LazyTypesetter } from './render/typesetter.ts';
import { readCachedCode } from '../store/cache.ts';
import { openRegexTable, type RegexTable } from './render/regex-table.ts';
import type { RegexTableFile } from './render/regex-table-file.ts';
import { packBlocks } from '../store/pack-blocks.ts';
import { runNoteJob } from './job.ts';
import { warmUp } from './warm-up.ts';
import type { NoteJob, NoteJobResult } from './types.ts';

/** Data every worker starts with. */
export interface WorkerInit {
  nonce: string;
  /** Render HTML too (false for `trellis check`). */
  render: boolean;
  /** Hand back rendered blocks packed for the build's store on disk (store/pack-blocks.ts). */
  pack: boolean;
  /** Keep each note's highlighted code with its result (render/highlight-memo.ts), on a build with a cache: the note's next version reads it from its cache entry. */
  keepCode?: boolean;
  /** Where the highlighter's converted regexes are kept (render/regex-table.ts), on a build with a cache. */
  regexTable?: RegexTableFile;
  /** Compile a note of its own while no batch has come (warm-up.ts): a worker started ahead of its jobs (compile/ahead.ts). */
  warmUp?: boolean;
}

/** A batch request. */
export interface WorkerRequest {
  batch: number;
  jobs: NoteJob[];
}

const init = workerData as WorkerInit;
// Shiki, its grammars and their converted regexes load on the first code block no note's previous version had (render/lazy-highlighter.ts).
let regexes: RegexTable | undefined;
const highlighter = init.render
  ? new LazyHighlighter(async () => {
      regexes = init.regexTable ? openRegexTable(init.regexTable) : undefined;
      return (await import('./render/highlighter.ts')).getHighlighter(regexes);
    })
  : undefined;
// KaTeX loads on the first formula (render/typesetter.ts).
const math = new LazyTypesetter(async () => (await import('./render/katex.ts')).katexTypesetter);
const ctx: RenderContext = { nonce: init.nonce, math: math.typeset, ...(highlighter ? { highlighter } : {}) };

/** Compile one note, with its previous version's highlighted code; again once the highlighter or KaTeX is loaded, if it needed them. */
async function compile(job: NoteJob): Promise<NoteJobResult> {
  const code = init.render && init.keepCode ? { previous: job.previous ? readCachedCode(job.previous) : undefined } : undefined;
  for (;;) {
    const result = runNoteJob(job, ctx, init.render, code);
    // Both asked, each time: `asked` also clears what it answers.
    const needed = [highlighter, math].filter((lazy) => lazy?.asked());
    if (needed.length === 0) return result;
    await Promise.all(needed.map((lazy) => lazy!.load()));
  }
}

let batches = 0;
parentPort!.on('message', async (req: WorkerRequest) => {
  batches++;
  const results: NoteJobResult[] = [];
  for (const job of req.jobs) {
    const result = await compile(job);
    if (init.pack) packBlocks(result.rendered);
    results.push(result);
  }
  // Before the answer (a worker may be ended once its last batch is answered): the next build converts none of the regexes this batch needed.
  regexes?.save();
  parentPort!.postMessage({ batch: req.batch, results });
});

// The warm-up stops once a batch has come (one already waiting meets at most one pass before it).
if (init.render && init.warmUp) setTimeout(() => void warmUp(ctx, { load: [math], clear: highlighter ? [highlighter] : [] }, () => batches > 0), 0);
