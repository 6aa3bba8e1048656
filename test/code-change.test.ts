/**
 * A change to a module both the builder and the app use reaches both outputs
 * through the real command line: a copy of the project has the backlinks
 * template (src/shared/templates/render-backlinks.ts) changed, and `bin/trellis.js build`
 * must then write prerendered pages and an app bundle that both carry the
 * change. Nothing is listed by hand, so this fails if either key misses a file.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGarden } from './helpers/garden.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
let copy: string;
let garden: string;

beforeAll(async () => {
  copy = await mkdtemp(path.join(os.tmpdir(), 'trellis-project-'));
  for (const entry of ['src', 'web', 'bin', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json']) {
    await cp(path.join(projectRoot, entry), path.join(copy, entry), { recursive: true });
  }
  // The copy's own node_modules links each package but has its own .cache, so its compiled CLI and
  // app bundle never replace the project's (both caches delete older builds).
  await mkdir(path.join(copy, 'node_modules'));
  for (const name of await readdir(path.join(projectRoot, 'node_modules'))) {
    if (name !== '.cache') await symlink(path.join(projectRoot, 'node_modules', name), path.join(copy, 'node_modules', name));
  }
  garden = makeGarden({ 'A.md': '# A\n\nSee [[B]].\n', 'B.md': '# B\n\nThe target.\n' });
}, 60_000);

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
  if (garden) await rm(garden, { recursive: true, force: true });
});

/** Build the garden with the copy's command line; returns B's page and the text of the app's scripts. */
async function build(out: string): Promise<{ page: string; app: string }> {
  await promisify(execFile)(process.execPath, [path.join(copy, 'bin/trellis.js'), 'build', garden, '--out', out, '--quiet'], {
    cwd: copy,
    env: { ...process.env, TRELLIS_CACHE_DIR: path.join(copy, 'build-cache'), TRELLIS_FROM_SOURCE: '' },
  });
  const page = await readFile(path.join(out, 'b/index.html'), 'utf8');
  const assets = path.join(out, '_app/assets');
  const scripts = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  const app = (await Promise.all(scripts.map((f) => readFile(path.join(assets, f), 'utf8')))).join('\n');
  return { page, app };
}

describe('a change to a template shared by the builder and the app', () => {
  it('reaches both the prerendered pages and the app bundle through bin/trellis.js', async () => {
    const before = await build(path.join(copy, 'dist-1'));
    expect(before.page).toContain('<h2 class="backlinks-title">Backlinks');
    expect(before.app).not.toContain('Linked from');

    const template = path.join(copy, 'src/shared/templates/render-backlinks.ts');
    const source = await readFile(template, 'utf8');
    expect(source).toContain('<h2 class="backlinks-title">Backlinks');
    await writeFile(template, source.replace('<h2 class="backlinks-title">Backlinks', '<h2 class="backlinks-title">Linked from'));

    const after = await build(path.join(copy, 'dist-2'));
    expect(after.page).toContain('<h2 class="backlinks-title">Linked from');
    expect(after.app).toContain('Linked from');
  }, 300_000);
});
