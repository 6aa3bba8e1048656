/**
 * Integration: build the real Obsidian vault test/fixtures/obsidian-tasks-docs (vendored, MIT)
 * (118 notes, every link resolvable in Obsidian) and check the site.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGarden, type GardenModel } from '../src/build.ts';
import { emitSite } from '../src/emit/index.ts';
import type { GraphJson, NoteData } from '../src/shared/types.ts';
import { tasksVault, tempDir } from './helpers/garden.ts';

let model: GardenModel;
let out: string;

beforeAll(async () => {
  model = await buildGarden({ garden: tasksVault, noCache: true });
  out = path.join(tempDir(), 'dist');
  await emitSite(model, { out, site: { title: 'Tasks', basePath: '/' } });
}, 120_000);

const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');

describe('obsidian-tasks-docs', () => {
  it('reads all 118 notes and its one base (docs pages.base, a page of its own), 2 of them unpublished', () => {
    expect(model.report.notes).toBe(119);
    expect(model.notes.some((n) => n.parsed.path === 'docs pages.base' && n.publish)).toBe(true);
    expect(
      model.notes
        .filter((n) => !n.publish)
        .map((n) => n.parsed.path)
        .sort(),
    ).toEqual(['README.md', 'migration.md']);
  });

  it('resolves every link and anchor', () => {
    expect(model.report.links).toBeGreaterThanOrEqual(1134);
    // The one broken link is a template's placeholder image, which Obsidian shows unresolved too.
    const placeholder = { source: '_meta/templates/image embed.md', line: 4, column: 1, target: '../images/insert-filename-here.png' };
    expect(model.report.broken).toEqual([placeholder]);
    expect(model.report.brokenAnchors).toEqual([]);
    expect(model.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.file}:${d.line}: ${d.ruleId}`)).toEqual([
      '_meta/templates/image embed.md:4: missing-attachment',
    ]);
  });

  it('transcludes the 26 note embeds', () => {
    const embeds = [...model.links.values()].flat().filter((l) => l.ref.kind === 'embed' && l.resolution.kind === 'note');
    expect(embeds).toHaveLength(26);
    const html = model.notes.map((n) => n.html).join('\n');
    expect(html.match(/class="transclusion"/g)).toHaveLength(26);
    // A heading embed shows that section's text, not the whole note.
    const dates = model.notes.find((n) => n.parsed.path === 'Getting Started/Dates.md')!;
    const limitations = model.notes.find((n) => /Known Limitations\.md$/.test(n.parsed.path))!;
    expect(limitations.html).toContain('data-note="Getting Started/Dates"');
    expect(dates.html).not.toContain('class="transclusion"');
  });

  it('lists backlinks of Editing/Create or edit Task.md with their paragraph', () => {
    const data = JSON.parse(read('editing/create-or-edit-task/index.json')) as NoteData;
    const sources = new Set(data.backlinks.map((b) => b.source));
    expect(sources.has('Editing/About Editing' as never)).toBe(true);
    expect(sources.has('Advanced/Tasks Api' as never)).toBe(true);
    expect(sources.size).toBeGreaterThanOrEqual(10);
    const api = data.backlinks.find((b) => b.source === 'Advanced/Tasks Api')!;
    expect(api.context).toContain('This method opens the Tasks Create or edit task UI');
    expect(api.context.slice(...api.highlight!)).toBe('Create or edit task UI');
    // The page itself shows them without JavaScript.
    const page = read('editing/create-or-edit-task/index.html');
    expect(page).toMatch(/aria-label="Backlinks"/);
    expect(page).toContain('/advanced/tasks-api/');
  });

  it('writes redirect pages for aliases', () => {
    // Editing/Create or edit Task.md has the alias "Getting Started/Create or edit Task".
    const redirect = read('getting-started/create-or-edit-task/index.html');
    expect(redirect).toContain('url=/editing/create-or-edit-task/');
  });

  it('renders callouts, foldable ones as <details>', () => {
    const html = model.notes.map((n) => n.html).join('\n');
    expect(html).toMatch(/<div class="callout" data-callout="important">/);
    expect(html).toMatch(/<details class="callout" data-callout="[a-z]+" data-callout-fold="-">/);
  });

  it('handles the escaped pipe of wiki-links inside tables', () => {
    // Queries/Layout.md: | [[#Hide and Show Tree\|Tree]] |
    const layout = model.notes.find((n) => n.parsed.path === 'Queries/Layout.md')!;
    expect(layout.html).toMatch(/<td[^>]*><a href="#hide-and-show-tree" class="internal self">Tree<\/a><\/td>/);
    const styling = model.notes.find((n) => n.parsed.path === 'Advanced/Styling.md')!;
    expect(styling.html).toContain('>backlink</a>');
  });

  it('renders links to unpublished notes as plain text and leaves them out of the site', () => {
    expect(existsSync(path.join(out, 'migration/index.html'))).toBe(false);
    const graph = JSON.parse(read('graph.json')) as GraphJson;
    expect(graph.version).toBe(1);
    expect(graph.notes).toHaveLength(117);
    expect(graph.notes.some((n) => n.path === 'migration.md')).toBe(false);
    const ids = new Set(graph.notes.map((n) => n.id));
    for (const l of graph.links) {
      expect(ids.has(l.source) && ids.has(l.target)).toBe(true);
      expect(l.source).not.toBe(l.target);
    }
    const keys = graph.links.map((l) => `${l.source}|${l.target}|${l.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('copies attachments and embeds images', () => {
    expect(existsSync(path.join(out, 'images/tasks_grouped.png'))).toBe(true);
    expect(model.notes.map((n) => n.html).join('')).toMatch(/<img src="\/images\/[^"]+\.png"/);
  });
});
