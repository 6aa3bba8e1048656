import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBundle, toAssets } from '../src/emit/app-bundle.ts';
import { renderNotePage } from '../src/shared/templates/page-template.ts';
import type { AppAssets, Backlink, NoteId, Slug } from '../src/shared/types.ts';
import { fixtureNotes } from './browser/fixture-notes.ts';

const budget = 120 * 1024;

describe('ensureAppBundle', () => {
  let bundle: { dir: string; assets: AppAssets };
  beforeAll(async () => {
    bundle = await ensureAppBundle();
  }, 300_000);

  it('returns asset URLs under /_app/ that exist in the returned folder', async () => {
    const { assets, dir } = bundle;
    expect(assets.scripts).toHaveLength(1);
    expect(assets.styles.length).toBeGreaterThan(0);
    expect(assets.mathStyles).toHaveLength(1);
    for (const url of [...assets.scripts, ...assets.styles, ...(assets.preload ?? []), ...(assets.mathStyles ?? [])]) {
      expect(url.startsWith('/_app/')).toBe(true);
      expect((await stat(path.join(dir, url.slice('/_app/'.length)))).isFile()).toBe(true);
    }
  });

  it('reuses the cached build while the sources are unchanged', async () => {
    const stamp = path.join(bundle.dir, '..', 'assets.json');
    const before = (await stat(stamp)).mtimeMs;
    const again = await ensureAppBundle();
    expect(again).toEqual(bundle);
    expect((await stat(stamp)).mtimeMs).toBe(before);
  });

  it('keeps the first load of a note page under 120 KB gzipped, even for a hub with thousands of backlinks', async () => {
    const hub = { ...fixtureNotes[0]!, backlinks: Array.from({ length: 5000 }, (_, i) => makeBacklink(i)) };
    const html = renderNotePage(hub, { title: 'Garden', basePath: '/' }, bundle.assets);
    const files = [...bundle.assets.scripts, ...bundle.assets.styles, ...(bundle.assets.preload ?? [])];
    let total = gzipSync(html).length;
    for (const url of files) total += gzipSync(await readFile(path.join(bundle.dir, url.slice('/_app/'.length)))).length;
    expect(total).toBeLessThan(budget);
  });

  it('keeps sigma, graphology, the search index, mermaid and KaTeX out of the first load', async () => {
    const files = [...bundle.assets.scripts, ...(bundle.assets.preload ?? [])];
    const code = (await Promise.all(files.map((url) => readFile(path.join(bundle.dir, url.slice('/_app/'.length)), 'utf8')))).join('\n');
    expect(code).toContain('garden-app');
    expect(code).not.toContain('Lit is in dev mode');
    for (const marker of ['Sigma: ', 'graphology', 'flexsearch', 'mermaid.initialize', 'KaTeX']) expect(code).not.toContain(marker);
    const all = await readdir(path.join(bundle.dir, 'assets'));
    expect(all.some((f) => f.startsWith('render-mermaid'))).toBe(true);
  });
});

describe('toAssets', () => {
  it('turns a Vite manifest into the entry script, its CSS, its static chunks and the KaTeX stylesheet', () => {
    const assets = toAssets({
      'web/main.ts': { file: 'assets/main-1.js', name: 'main', isEntry: true, imports: ['_shared.js'], css: ['assets/main-1.css'] },
      '_shared.js': { file: 'assets/shared-2.js', imports: ['web/main.ts'], css: ['assets/shared-2.css'] },
      'web/components/garden-graph-view.ts': { file: 'assets/graph-3.js', imports: ['_shared.js'] },
      'node_modules/katex/dist/katex.min.css': { file: 'assets/katex-4.css', name: 'katex', isEntry: true },
    });
    expect(assets).toEqual({
      scripts: ['/_app/assets/main-1.js'],
      styles: ['/_app/assets/main-1.css', '/_app/assets/shared-2.css'],
      preload: ['/_app/assets/shared-2.js', '/_app/assets/main-1.js'],
      mathStyles: ['/_app/assets/katex-4.css'],
    });
  });

  it('fails with a hint when the manifest has no entry', () => {
    expect(() => toAssets({})).toThrow(/rolldownOptions.input/);
  });
});

function makeBacklink(i: number): Backlink {
  const context = `Note ${i} mentions Raft in a paragraph long enough to look like a real one, with a few more words around it.`;
  return {
    source: `Note ${i}` as NoteId,
    title: `Note ${i}`,
    url: `/note-${i}/` as Slug,
    kind: 'link',
    context,
    highlight: [context.indexOf('Raft'), context.indexOf('Raft') + 4],
  };
}
