/**
 * The keys of the compiled CLI and of the app bundle (src/fingerprint.mjs): a hash of source files
 * that must change with any file it covers, and only with those.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintCode, hashFiles, listSources } from '../src/fingerprint.mjs';
import { makeGarden } from './helpers/garden.ts';

/** A small project folder: code, a test, prose, the search encoder and a lockfile. */
function project(): string {
  return makeGarden({
    'src/a.ts': 'export const a = 1;',
    'src/stage/b.mjs': 'export const b = 2;',
    'src/stage/b.test.ts': 'test',
    'src/notes.md': 'not code',
    'web/search/lib/encode.ts': 'export {}',
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
    writeFileSync(path.join(root, 'web/search/lib/encode.ts'), 'export const x = 0;');
    const third = fingerprintCode(root);
    expect(third).not.toBe(second);
    rmSync(path.join(root, 'package-lock.json'));
    expect(fingerprintCode(root)).not.toBe(third);
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
