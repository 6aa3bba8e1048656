/**
 * Obsidian Bases through the real command line: the fixture garden test/fixtures/bases (books and
 * people with properties and tags in folders, an unpublished book, `Library.base` with a filtered
 * and sorted table, cards with covers and a grouped table, ```` ```base ```` blocks with `or`/`not`
 * filters, `this`, an unsupported function and view type, and hostile values) is built and checked,
 * and the pages it writes are read back: the rows and cards in order, the notices, the diagnostics
 * at their file, line and column, and never the YAML.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NoteData } from '../src/shared/types.ts';
import { tempDir } from './helpers/garden.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const fixture = path.join(projectRoot, 'test/fixtures/bases/garden');
const bin = path.join(projectRoot, 'bin/trellis.js');
const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() } });

let out: string;
let stdout: string;
let stderr: string;
const page = (rel: string) => readFileSync(path.join(out, rel), 'utf8');
const body = (rel: string) => {
  const html = page(rel);
  return html.slice(html.indexOf('<div class="note-body">'), html.indexOf('<section class="backlinks"'));
};
function doc(rel: string): Document {
  const window = new Window({ url: 'https://example.org/' });
  window.document.write(page(rel));
  return window.document as unknown as Document;
}
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent?.trim() ?? '');
/** Each body row of a view's table as its cells' text. */
const rows = (view: Element) => [...view.querySelectorAll('tbody tr:not(.base-group-heading)')].map((tr) => texts(tr, 'td'));
const views = (d: Document) => [...d.querySelectorAll('main .base-view')];

beforeAll(() => {
  out = path.join(tempDir(), 'dist');
  const r = run(['build', fixture, '--out', out, '--no-cache']);
  expect(r.status).toBe(0);
  stdout = r.stdout;
  stderr = r.stderr;
}, 180_000);

