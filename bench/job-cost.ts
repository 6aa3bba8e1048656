/**
 * CPU cost of the per-note job (parse, facts, render: what the worker pool runs), one thread, the best
 * of six rounds over the same notes. Whole builds on a shared machine vary by 2x from run to run; the
 * best round of the same work is steady, so this is the number to compare two versions by.
 *
 * Run: `tsx bench/job-cost.ts <garden> [notes=500] [trellis-checkout=this one]`, e.g. once here and once
 * with a `git worktree` of an older commit as the third argument.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './lib/site-stats.ts';

const [garden, count = '500', checkout = path.resolve(import.meta.dirname, '..')] = process.argv.slice(2);
if (!garden) {
  process.stderr.write('usage: tsx bench/job-cost.ts <garden> [notes] [trellis-checkout]\n');
  process.exit(2);
}

type Job = { path: string; id: string; hash: string; text: string };
const { runNoteJob } = (await import(path.join(checkout, 'src/compile/job.ts'))) as { runNoteJob: (job: Job, ctx: unknown) => unknown };
// The link index moved to src/shared/links/; older checkouts have it in src/resolve/.
const linkIndexModule = [path.join(checkout, 'src/shared/links/link-index.ts'), path.join(checkout, 'src/resolve/link-index.ts')].find((f) => existsSync(f))!;
const { buildLinkIndex } = (await import(linkIndexModule)) as { buildLinkIndex: (notes: unknown[], attachments: string[]) => unknown };
const { getHighlighter } = (await import(path.join(checkout, 'src/compile/render/highlighter.ts'))) as { getHighlighter: () => Promise<unknown> };

const files = listFiles(garden)
  .filter((f) => f.endsWith('.md'))
  .map((f) => path.relative(garden, f))
  .sort();
const step = Math.max(1, Math.floor(files.length / Number(count)));
const jobs: Job[] = files
  .filter((_, i) => i % step === 0)
  .slice(0, Number(count))
  .map((rel) => ({ path: rel, id: rel.slice(0, -3), hash: '', text: readFileSync(path.join(garden, rel), 'utf8') }));
const ids = files.map((rel) => rel.slice(0, -3));
const ctx = {
  index: buildLinkIndex(
    ids.map((id) => ({ id, publish: true })),
    [],
  ),
  urls: new Map(ids.map((id) => [id, `/${id}/`])),
  nonce: 'n',
  highlighter: await getHighlighter(),
};

let best = Infinity;
for (let round = 0; round < 6; round++) {
  const start = performance.now();
  for (const job of jobs) runNoteJob(job, ctx);
  best = Math.min(best, performance.now() - start);
}
const mb = jobs.reduce((sum, j) => sum + j.text.length, 0) / 1e6;
process.stdout.write(
  `${checkout}: ${jobs.length} notes (${mb.toFixed(1)} MB), best round ${best.toFixed(0)} ms = ${(best / jobs.length).toFixed(2)} ms per note\n`,
);
