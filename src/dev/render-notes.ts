/**
 * Parse and render the notes a change touched, for the dev server. A note of up to
 * `mainThreadChars` characters runs on this thread, so a save shows at once. A longer one runs on
 * the build's parse pool: a worker with a capped heap and a time limit, which takes seconds to start
 * but keeps any one note from taking the server down. On this thread nothing bounds a note: the
 * densest Markdown (tables) takes 1-2 KB of heap per character, so a table of a few MB can
 * overflow the heap, which kills the process. Nesting bombs are refused on either path, by
 * runNoteJob, before they are parsed.
 */
import { runNoteJob } from '../compile/job.ts';
import type { NoteJob, NoteJobResult } from '../compile/types.ts';
import { runJobs, type Options as PoolOptions } from '../compile/pool.ts';
import type { RenderContext } from '../compile/render/context.ts';

/**
 * Notes up to this many characters render on the dev server's thread: at the 1-2 KB per
 * character that tables take, at most a few hundred MB of its heap.
 */
export const mainThreadChars = 200_000;

/** Results of `jobs` in their order; long notes go through the parse pool (with settings `pool`: tests shrink its heap caps), the rest run here with `ctx`. */
export async function renderNotes(
  jobs: readonly NoteJob[],
  ctx: RenderContext,
  pool: Partial<PoolOptions> = {},
  limit = mainThreadChars,
): Promise<NoteJobResult[]> {
  const here = new Map<number, NoteJobResult>();
  jobs.forEach((job, i) => {
    if (job.text.length <= limit) here.set(i, runNoteJob(job, ctx));
  });
  const long = jobs.filter((_, i) => !here.has(i));
  const out = long.length > 0 ? await runJobs(long, { nonce: ctx.nonce, render: true, pack: false }, { ...pool, threads: 1 }) : [];
  let k = 0;
  return jobs.map((_, i) => here.get(i) ?? out[k++]!);
}
