/**
 * Write the fixture garden as a complete site (pages, index.json, graph.json, local graphs,
 * search files, the app bundle) into test/.tmp/web-fixture/, the way the
 * builder's emitter does, using the real page templates and app bundle.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAppBundle } from '../../src/emit/app-bundle.ts';
import { graphPageFiles } from '../../src/emit/graph-page-files.ts';
import { renderListPage, renderNotePage, renderRedirectPage } from '../../src/shared/templates/page-template.ts';
import { buildSearchIndex } from '../../src/search/index.ts';
import { explorerFiles } from '../../src/emit/explorer-files.ts';
import type { AppAssets, ListPage, SiteInfo, Slug } from '../../src/shared/types.ts';
import { fixtureGraph, fixtureNotes } from './fixture-notes.ts';
import { indexNeighbourhoods } from '../../src/graph/neighbourhood.ts';
import { localGraphFileName } from '../../src/shared/local-graph.ts';

/** Where fixture sites are written, one subfolder per test file so test files can run in parallel. */
export const fixtureRoot = fileURLToPath(new URL('../.tmp/web-fixture/', import.meta.url));

/** The fixture's site settings. */
export const fixtureSite: SiteInfo = { title: 'Fixture Garden', basePath: '/', description: 'A small garden for tests.' };

/** Build the app bundle (cached) and write the fixture site to `fixtureRoot/<name>/`; returns its folder and the app's asset URLs. */
export async function buildFixtureSite(name: string): Promise<{ dir: string; assets: AppAssets }> {
  const app = await ensureAppBundle();
  const fixtureDir = path.join(fixtureRoot, name);
  await rm(fixtureDir, { recursive: true, force: true });
  await mkdir(fixtureDir, { recursive: true });
  const write = async (file: string, contents: string | Uint8Array): Promise<void> => {
    const full = path.join(fixtureDir, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, contents);
  };
  for (const note of fixtureNotes) {
    const dir = note.url.slice(1);
    await write(dir + 'index.html', renderNotePage(note, fixtureSite, app.assets));
    await write(dir + 'index.json', JSON.stringify(note));
  }
  await write('raft/index.html', renderRedirectPage('/distributed-systems/raft/' as Slug, fixtureSite));
  for (const page of listPages()) {
    const file = page.kind === 'not-found' ? '404.html' : page.url.slice(1) + 'index.html';
    await write(file, renderListPage(page, fixtureSite, app.assets));
  }
  await write('graph.json', JSON.stringify(fixtureGraph));
  for (const [file, text] of Object.entries(graphPageFiles(fixtureGraph))) await write(file, text);
  for (const [file, text] of explorerFiles(fixtureNotes)) await write(file, text);
  const neighbourhoodOf = indexNeighbourhoods(fixtureGraph);
  for (const n of fixtureGraph.notes) await write(n.url.slice(1) + localGraphFileName, JSON.stringify(neighbourhoodOf(n.id)));
  const docs = fixtureNotes.map((n) => ({
    id: n.id,
    url: n.url,
    title: n.title,
    aliases: n.aliases,
    headings: n.headings.map((h) => ({ text: h.text, id: h.id })),
    tags: n.tags,
    body: n.html.replace(/<[^>]+>/g, ' '),
  }));
  for (const file of buildSearchIndex(docs).files) await write(file.path, file.contents);
  await cp(app.dir, path.join(fixtureDir, '_app'), { recursive: true });
  return { dir: fixtureDir, assets: app.assets };
}

function listPages(): ListPage[] {
  const items = fixtureNotes.map((n) => ({ title: n.title, url: n.url, ...(n.frontmatter.description ? { description: n.frontmatter.description } : {}) }));
  const byTitle = [...items].sort((a, b) => a.title.localeCompare(b.title));
  return [
    { kind: 'start', url: '/' as Slug, title: 'Start here', introHtml: '<p>Welcome to the fixture garden.</p>', sections: [{ title: 'Entry points', items }] },
    { kind: 'search', url: '/search/' as Slug, title: 'All notes', sections: [{ title: `${items.length} notes`, items: byTitle }] },
    { kind: 'graph', url: '/graph/' as Slug, title: 'Graph', sections: [{ title: 'Notes', items: byTitle }] },
    {
      kind: 'tags',
      url: '/tags/' as Slug,
      title: 'Tags',
      sections: [{ title: 'All tags', items: [{ title: '#consensus', url: '/tags/consensus/' as Slug, count: 2 }] }],
    },
    { kind: 'tag', url: '/tags/consensus/' as Slug, title: '#consensus', sections: [{ title: 'Notes', items: byTitle.slice(0, 2) }] },
    { kind: 'not-found', url: '/404/' as Slug, title: 'Page not found', sections: [{ title: 'Recently tended', items }] },
  ];
}
