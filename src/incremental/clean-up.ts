/**
 * The clean-up after a build, in a detached process of its own (remove-later.ts): make the spare a build
 * named but had no site to keep as (make-spare.ts), or check the one it kept (spare-check.ts), then remove
 * the folders it no longer needs. Its one argument is
 * the JSON of a {@link CleanUpJob}.
 */
import { rmSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { dropDamagedSpare } from './spare-check.ts';
import { makeSpareAfterBuild } from './make-spare.ts';
import type { CleanUpJob } from './remove-later.ts';

// Below any build: a build started while this runs (the author's next one, within ~0.3 s at 10k notes, when the spare
// is only checked) waited longer for a core beside it at the same priority (back-to-back one-note builds at 10k notes:
// 1.23 against 1.19 s; docs/performance.md). With no build to share the cores with, it runs as fast. On Linux this
// thread's priority, which the threads it starts (libuv's) take; elsewhere the process's.
try {
  setPriority(constants.priority.PRIORITY_LOW);
} catch {
  // Not allowed here: at the priority it was started with.
}

const job = JSON.parse(process.argv[2] ?? '{}') as CleanUpJob;
// The spare first: the next build may take it soon.
if (job.make) await makeSpareAfterBuild(job.make);
if (job.check) dropDamagedSpare(job.check);
for (const dir of job.remove ?? []) rmSync(dir, { recursive: true, force: true });
