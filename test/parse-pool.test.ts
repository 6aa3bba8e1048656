/**
 * The parse pool caps each worker's heap for memory's sake. A batch that
 * outgrows the cap must not cost a note: it is retried on an uncapped worker.
 * Tested on the real vault with a cap no worker can live under, against the
 * pool without a cap.
 */
import { describe, expect, it } from 'vitest';
import { runJobs } from '../src/parse/pool.ts';
import type { NoteJob } from '../src/parse/job.ts';
import type { WorkerInit } from '../src/parse/worker.ts';
import { ruleIds } from '../src/constants.ts';
import { scanGarden } from '../src/scan/index.ts';
import { tasksVault } from './helpers/garden.ts';

describe('parse pool', () => {
  it('parses every note of a batch that outgrows the heap cap, as an uncapped pool does', async () => {
    const scan = await scanGarden(tasksVault);
    const notes = scan.notes.slice(0, 24);
    const jobs: NoteJob[] = notes.map((n) => ({ path: n.path, id: n.id, hash: n.hash, text: n.content.text! }));
    const init: WorkerInit = {
      notes: scan.notes.map((n) => ({ id: n.id, publish: n.content.publish })),
      urls: scan.notes.map((n) => [n.id, n.url]),
      attachments: scan.attachments.map((a) => a.path),
      nonce: 'fixednonce',
      render: true,
      pack: false,
    };
    const roomy = await runJobs(jobs, init, { threads: 1, heapMb: 0 });
    const capped = await runJobs(jobs, init, { threads: 1, heapMb: 4 });

    const failed = (r: (typeof roomy)[number]) => r.note.diagnostics.some((d) => d.ruleId === ruleIds.noteFailed);
    expect(roomy.filter(failed)).toEqual([]);
    expect(capped.filter(failed)).toEqual([]);
    expect(capped).toEqual(roomy);
    expect(roomy.every((r) => r.rendered.blocks.length > 0)).toBe(true);
  }, 120_000);
});
