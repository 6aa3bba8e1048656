/**
 * Results arrive from parse workers as copies, every string included. The build gives each
 * repeated short string (tags, headings, link targets, the nonce) one copy (src/parse/shared-words.ts):
 * no value may change, and the copies must be freed.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { NoteJob, NoteJobResult } from '../src/parse/job.ts';
import { runJobs } from '../src/parse/pool.ts';
import { createShare, shareWords } from '../src/parse/shared-words.ts';
import type { WorkerInit } from '../src/parse/worker.ts';
import { scanGarden } from '../src/scan/index.ts';
import { tasksVault } from './helpers/garden.ts';

describe('shared words', () => {
  it('changes no value of the real vault results', async () => {
    const scan = await scanGarden(tasksVault);
    const jobs: NoteJob[] = scan.notes.map((n) => ({ path: n.path, id: n.id, hash: n.hash, text: n.content.text! }));
    const init: WorkerInit = {
      notes: scan.notes.map((n) => ({ id: n.id, publish: n.content.publish })),
      urls: scan.notes.map((n) => [n.id, n.url]),
      attachments: scan.attachments.map((a) => a.path),
      nonce: 'fixednonce',
      render: true,
      pack: false,
    };
    const results = await runJobs(jobs, init, { threads: 1 });
    const untouched = structuredClone(results);
    const share = createShare();
    for (const r of results) shareWords(r, share);
    expect(results).toEqual(untouched);
    // The vault repeats what the build shares: tags and link targets in many notes.
    const targets = results.flatMap((r) => r.note.links.map((l) => l.target));
    expect(new Set(targets).size).toBeLessThan(targets.length / 3);
  }, 60_000);

  it('keeps one copy of each repeated word: the copies that arrived are freed', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const count = 5_000;
    const link = (i: number) => ({ target: `Consistent Hashing ${i % 50}`, headings: ['Trade-offs'], kind: 'link', syntax: 'wiki', position: { line: 1, column: 1 }, range: [0, 1], context: '' });
    // Results as they arrive from a worker: one copy of every string per note.
    const results = structuredClone(
      Array.from({ length: count }, (_, i) => ({
        note: {
          tags: ['distributed-systems/consensus', 'status/evergreen'],
          frontmatter: { tags: ['distributed-systems/consensus', 'status/evergreen'], aliases: [], created: '2026-01-15' },
          headings: [{ depth: 2, text: 'Failure Modes', id: 'failure-modes', line: 3 }],
          blocks: [{ id: 'summary', line: 5 }],
          links: [link(i), link(i + 1), link(i + 2)],
        },
        rendered: { blocks: [], nonce: '5116925d1902fb6b', embeds: [] },
      })),
    ) as unknown as NoteJobResult[];
    const before = heap();
    const share = createShare();
    for (const r of results) shareWords(r, share);
    const freed = (before - heap()) / count;
    // 20 strings of 4 to 30 characters a note are copies of words seen before; measured ~2,000 bytes freed a note.
    expect(freed).toBeGreaterThan(1_000);
    expect(results[count - 1]!.note.links[0]!.target).toBe(`Consistent Hashing ${(count - 1) % 50}`);
  });
});
