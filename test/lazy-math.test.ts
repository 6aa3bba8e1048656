/** KaTeX loaded by the parse worker on a note's first formula (src/compile/render/typesetter.ts). */
import { describe, expect, it } from 'vitest';
import { runNoteJob } from '../src/compile/job.ts';
import { runJobs } from '../src/compile/pool.ts';
import { katexTypesetter } from '../src/compile/render/katex.ts';
import { LazyTypesetter } from '../src/compile/render/typesetter.ts';
import type { NoteId, NotePath } from '../src/shared/types.ts';

const job = (id: string, text: string) => ({ path: `${id}.md` as NotePath, id: id as NoteId, hash: `h-${id}`, text });

const notes = [
  job('prose', '# Prose\n\nNo formula here, and $5 and $6 are prices.\n'),
  job('math', '# Math\n\nEnergy $E = mc^2$ and\n\n$$\n\\int_0^1 x\\,dx = \\ce{H2O}\n$$\n\nand a bad one $\\frac{1}{$.\n'),
  job('after', '# After\n\nInline $a^2 + b^2$ again.\n'),
];

describe('math typeset on demand', () => {
  it('a render before KaTeX is loaded is marked as asked, and once loaded gives what KaTeX gives', async () => {
    const lazy = new LazyTypesetter(async () => katexTypesetter);
    const eager = runNoteJob(notes[1]!, { nonce: 'n', math: katexTypesetter });
    const first = runNoteJob(notes[1]!, { nonce: 'n', math: lazy.typeset });
    expect(lazy.asked()).toBe(true);
    expect(first.rendered.blocks.map((b) => b.html).join('')).not.toContain('katex');
    await lazy.load();
    expect(runNoteJob(notes[1]!, { nonce: 'n', math: lazy.typeset })).toEqual(eager);
    expect(lazy.asked()).toBe(false);
    // A note without math never asks.
    const unloaded = new LazyTypesetter(() => Promise.reject(new Error('not to be loaded')));
    expect(runNoteJob(notes[0]!, { nonce: 'n', math: unloaded.typeset })).toEqual(runNoteJob(notes[0]!, { nonce: 'n', math: katexTypesetter }));
    expect(unloaded.asked()).toBe(false);
  });

  it('the parse worker renders math, chemistry and the errors KaTeX reports as rendering on this thread does', async () => {
    const results = await runJobs(notes, { nonce: 'n', render: true, pack: false }, { threads: 1 });
    const here = notes.map((n) => runNoteJob(n, { nonce: 'n', math: katexTypesetter }));
    expect(results).toEqual(here);
    const html = (i: number) => results[i]!.rendered.blocks.map((b) => b.html).join('');
    expect(html(1)).toContain('class="katex-display"');
    expect(html(1)).toContain('mathml');
    expect(html(2)).toContain('class="katex"');
    expect(html(0)).not.toContain('katex');
    expect(results[1]!.note.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['invalid-math', 9]]);
  });
});
