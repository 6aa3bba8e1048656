/**
 * Parse and render the notes a change touched. A batch of little Markdown runs
 * on this thread (milliseconds). A larger one runs on worker threads, the
 * build's pool: a note of a few megabytes takes 10 to 20 s to parse and render,
 * and on this thread it would stop the server from answering anything
 * meanwhile; on the pool it also gets the build's time limit and crash
 * isolation (a note that fails becomes a diagnostic).
 */
import { runJobs } from '../parse/pool.ts';
import { runNoteJob, type NoteJob, type NoteJobResult } from '../parse/job.ts';
import type { WorkerInit } from '../parse/worker.ts';
import type { RenderContext } from '../render/context.ts';

/** Characters of Markdown in one change above which it is rendered on worker threads (a worker costs 2-3 s of start-up, but not on this thread). */
export const offThreadChars = 128 * 1024;

/** Results of `jobs`, in order; `init` describes the garden to a worker (called only when one is needed). */
export async function renderJobs(jobs: NoteJob[], ctx: RenderContext, init: () => WorkerInit): Promise<NoteJobResult[]> {
  const chars = jobs.reduce((sum, job) => sum + job.text.length, 0);
  if (chars <= offThreadChars) return jobs.map((job) => runNoteJob(job, ctx));
  // Uncapped: under the build's old-generation cap a single note of 4 MB spent twice as long collecting garbage (67 s against 33 s, measured on a loaded machine).
  return runJobs(jobs, init(), { heapMb: 0 });
}
