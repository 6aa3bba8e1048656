/**
 * Bases in built gardens, through `buildGarden` (scan, compile pool, resolve, assemble): problems
 * placed at their file, line and column (inside a list, inside a `.base` file), a notice instead of
 * the YAML, values that cannot be computed shown as errors and reported, `this` as the note that
 * embeds a `.base` file, and `.base` files as pages that links and embeds reach.
 */
import { describe, expect, it } from 'vitest';
import { buildGarden, type GardenModel } from '../src/build.ts';
import type { Diagnostic } from '../src/shared/types.ts';
import { makeGarden } from './helpers/garden.ts';

async function build(files: Record<string, string>): Promise<GardenModel> {
  return buildGarden({ garden: makeGarden(files), noCache: true, layout: false, threads: 1 });
}
const html = (model: GardenModel, id: string) => model.notes.find((n) => n.parsed.id === id)!.html;
const baseDiagnostics = (model: GardenModel) =>
  model.diagnostics.filter((d: Diagnostic) => d.ruleId.endsWith('-base')).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.reason}`);
const firstCells = (page: string) => [...page.matchAll(/<tr><td>(?:<a [^>]*>)?([^<]*)/g)].map((m) => m[1]);

describe('bases in a built garden', () => {
  it('places problems in a list-indented block and in a .base file, and never shows the YAML', async () => {
    const model = await build({
      'List.md': '- item\n\n  ```base\n  views:\n    - type: table\n      name: T\n      summaries:\n        rating: Average\n  ```\n',
      'Broken.base': 'views:\n  - type: table\n    name: [unclosed\n',
      'Odd.base': 'filters:\n  both: x\nviews:\n  - name: V\n    order: [formula.nope]\n',
    });
    expect(baseDiagnostics(model)).toEqual([
      'Broken.base:4:1 invalid-base This base is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); it is not shown',
      'List.md:7:7 unsupported-base Summaries are not shown by Trellis',
      'Odd.base:2:3 invalid-base `both` is not a filter group: use `and`, `or` or `not`; no view of this base shows rows',
      'Odd.base:4:5 invalid-base There is no formula `nope` in this base; its values are empty',
    ]);
    expect(html(model, 'Broken.base')).toBe(
      '<section class="base-view"><div class="base-notices" role="note"><p class="base-notice">This base is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); it is not shown</p></div></section>',
    );
    expect(html(model, 'List')).toContain('<p class="base-notice">Summaries are not shown by Trellis</p>');
    for (const id of ['List', 'Broken.base', 'Odd.base']) expect(html(model, id)).not.toMatch(/views:|type: table|unclosed|both: x/);
  });

  it('shows a value it cannot compute as an error in its cell, and reports the view', async () => {
    const model = await build({
      'A.md': '---\nprice: 3\n---\n',
      'B.md': '---\nprice: cheap\n---\n',
      'Prices.md':
        '```base\nformulas:\n  double: price * 2\nfilters: file.hasProperty("price")\nviews:\n  - type: table\n    name: Prices\n    order: [file.name, formula.double]\n```\n',
    });
    const page = html(model, 'Prices');
    expect(page).toContain('<td>6</td>');
    expect(page).toContain('<td><span class="base-error" title="Cannot apply `*` to a string and a number">Error</span></td>');
    expect(page).toContain('<p class="base-notice">Some values could not be computed: Cannot apply <code>*</code> to a string and a number</p>');
    expect(baseDiagnostics(model)).toEqual([
      'Prices.md:6:5 invalid-base Some values of the view `Prices` could not be computed: Cannot apply `*` to a string and a number',
    ]);
  });

  it('evaluates this as the note embedding a .base file, which links and embeds reach as a page', async () => {
    const model = await build({
      'Mentions.base':
        'filters: file.hasLink(this.file)\nviews:\n  - type: table\n    name: Linking here\n    sort:\n      - property: file.name\n        direction: DESC\n',
      'Alpha.md': 'Who links here: ![[Mentions.base]] and [[Mentions.base|the base]].',
      'Beta.md': 'About [[Alpha]] and [[Gamma]].',
      'Gamma.md': 'Who links here: ![[Mentions.base]]',
      'Delta.md': 'Also [[Alpha]].',
      'Draft.md': '---\npublish: false\n---\nAbout [[Alpha]].',
    });
    expect(firstCells(html(model, 'Alpha'))).toEqual(['Delta', 'Beta']);
    expect(firstCells(html(model, 'Gamma'))).toEqual(['Beta']);
    expect(html(model, 'Alpha')).toContain('<a href="/mentions.base/" class="internal" data-note="Mentions.base">the base</a>');
    // On its own page, `this` is the base file, which the two notes embedding it link to.
    expect(firstCells(html(model, 'Mentions.base'))).toEqual(['Gamma', 'Alpha']);
    expect(model.links.get('Gamma' as never)![0]!.resolution).toMatchObject({ kind: 'note', target: 'Mentions.base' });
    expect(baseDiagnostics(model)).toEqual([]);
  });

  it('leaves a .base file as an attachment when a note has its name, and checks but never draws an unpublished note’s base', async () => {
    const model = await build({
      'Plan.base.md': 'A note.',
      'Plan.base': 'views:\n  - type: table\n    name: T\n',
      'Hidden.md': '---\npublish: false\n---\n```base\nfilters: nope(\n```\n',
    });
    expect(model.notes.map((n) => n.parsed.id).sort()).toEqual(['Hidden', 'Plan.base']);
    expect(model.attachments.map((a) => a.path)).toEqual(['Plan.base']);
    // The unpublished note's base is checked (as its links are), never drawn.
    expect(model.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.reason}`)).toEqual([
      'Hidden.md:5:15 invalid-base This expression is not valid: Expected a value but the expression ends; no view of this base shows rows',
      'Plan.base:1:1 invalid-base The note `Plan.base.md` has the name this base would have; the base is not drawn as a page',
    ]);
  });
});
