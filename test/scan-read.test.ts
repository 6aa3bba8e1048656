/**
 * The scan reads the notes its kept scan does not know with synchronous reads (src/scan/index.ts):
 * each note's content and hash as read, and a note that cannot be read (here: removed between the
 * walk and the read) a warning at its path while the rest of the garden is scanned.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { scanGarden } from '../src/scan/index.ts';
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
});
