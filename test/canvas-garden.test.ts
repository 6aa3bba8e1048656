/**
 * Canvases in small gardens built in-process: how `[[x.canvas]]` resolves, canvases embedding
 * notes and each other (cycles cut and reported at the file card), a note that takes a canvas's
 * name, and the dev server's build, which keeps canvases as files for now.
 */
import { describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { buildLinkIndex } from '../src/shared/links/link-index.ts';
import { resolveTarget } from '../src/shared/links/resolve-target.ts';
import type { NoteId } from '../src/shared/types.ts';
import { makeGarden } from './helpers/garden.ts';

const canvas = (nodes: object[], edges: object[] = []) => JSON.stringify({ nodes, edges }, null, '\t');
const card = (id: string, extra: object, x = 0) => ({ id, x, y: 0, width: 300, height: 200, ...extra });

describe('resolving a link to a canvas', () => {
  it('finds the canvas page by its full file name, and falls back to the file where there is no page', () => {
    const pages = buildLinkIndex([{ id: 'Boards/Plan.canvas' as NoteId, publish: true }], ['Boards/Plan.canvas']);
    const from = 'Home' as NoteId;
    expect(resolveTarget(pages, from, 'Plan.canvas')).toMatchObject({ kind: 'note', note: { id: 'Boards/Plan.canvas' } });
    expect(resolveTarget(pages, from, 'boards/plan.CANVAS')).toMatchObject({ kind: 'note', note: { id: 'Boards/Plan.canvas' } });
    expect(resolveTarget(pages, from, 'Plan')).toEqual({ kind: 'missing' });
    const files = buildLinkIndex([], ['Boards/Plan.canvas']);
    expect(resolveTarget(files, from, 'Plan.canvas')).toEqual({ kind: 'attachment', path: 'Boards/Plan.canvas' });
  });
});

describe('a garden of canvases', () => {
  it('embeds notes in text cards, and cuts a cycle of canvases at the file card, reported there', async () => {
    const root = makeGarden({
      'Paxos.md': '# Paxos\n\nOne value.\n',
      'A.canvas': canvas([card('t', { type: 'text', text: 'Embedded:\n\n![[Paxos]]' }), card('b', { type: 'file', file: 'B.canvas' }, 400)]),
      'B.canvas': canvas([card('a', { type: 'file', file: 'A.canvas' })]),
      'Home.md': 'See [[A.canvas]].\n',
    });
    const model = await buildGarden({ garden: root, noCache: true, layout: false, threads: 1 });
    const a = model.notes.find((n) => n.parsed.id === 'A.canvas')!;
    expect(a.url).toBe('/a.canvas/');
    const html = a.html;
    expect(html).toContain('<div class="canvas-card-content"><p>Embedded:</p>\n<div class="transclusion" data-note="Paxos">');
    // A shows B, whose card for A is cut to a link.
    expect(html).toContain('<div class="transclusion" data-note="B.canvas">');
    expect(html).toContain('<a class="internal embed-cut" href="/a.canvas/" data-note="A.canvas">A</a>');
    const cycles = model.diagnostics.filter((d) => d.ruleId === 'embed-cycle').map((d) => `${d.file}:${d.line}:${d.column}: ${d.reason}`);
    expect(cycles).toEqual([
      // At the `file` value of the card that closes the cycle, as for notes.
      'A.canvas:19:12: Embed cycle: `B.canvas` → `A.canvas` → `B.canvas`; the embed is shown as a link',
      'B.canvas:10:12: Embed cycle: `A.canvas` → `B.canvas` → `A.canvas`; the embed is shown as a link',
    ]);
    expect(model.notes.find((n) => n.parsed.id === 'Home')!.html).toContain('<a href="/a.canvas/" class="internal" data-note="A.canvas">A.canvas</a>');
    expect(model.attachments.map((f) => f.path)).toEqual([]);
  });

  it('leaves a canvas as a file when a note already has its name', async () => {
    const root = makeGarden({ 'Plan.canvas.md': '# A note\n', 'Plan.canvas': canvas([card('t', { type: 'text', text: 'hi' })]) });
    const model = await buildGarden({ garden: root, noCache: true, layout: false, threads: 1 });
    expect(model.notes.map((n) => n.parsed.path)).toEqual(['Plan.canvas.md']);
    expect(model.attachments.map((f) => f.path)).toEqual(['Plan.canvas']);
    expect(model.diagnostics.filter((d) => d.ruleId === 'invalid-canvas')).toEqual([
      {
        file: 'Plan.canvas',
        line: 1,
        column: 1,
        ruleId: 'invalid-canvas',
        severity: 'warning',
        reason: 'The note `Plan.canvas.md` has the name this canvas would have; the canvas is not drawn as a page',
      },
    ]);
  });

  it('keeps canvases as files in the dev server’s build (it indexes notes only)', async () => {
    const root = makeGarden({ 'A.canvas': canvas([card('t', { type: 'text', text: 'hi' })]), 'Home.md': 'See [[A.canvas]].\n' });
    const model = await buildGarden({ garden: root, noCache: true, layout: false, threads: 1, keepResults: true });
    expect(model.notes.map((n) => n.parsed.id)).toEqual(['Home']);
    expect(model.links.get('Home' as NoteId)![0]!.resolution).toEqual({ kind: 'attachment', path: 'A.canvas' });
  });
});
