/**
 * `trellis dev` follows its configuration over HTTP: a changed title is served
 * at once, a bad file keeps the last good configuration, and a change to
 * `ignore` or to Obsidian's excluded files scans the garden again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden } from './helpers/garden.ts';

let dev: DevServer;
let root: string;

async function get(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(new URL(url, dev.url));
  return { status: res.status, text: await res.text() };
}

/** Wait until `check` holds (file events take a moment to arrive); fails with the last page seen. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const writeConfig = (text: string) => writeFileSync(path.join(root, 'trellis.config.yaml'), text);

beforeAll(async () => {
  root = makeGarden({
    'trellis.config.yaml': 'title: First\n',
    'Home.md': '# Home\n\n[[Other]] and [[Third]].\n',
    'Other.md': '# Other\n\nversion 1\n',
    'Third.md': '# Third\n',
  });
  dev = await startDev({ garden: root, port: await freePort(), settleMs: 50, quiet: true });
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

describe('trellis dev and its configuration', () => {
  it('serves the configured title, and the new one once the file changes', async () => {
    expect((await get('/other/')).text).toContain('<title>Other · First</title>');
    writeConfig('title: Second\nlanguage: fr\n');
    await until(async () => (await get('/other/')).text.includes('<title>Other · Second</title>'), 'the new title');
    expect((await get('/other/')).text).toContain('<html lang="fr">');
  });

  it('keeps the last good configuration while the file is bad', async () => {
    writeConfig('title: Broken\nurl: not a url\n');
    // Changes are applied in order: once this edit is served, the bad file has been read.
    writeFileSync(path.join(root, 'Other.md'), '# Other\n\nversion 2\n');
    await until(async () => (await get('/other/')).text.includes('version 2'), 'the edited note');
    expect((await get('/other/')).text).toContain('<title>Other · Second</title>');
  });

  it("scans the garden again when ignore or Obsidian's excluded files change", async () => {
    writeConfig('title: Third\nignore: [Other.md]\n');
    await until(async () => (await get('/other/')).status === 404, 'the ignored note to go');
    expect((await get('/')).text).toContain('<title>Home · Third</title>');
    expect(dev.state.note('Other.md')).toBeUndefined();
    mkdirSync(path.join(root, '.obsidian'));
    writeFileSync(path.join(root, '.obsidian/app.json'), JSON.stringify({ userIgnoreFilters: ['Third.md'] }));
    await until(async () => (await get('/third/')).status === 404, 'the note Obsidian excludes to go');
    writeConfig('title: Third\n');
    await until(async () => (await get('/other/')).status === 200, 'the note no longer ignored to come back');
    expect((await get('/other/')).text).toContain('version 2');
  });
});
