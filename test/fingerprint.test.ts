/**
 * The key of the compiled CLI and of the app bundle (src/fingerprint.mjs): a hash of every code file
 * that must change with any file it covers, and only with those.
 */
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFiles, fingerprintCode, hashFiles, listSources } from '../src/fingerprint.mjs';
import { makeGarden } from './helpers/garden.ts';

/** A small project folder: code, a test, prose, app code and styles, the CLI's launcher, configs and a lockfile. */
function project(): string {
  return makeGarden({
    'src/a.ts': 'export const a = 1;',
    'src/stage/b.mjs': 'export const b = 2;',
    'src/stage/b.test.ts': 'test',
    'src/notes.md': 'not code',
    'web/search/lib/encode.ts': 'export {}',
    'web/lib/render-backlinks.ts': 'export {}',
    'web/styles/base.css': 'body {}',
    'web/README.md': 'prose',
    'bin/trellis.js': '',
    'vite.config.ts': 'export default {}',
    'package-lock.json': '{}',
  });
}

describe('fingerprint', () => {
  it('lists sources below a folder without tests, filtered by name, and nothing for a missing folder', () => {
    const root = project();
    const rel = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
    expect(rel(listSources(path.join(root, 'src')))).toEqual(['src/a.ts', 'src/notes.md', 'src/stage/b.mjs']);
    expect(rel(listSources(path.join(root, 'src'), (name) => name.endsWith('.ts')))).toEqual(['src/a.ts']);
    expect(listSources(path.join(root, 'nowhere'))).toEqual([]);
  });

  it('changes with the code, its paths and the lockfile, and not with tests or other files', () => {
    const root = project();
    const first = fingerprintCode(root);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprintCode(root)).toBe(first);
    writeFileSync(path.join(root, 'src/stage/b.test.ts'), 'another test');
    writeFileSync(path.join(root, 'src/notes.md'), 'other prose');
    expect(fingerprintCode(root)).toBe(first);
    writeFileSync(path.join(root, 'src/stage/b.mjs'), 'export const b = 3;');
    const second = fingerprintCode(root);
    expect(second).not.toBe(first);
    // Any app file counts, whichever side imports it: a template shared by the pages and the app, a style.
    let last = second;
    for (const [file, text] of [
      ['web/search/lib/encode.ts', 'export const x = 0;'],
      ['web/lib/render-backlinks.ts', 'export const y = 0;'],
      ['web/styles/base.css', 'body { margin: 0 }'],
      ['bin/trellis.js', '// launcher'],
      ['vite.config.ts', 'export default { base: "./" }'],
    ]) {
      writeFileSync(path.join(root, file!), text!);
      const next = fingerprintCode(root);
      expect(next, file).not.toBe(last);
      last = next;
    }
    writeFileSync(path.join(root, 'web/README.md'), 'other prose');
    expect(fingerprintCode(root)).toBe(last);
    rmSync(path.join(root, 'package-lock.json'));
    expect(fingerprintCode(root)).not.toBe(last);
  });

  it("is kept with its files' stamps once they are settled, and made again when a file changes, even to the same size and time", async () => {
    const root = project();
    const kept = path.join(root, 'node_modules', '.cache', 'trellis-cli', 'code-stamps.json');
    const hashed = () => hashFiles(root, codeFiles(root)).slice(0, 32);
    // A file's modification time a whole second, which a change can then be given back exactly (below).
    const file = path.join(root, 'src/stage/b.mjs');
    const round = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(file, round, round);
    // Files changed a moment ago: hashed, not kept (a change within the file system's time resolution would keep a stamp).
    const first = fingerprintCode(root);
    expect(first).toBe(hashed());
    expect(existsSync(kept)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    expect(fingerprintCode(root)).toBe(first);
    expect(existsSync(kept)).toBe(true);
    // What is kept is what a run reads while no stamp changes: planted, it is returned as it is, nothing hashed.
    const plantAs = (fingerprint: string) => writeFileSync(kept, JSON.stringify({ ...(JSON.parse(readFileSync(kept, 'utf8')) as object), fingerprint }));
    // One not of a fingerprint's form (it names the compiled CLI's folder) is not taken: the code is hashed.
    plantAs('../../elsewhere');
    expect(fingerprintCode(root)).toBe(first);
    const planted = 'f'.repeat(32);
    const plant = () => plantAs(planted);
    plant();
    expect(fingerprintCode(root)).toBe(planted);
    // A change to the same size, its modification time put back: only its change time differs, and the code is hashed again.
    const before = statSync(file);
    writeFileSync(file, 'export const b = 9;');
    utimesSync(file, round, round);
    expect([statSync(file).size, statSync(file).mtimeMs, statSync(file).ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    const changed = fingerprintCode(root);
    expect(changed).toBe(hashed());
    expect(changed).not.toBe(first);
    // A file added, or one gone: the list of stamps differs.
    await new Promise((resolve) => setTimeout(resolve, 3100));
    expect(fingerprintCode(root)).toBe(changed);
    plant();
    writeFileSync(path.join(root, 'src/c.ts'), 'export const c = 3;');
    expect(fingerprintCode(root)).toBe(hashed());
    rmSync(path.join(root, 'src/c.ts'));
    expect(fingerprintCode(root)).toBe(planted); // the stamps planted with it, as before the file came
    rmSync(path.join(root, 'web/styles/base.css'));
    expect(fingerprintCode(root)).toBe(hashed());
    expect(hashed()).not.toBe(changed);
  });

  it('hashes files by path and bytes in path order, a missing one as missing', () => {
    const root = project();
    const a = path.join(root, 'src/a.ts');
    const b = path.join(root, 'src/stage/b.mjs');
    const gone = path.join(root, 'gone.ts');
    expect(hashFiles(root, [a, b])).toBe(hashFiles(root, [b, a]));
    const withMissing = hashFiles(root, [a, b, gone]);
    expect(withMissing).not.toBe(hashFiles(root, [a, b]));
    writeFileSync(gone, 'export {}');
    expect(hashFiles(root, [a, b, gone])).not.toBe(withMissing);
  });
});
