/**
 * The scan reads the notes its kept scan does not know with synchronous reads (src/scan/index.ts),
 * and, once its first reads were slow (from the disk, not the page cache), the rest many at a time:
 * each note's content and hash as read either way, and a note that cannot be read (here: removed
 * between the walk and the read) a warning at its path while the rest of the garden is scanned.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { scanGarden, type ReadProbe } from '../src/scan/index.ts';
import { statedWalk } from '../src/scan/walk.ts';
import { ruleIds } from '../src/constants.ts';
import { makeGarden } from './helpers/garden.ts';

describe('reading notes in the scan', () => {
  const files = {
    'A.md': '# A\n\nLinks to [[B]].\n',
    'sub/B.md': '---\npublish: true\n---\nBody of B with ünïcode.\n',
    'C.md': 'C, to be removed before it is read.\n',
    'D.md': '\uFEFFD with a byte-order mark.\n',
  };

  it('reads each note as its bytes say, and warns at a note that cannot be read while the others scan', async () => {
    const garden = makeGarden(files);
    const walked = await statedWalk(garden);
    // Removed after the walk listed and stat'ed it: the read fails.
    rmSync(path.join(garden, 'C.md'));
    const scan = await scanGarden(garden, { walked });
    const byPath = new Map<string, (typeof scan.notes)[number]>(scan.notes.map((n) => [n.path, n]));
    expect([...byPath.keys()].sort()).toEqual(['A.md', 'D.md', 'sub/B.md']);
    for (const p of ['A.md', 'sub/B.md', 'D.md'] as const)
      expect(byPath.get(p)!.hash).toBe(createHash('sha256').update(Buffer.from(files[p], 'utf8')).digest('hex'));
    expect(byPath.get('D.md')!.content.text).toBe('D with a byte-order mark.\n');
    const unreadable = scan.diagnostics.filter((d) => d.ruleId === ruleIds.unreadable);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({ file: 'C.md', line: 1, column: 1, severity: 'warning' });
    expect(unreadable[0]!.reason).toMatch(/Cannot read note: .*ENOENT/);
  });

  it('reads the same notes, in the same order, when it switches to many reads at a time', async () => {
    const many: Record<string, string | Uint8Array> = {
      'gone.md': 'Removed before it is read.\n',
      'zz/gone too.md': 'Removed too.\n',
      'binary.md': new Uint8Array([0, 1, 2, 0, 255]),
    };
    for (let i = 0; i < 150; i++)
      many[`${i % 3 === 0 ? 'deep/' : ''}Note ${i}.md`] = `---\ntags: [t${i % 4}]\n---\n# Note ${i}\n\nAbout [[Note ${(i + 1) % 150}]], é ${'x'.repeat(i)}.\n`;
    const garden = makeGarden(many);
    const walked = await statedWalk(garden);
    rmSync(path.join(garden, 'gone.md'));
    rmSync(path.join(garden, 'zz/gone too.md'));
    const scanWith = async (readProbe: ReadProbe) => {
      const scan = await scanGarden(garden, { walked, readProbe });
      return {
        notes: scan.notes.map((n) => [n.path, n.hash, n.size, n.mtimeMs, n.url, n.content.text]),
        diagnostics: scan.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.reason}`),
      };
    };
    // Every read synchronous; the first two, then the rest in flight; every read in flight.
    const oneByOne = await scanWith({ reads: Infinity, slowMs: 0 });
    expect(oneByOne.notes).toHaveLength(150);
    const unreadable = oneByOne.diagnostics.filter((d) => d.includes('ENOENT'));
    expect(unreadable.map((d) => d.split(':')[0])).toEqual(['gone.md', 'zz/gone too.md']);
    expect(await scanWith({ reads: 2, slowMs: 0 })).toEqual(oneByOne);
    expect(await scanWith({ reads: 0, slowMs: 0 })).toEqual(oneByOne);
  });
});
