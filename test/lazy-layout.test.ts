/**
 * The layout's packages (graphology-communities-louvain here, with graphology, ForceAtlas2 and PageRank) are loaded by
 * the builder only when a layout is computed (src/graph/index.ts, `layoutOf`), through the real command line: a preload
 * reports, as the process exits, whether the package's module was loaded. A garden this small is laid out on the
 * builder's thread, so a build that computes a layout loads it there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { buildLoading } from './helpers/loaded-package.ts';

const build = (garden: string, out: string, cache: string) => buildLoading('graphology-communities-louvain', garden, out, cache);

describe("the layout's packages, loaded when a layout is computed", () => {
  it('are loaded by a first build and one whose links changed, not by one whose text only changed', () => {
    const garden = makeGarden({
      'A.md': '# A\n\nLinks [[B]].\n',
      'B.md': '# B\n\nLinks [[C]].\n',
      'C.md': '# C\n\nAbout C.\n',
    });
    const out = path.join(tempDir(), 'dist');
    const cache = tempDir();
    expect(build(garden, out, cache)).toMatchObject({ status: 0, loaded: true });
    // Only text changed: the graph and its layout are the previous site's.
    writeFileSync(path.join(garden, 'C.md'), '# C\n\nAbout C, edited.\n');
    expect(build(garden, out, cache)).toMatchObject({ status: 0, loaded: false });
    expect(readFileSync(path.join(out, 'c/index.html'), 'utf8')).toContain('edited');
    // A link added: the layout is computed again.
    writeFileSync(path.join(garden, 'C.md'), '# C\n\nAbout C, edited, and [[A]].\n');
    expect(build(garden, out, cache)).toMatchObject({ status: 0, loaded: true });
  });
});
