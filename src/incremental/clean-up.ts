/**
 * The clean-up after a build, in a detached process of its own (remove-later.ts): make the spare a build
 * named but had no site to keep as (make-spare.ts), or check the one it kept (spare-check.ts), then remove
 * the folders it no longer needs. Its one argument is
 * the JSON of a {@link CleanUpJob}.
 */
import { rmSync } from 'node:fs';
import { dropDamagedSpare } from './spare-check.ts';
import { makeSpareAfterBuild } from './make-spare.ts';
import type { CleanUpJob } from './remove-later.ts';

const job = JSON.parse(process.argv[2] ?? '{}') as CleanUpJob;
// The spare first: the next build may take it soon.
if (job.make) await makeSpareAfterBuild(job.make);
if (job.check) dropDamagedSpare(job.check);
for (const dir of job.remove ?? []) rmSync(dir, { recursive: true, force: true });
