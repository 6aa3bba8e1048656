/**
 * The reading app's files in a site (`dist/_app/`), copied from the cached bundle (src/emit/app-bundle.ts):
 * a build over the previous site keeps them by the bundle file's path (the bundle's folder is named by the
 * fingerprint of its sources), without reading them, and makes again one removed by hand.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBuildRecord } from '../src/emit/build-record.ts';
import { readOutputManifest } from '../src/incremental/output-manifest.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { build } from './helpers/site-diff.ts';

/** Every file below `dir`, relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("the app's files in a site", () => {
  afterEach(() => void vi.unstubAllEnvs());

  it('are kept by their bundle path over the previous site, and one removed by hand is copied again', () => {
    const garden = makeGarden({ 'A.md': '# A\n\nSee [[B]].\n', 'B.md': '# B\n\nThe target.\n' });
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    build(garden, out, cache);
    const app = filesBelow(path.join(out, '_app'));
    expect(app.some((f) => f.endsWith('.js'))).toBe(true);
    const bytes = new Map(app.map((f) => [f, readFileSync(path.join(out, '_app', f))]));

    // Another note changes: the app's files are the previous site's, recorded by key.
    const edit = path.join(garden, 'B.md');
    writeFileSync(edit, '# B\n\nThe target, edited.\n');
    build(garden, out, cache);
    // What the build recorded of its files (kept beside the cache it was given).
    vi.stubEnv('TRELLIS_CACHE_DIR', cache);
    const kept = readOutputManifest(garden, out, readBuildRecord(out)!.fingerprint)!;
    for (const f of app) expect(kept.files.get(`_app/${f}`), f).toMatch(/^key:app:/);
    expect(filesBelow(path.join(out, '_app'))).toEqual(app);

    // A file of the app removed from the site by hand is made again, with the bundle's bytes.
    const gone = app.find((f) => f.endsWith('.js'))!;
    rmSync(path.join(out, '_app', gone));
    writeFileSync(edit, '# B\n\nThe target, edited again.\n');
    build(garden, out, cache);
    expect(filesBelow(path.join(out, '_app'))).toEqual(app);
    for (const f of app) expect(readFileSync(path.join(out, '_app', f)).equals(bytes.get(f)!), f).toBe(true);
  }, 120_000);
});
