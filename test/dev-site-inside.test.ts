/**
 * A Trellis site inside the garden while `trellis dev` runs, over real HTTP: the vault as the
 * repository's root, with `trellis build . --out dist` run beside the dev server. Neither the first
 * read of the garden (src/scan/walk.ts) nor the file watcher (src/dev/garden-files.ts) takes the
 * site's files for the garden's attachments.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');
let dev: DevServer | undefined;

afterAll(async () => {
  await dev?.close();
});

/** The dev server's index of attachments (what `![[` completes). */
async function attachments(url: string): Promise<string[]> {
  const res = await fetch(new URL('/_trellis/api/index', url));
  return ((await res.json()) as { attachments: string[] }).attachments;
}

describe('a site built inside the garden while the dev server runs', () => {
  it('is not read as the garden, neither at the start nor as the build writes it', async () => {
    const garden = makeGarden({ 'Raft.md': '# Raft\n\n![[diagram.png]]\n', 'diagram.png': 'not really a png' });
    const build = () =>
      spawnSync(process.execPath, [bin, 'build', '.', '--out', 'dist', '--quiet'], {
        cwd: garden,
        encoding: 'utf8',
        env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() },
      });
    // A site there before the server starts, and one swapped in while it runs.
    expect(build().status).toBe(0);
    dev = await startDev({ garden, port: await freePort(), settleMs: 50, quiet: true });
    expect(await attachments(dev.url)).toEqual(['diagram.png']);
    writeFileSync(path.join(garden, 'Raft.md'), '# Raft\n\nEdited. ![[diagram.png]]\n');
    expect(build().status).toBe(0);
    // The watcher's events for the new site's files have arrived and settled.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await attachments(dev.url)).toEqual(['diagram.png']);
  }, 120_000);
});