describe('a garden with bases, built', () => {
  it('reports what a base asks for and Trellis does not show, at its file, line and column', () => {
    const at = (file: string, rest: string) => `${path.join('test/fixtures/bases/garden', file)}:${rest}`;
    expect(
      stderr
        .split('\n')
        .filter((l) => l.includes('-base]'))
        .map((l) => l.trim()),
    ).toEqual([
      at(
        'Reading.md',
        '28:24: warning: `.matches()` is not supported by Trellis: regular expressions are not supported; no view of this base shows rows [unsupported-base]',
      ),
      at('Reading.md', '32:11: warning: `map` views are not drawn by Trellis; this view is shown as a table [unsupported-base]'),
    ]);
    expect(stdout).toMatch(/^13 notes, 8 links, 1 broken/m);
  });

  it('draws a .base file as a page of its views: a table filtered with and, sorted, its headers named', () => {
    const d = doc('library.base/index.html');
    expect(d.title).toMatch(/^Library · /);
    const [finished, shelf, byStatus] = views(d);
    expect(texts(d, 'main h2.base-view-name')).toEqual(['Finished', 'Shelf', 'By status']);
    expect(texts(d, '.toc a')).toEqual(['Finished', 'Shelf', 'By status']);
    expect(texts(finished!, 'thead th')).toEqual(['file name', 'Author', 'rating', 'Stars']);
    // status == "done" and rating >= 3, by rating descending; Dune and Solaris tie, in path order.
    expect(rows(finished!)).toEqual([
      ['Dune', 'Frank Herbert', '5', '★★★★★'],
      ['Solaris', 'Stanisław Lem', '5', '★★★★★'],
      ['Emma', 'Jane Austen', '3', '★★★'],
    ]);
    expect(finished!.querySelector('.base-view-count')?.textContent).toBe('3 results');
    const dune = finished!.querySelector('tbody tr td a')!;
    expect([dune.getAttribute('href'), dune.getAttribute('data-note')]).toEqual(['/books/dune/', 'Books/Dune']);
    // A property link leads where the body's links lead; one to a note not written yet has no href.
    expect(finished!.querySelector('tbody tr td:nth-child(2) a')?.getAttribute('href')).toBe('/people/frank-herbert/');
    expect(finished!.querySelector('a.unresolved')?.hasAttribute('href')).toBe(false);
    // Cards: every book of the Books folder (sub-folders too), by name, with their covers.
    expect(texts(shelf!, '.base-card-title')).toEqual(['Dune', 'Emma', 'Foundation', 'Hyperion', 'Neuromancer', 'Solaris']);
    expect(texts(shelf!.querySelector('.base-card')!, 'dt')).toEqual(['Author', 'status']);
    expect(texts(shelf!.querySelector('.base-card')!, 'dd')).toEqual(['Frank Herbert', 'done']);
    expect(shelf!.querySelector('.base-card-cover img')?.getAttribute('src')).toBe('/Books/covers/dune.png');
    expect(shelf!.querySelectorAll('.base-card-cover')[2]!.querySelector('rect')?.getAttribute('fill')).toBe('#3366aa');
    expect(existsSync(path.join(out, 'Books/covers/dune.png'))).toBe(true);
    // Grouped by status, limited to 5: the count is the limited one.
    expect(texts(byStatus!, '.base-group-heading')).toEqual(['done 4', 'reading 1']);
    expect(rows(byStatus!)).toEqual([
      ['Dune', '412', 'long'],
      ['Emma', '474', 'long'],
      ['Neuromancer', '', 'short'],
      ['Solaris', '204', 'short'],
      ['Foundation', '255', 'short'],
    ]);
    expect(byStatus!.querySelector('.base-view-count')?.textContent).toBe('5 results');
  });

  it('draws ```base blocks in place, with or/not filters, and a notice instead of rows it cannot select', () => {
    const d = doc('reading/index.html');
    const [onTheGo, authors, where] = views(d);
    // status == "reading", or a scifi book (nested tag scifi/space included) not done.
    expect(rows(onTheGo!)).toEqual([
      ['Foundation', 'reading', 'Isaac Asimov'],
      ['Hyperion', 'to-read', 'Dan Simmons'],
    ]);
    expect(onTheGo!.querySelector('.base-view-name')?.tagName).toBe('P');
    // The base's own problem is said once, above its views; a view's own, in the view.
    const second = d.querySelectorAll('main .base')[1]!;
    expect(texts(second, ':scope > .base-notices .base-notice')).toEqual([
      '.matches() is not supported by Trellis: regular expressions are not supported; no view of this base shows rows',
    ]);
    expect(second.querySelector('.base-notice code')?.textContent).toBe('.matches()');
    expect(texts(authors!, '.base-notice')).toEqual([]);
    expect(authors!.querySelector('table, .base-empty')).toBeNull();
    expect(texts(where!, '.base-notice')).toEqual(['map views are not drawn by Trellis; this view is shown as a table']);
    // The text around the blocks is kept, in order.
    expect(texts(d, 'main .note-body > p')).toEqual(['Books on the go:', 'Authors born in the twentieth century:']);
  });

  it('evaluates this as the note showing the base, and embeds a .base file’s views', () => {
    const herbert = doc('people/frank-herbert/index.html');
    expect(texts(herbert, 'main .base-list > li')).toEqual(['Dune5']);
    expect(herbert.querySelector('main .base-list a')?.getAttribute('href')).toBe('/books/dune/');
    const home = doc('index.html');
    const embeds = [...home.querySelectorAll('main .transclusion')];
    expect(embeds.map((e) => e.querySelector('.transclusion-header a')?.getAttribute('href'))).toEqual(['/library.base/#shelf', '/library.base/']);
    // `#Shelf` embeds that view; the whole file embeds its first view only, as Obsidian does.
    expect(texts(embeds[0]!, '.base-view-name')).toEqual(['Shelf']);
    expect(texts(embeds[0]!, '.base-card-title')).toHaveLength(6);
    expect(texts(embeds[1]!, '.base-view-name')).toEqual(['Finished']);
    expect(rows(embeds[1]!.querySelector('.base-view')!).map((r) => r[0])).toEqual(['Dune', 'Solaris', 'Emma']);
    const library = JSON.parse(page('library.base/index.json')) as NoteData;
    expect(library.backlinks.map((b) => [b.source, b.kind, b.context])).toEqual([
      ['Home', 'embed', 'Library.base > Shelf'],
      ['Home', 'embed', 'Library.base'],
    ]);
  });

  it('never shows the YAML, an unpublished note, or markup from a value', () => {
    for (const rel of ['library.base/index.html', 'reading/index.html', 'index.html', 'people/frank-herbert/index.html']) {
      expect(body(rel)).not.toMatch(/filters:|views:|file\.hasTag|order:|Secret/);
      const main = doc(rel).querySelector('main')!;
      expect(main.querySelectorAll('main script, main img[src="x"]')).toHaveLength(0);
      const attributes = [...main.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => [a.name, a.value]));
      expect(attributes.filter(([name, value]) => name!.startsWith('on') || /javascript:/i.test(value!))).toEqual([]);
    }
    expect(existsSync(path.join(out, 'books/secret'))).toBe(false);
    const hostile = views(doc('index.html')).at(-1)!;
    expect(texts(hostile, '.base-view-name')).toEqual(['<b>Hostile</b>']);
    expect(texts(hostile, 'thead th')).toEqual(['file name', '<script>alert(2)</script>', 'bad']);
    expect(rows(hostile)[0]).toEqual(['Frank Herbert', '<img src=x onerror=alert(1)>', 'javascript:alert(3)']);
    expect(hostile.querySelectorAll('a')).toHaveLength(3);
    // Search never indexes a base's YAML either.
    const search = readdirSync(path.join(out, '_search')).map((f) => readFileSync(path.join(out, '_search', f), 'utf8'));
    expect(search.join('')).not.toMatch(/hasTag|matches\(/);
  });

  it('reports base diagnostics in trellis check --json', () => {
    const r = run(['check', fixture, '--json']);
    const report = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; ruleId: string }[] };
    expect(report.diagnostics.filter((d) => d.ruleId.endsWith('-base')).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'Reading.md:28:24 unsupported-base',
      'Reading.md:32:11 unsupported-base',
    ]);
  });
});
