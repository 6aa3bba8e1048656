/**
 * Temporary files a killed build left beside its cache (src/store/dead-temps.ts), through the CLI: the next build
 * removes those whose writer is gone, and leaves a running process's, another garden's and other files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeGarden, tempDir } from './helpers/garden.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const bin = path.join(projectRoot, 'bin/trellis.js');

describe('temporary files left beside the cache', () => {
  it('are removed by the next build when their process is gone', async () => {
    const cacheRoot = tempDir();
    const garden = makeGarden({ 'A.md': '# A\n\nLinks [[B]].\n', 'B.md': '# B\n' });
    const env = { ...process.env, TRELLIS_CACHE_DIR: cacheRoot };
    const build = () =>
      spawnSync(process.execPath, [bin, 'build', garden, '--out', path.join(tempDir(), 'dist'), '--quiet'], { cwd: projectRoot, encoding: 'utf8', env });
    expect(build().status).toBe(0);
    // The garden's cache folder, as the build named it.
    const previous = process.env.TRELLIS_CACHE_DIR;
    process.env.TRELLIS_CACHE_DIR = cacheRoot;
    const { cacheDir } = await import('../src/store/cache.ts');
    const dir = cacheDir(garden);
    if (previous === undefined) delete process.env.TRELLIS_CACHE_DIR;
    else process.env.TRELLIS_CACHE_DIR = previous;
    expect(existsSync(`${dir}-derived.json`)).toBe(true);
    // A process that has ended: its number is no running process's.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const dead = [`${dir}-derived.json.${gone}.tmp`, `${dir}-search-postings.${gone}.tmp`, `${dir}-model/index.${gone}.tmp`];
    // This test's own process runs; another garden's and other files are not this build's.
    const kept = [`${dir}-scan.${process.pid}.tmp`, path.join(cacheRoot, `0123456789abcdef-derived.json.${gone}.tmp`), `${dir}-notes.txt`];
    mkdirSync(`${dir}-model`, { recursive: true });
    for (const f of [...dead, ...kept]) writeFileSync(f, 'x'.repeat(1000));
    expect(build().status).toBe(0);
    for (const f of dead) expect(existsSync(f), f).toBe(false);
    for (const f of kept) expect(existsSync(f), f).toBe(true);
  });
});
