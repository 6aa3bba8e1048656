/** The parse worker's warm-up while it waits for its first batch (src/compile/warm-up.ts). */
import { describe, expect, it } from 'vitest';
import { runNoteJob } from '../src/compile/job.ts';
import { runJobs, startEarly, streamJobs } from '../src/compile/pool.ts';
import type { NoteJobResult } from '../src/compile/types.ts';
import { katexTypesetter } from '../src/compile/render/katex.ts';
import { LazyHighlighter } from '../src/compile/render/lazy-highlighter.ts';
import { LazyTypesetter } from '../src/compile/render/typesetter.ts';
import { warmUp, warmUpPasses } from '../src/compile/warm-up.ts';
import type { NoteId, NotePath } from '../src/shared/types.ts';

const job = (id: string, text: string) => ({ path: `${id}.md` as NotePath, id: id as NoteId, hash: `h-${id}`, text });

const notes = [
  job(
    'raft',
    '---\ntitle: Raft\naliases: [Consensus]\ntags: [dist/consensus]\n---\n# Raft\n\nA leader is elected by [[Quorum|a majority]], see ![[Log#^entry]] and #consensus.\n\n> [!warning] Split votes\n> Timeouts are random.\n\n| term | index |\n| --- | --- |\n| $t$ | [[Log]] |\n\n- [ ] read the paper[^p]\n\n[^p]: Ongaro 2014.\n',
  ),
  job('prices', '# Prices\n\nNo formula here, and $5 and $6 are prices.\n\n```python\nprint("highlighted")\n```\n'),
  job('math', '# Math\n\n$$\n\\int_0^1 x\\,dx\n$$\n'),
];

function lazies() {
  const math = new LazyTypesetter(async () => katexTypesetter);
  const highlighter = new LazyHighlighter(() => Promise.reject(new Error('Shiki is not for the warm-up to load')));
  return { math, highlighter };
}

describe('the parse worker warm-up', () => {
  it('loads KaTeX, leaves Shiki unloaded and unasked, and changes nothing a note compiles to', async () => {
    const { math, highlighter } = lazies();
    const ctx = { nonce: 'n', math: math.typeset, highlighter };
    expect(await warmUp(ctx, { load: [math], clear: [highlighter] }, () => false)).toBe(warmUpPasses);
    expect(math.loaded()).toBeDefined();
    expect(highlighter.loaded()).toBeUndefined();
    expect(highlighter.asked()).toBe(false);
    expect(math.asked()).toBe(false);
    // Each note as a fresh context compiles it, KaTeX loaded there from the start.
    for (const n of notes.filter((n) => n.id !== 'prices')) expect(runNoteJob(n, ctx)).toEqual(runNoteJob(n, { nonce: 'n', math: katexTypesetter }));
  });

  it('stops as soon as a batch has come', async () => {
    const { math, highlighter } = lazies();
    const ctx = { nonce: 'n', math: math.typeset, highlighter };
    expect(await warmUp(ctx, { load: [math], clear: [highlighter] }, () => true)).toBe(0);
    let asked = 0;
    expect(await warmUp(ctx, { load: [math], clear: [highlighter] }, () => ++asked > 1)).toBe(1);
  });

  it('never fails: a typesetter that throws, or KaTeX failing to load, ends the warm-up', async () => {
    const highlighter = new LazyHighlighter(() => Promise.reject(new Error('not loaded')));
    const throwing = {
      nonce: 'n',
      math: () => {
        throw new Error('a broken typesetter');
      },
      highlighter,
    };
    await expect(warmUp(throwing, { load: [], clear: [highlighter] }, () => false)).resolves.toBeLessThanOrEqual(warmUpPasses);
    const unloadable = new LazyTypesetter(() => Promise.reject(new Error('KaTeX is missing')));
    await expect(warmUp({ nonce: 'n', math: unloadable.typeset, highlighter }, { load: [unloadable], clear: [highlighter] }, () => false)).resolves.toBe(1);
  });

  it('a worker warming up answers a batch sent at once, and one sent after the warm-up, as a worker without it does', async () => {
    const init = { nonce: 'n', render: true, pack: false };
    const plain = await runJobs(notes, init, { threads: 1 });
    // Sent at once: the batch waits for one pass at most.
    expect(await runJobs(notes, { ...init, warmUp: true }, { threads: 1 })).toEqual(plain);
    // Sent once the worker has had time to warm up (a worker started ahead of its jobs, as a warm build's is).
    const early = startEarly({ ...init, warmUp: true });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const results: NoteJobResult[] = [];
    await streamJobs(notes, { ...init, warmUp: true }, { threads: 1 }, { onResult: (i, r) => (results[i] = r) }, early);
    expect(results).toEqual(plain);
    await early.close();
    expect(plain[1]!.rendered.blocks.map((b) => b.html).join('')).toContain('shiki');
    expect(plain[2]!.rendered.blocks.map((b) => b.html).join('')).toContain('katex-display');
  });
});
