/**
 * What `trellis dev` keeps of a garden in memory. The opening build leaves its notes' HTML, texts
 * and link contexts in its store on disk, and lets each note's source go once compiled (at 100k
 * notes both are gigabytes); a note read again since keeps its source, and its new result in
 * memory. What needs a note's source (a rename rewriting links, the links a new name makes
 * ambiguous) reads its file, and a file that changed on disk since the garden read it is never
 * taken for the version the garden has.
 */
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findAmbiguousLinks } from '../src/dev/ambiguous-links.ts';
import { GardenState } from '../src/dev/garden-state.ts';
import { renameNote } from '../src/dev/rename-note.ts';
import type { NoteId } from '../src/shared/types.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

let state: GardenState | undefined;
afterEach(() => state?.close());

const files = {
  'Alpha.md': 'Alpha reads about [[Beta]] on queues.\n',
  'Beta.md': '# Beta\n\nBeta holds the queue.\n',
  'Gamma.md': '---\nup: "[[Beta]]"\n---\nGamma text.\n',
  'x/Delta.md': '# Delta\n',
};

describe('the dev server’s garden', () => {
  it('keeps no source of a note it has not read again, reads it from the file, and keeps the source and result of a note saved since', async () => {
    const root = makeGarden(files);
    state = await GardenState.open(root);
    expect(state.note('Alpha.md')!.content.text).toBeUndefined();
    expect(await state.source('Alpha.md')).toBe(files['Alpha.md']);
    expect(await state.source('Missing.md')).toBeUndefined();
    // Pages and backlinks read HTML, texts and contexts from the opening build's store.
    const view = state.view();
    expect(view.byId.get('Beta' as NoteId)!.html).toContain('Beta holds the queue.');
    expect(view.graph.backlinks.get('Beta' as NoteId)!.map((b) => b.context)).toEqual(['Alpha reads about Beta on queues.', 'up: Beta']);
    expect(state.text('Alpha' as NoteId)).toContain('Alpha reads about');

    const saved = 'Alpha now reads about [[Beta]] and latency.\n';
    writeFileSync(path.join(root, 'Alpha.md'), saved);
    await state.apply(['Alpha.md']);
    expect(state.note('Alpha.md')!.content.text).toBe(saved);
    expect(await state.source('Alpha.md')).toBe(saved);
    const after = state.view();
    expect(after.byId.get('Alpha' as NoteId)!.html).toContain('Alpha now reads about');
    expect(after.graph.backlinks.get('Beta' as NoteId)!.map((b) => b.context)).toEqual(['Alpha now reads about Beta and latency.', 'up: Beta']);
    expect(after.byId.get('Beta' as NoteId)!.html).toContain('Beta holds the queue.');
    expect(state.text('Alpha' as NoteId)).toContain('latency');
  });

  it('gives no source for a note whose file changed since the garden read it', async () => {
    const root = makeGarden(files);
    state = await GardenState.open(root);
    writeFileSync(path.join(root, 'Gamma.md'), 'Gamma was changed by another program.\n');
    expect(await state.source('Gamma.md')).toBeUndefined();
    await state.apply(['Gamma.md']);
    expect(await state.source('Gamma.md')).toBe('Gamma was changed by another program.\n');
  });

  it('reads no source through a note turned into a link out of the garden, even to a file with the same bytes', async () => {
    const root = makeGarden(files);
    state = await GardenState.open(root);
    const outside = path.join(tempDir(), 'Gamma.md');
    writeFileSync(outside, files['Gamma.md']);
    rmSync(path.join(root, 'Gamma.md'));
    symlinkSync(outside, path.join(root, 'Gamma.md'));
    expect(await state.source('Gamma.md')).toBeUndefined();
    const read: (string | undefined)[] = [];
    for await (const text of state.sources(['Alpha.md', 'Gamma.md'])) read.push(text);
    expect(read).toEqual([files['Alpha.md'], undefined]);
  });

  it('a rename rewrites links in notes read from their files, and in a note changed on disk that the garden had not read yet', async () => {
    const root = makeGarden(files);
    state = await GardenState.open(root);
    // Another program adds a link to Beta; the garden has not seen the change when the rename starts.
    writeFileSync(path.join(root, 'x/Delta.md'), '# Delta\n\nNow see [[Beta]].\n');
    const result = await renameNote(state, 'Beta.md', 'Queue.md');
    expect(result).toEqual({ files: ['Alpha.md', 'Gamma.md', 'x/Delta.md'] });
    const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
    expect(read('Alpha.md')).toBe('Alpha reads about [[Queue]] on queues.\n');
    expect(read('Gamma.md')).toBe('---\nup: "[[Queue]]"\n---\nGamma text.\n');
    expect(read('x/Delta.md')).toBe('# Delta\n\nNow see [[Queue]].\n');
  });

  it('finds the links a new name makes ambiguous in notes read from their files', async () => {
    const { 'Beta.md': beta, ...rest } = files;
    const root = makeGarden({ ...rest, 'p/Beta.md': beta, 'q/Beta.md': '# Another Beta\n' });
    state = await GardenState.open(root);
    expect(state.note('Alpha.md')!.content.text).toBeUndefined();
    const found = await findAmbiguousLinks(state, 'q/Beta' as NoteId);
    expect(found).toEqual([
      { file: 'Alpha.md', line: 1, column: 19, link: '[[Beta]]' },
      { file: 'Gamma.md', line: 2, column: 6, link: '[[Beta]]' },
    ]);
  });
});
