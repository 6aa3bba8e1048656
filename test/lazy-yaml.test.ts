/**
 * The yaml package is loaded by the builder only when something needs YAML (src/load-yaml.ts), through the real
 * command line: a preload reports, as the process exits, whether the package's module was loaded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { buildLoading } from './helpers/loaded-package.ts';

const build = (garden: string, out: string, cache: string) => buildLoading('yaml', garden, out, cache);

describe('the yaml package, loaded when needed', () => {
  it('is not loaded by a build that finds the site up to date, and is by one whose note says `publish: false`', () => {
    const garden = makeGarden({
      'trellis.config.yaml': 'title: Lazy\n',
      'A.md': '# A\n\nLinks [[B]].\n',
      'B.md': '---\ntags: [x]\n---\n# B\n',
    });
    const out = path.join(tempDir(), 'dist');
    const cache = tempDir();
    // The first build validates the configuration (with the yaml package) and keeps it validated.
    expect(build(garden, out, cache)).toMatchObject({ status: 0, loaded: true });
    // Nothing changed; then a note changed whose frontmatter says nothing of publishing: no YAML is parsed on this thread.
    expect(build(garden, out, cache)).toMatchObject({ status: 0, loaded: false });
    writeFileSync(path.join(garden, 'A.md'), '# A\n\nLinks [[B]], edited.\n');
    expect(build(garden, out, cache)).toMatchObject({ status: 0, loaded: false });
    // A note that unpublishes itself: its frontmatter is read here, and its page is gone.
    writeFileSync(path.join(garden, 'B.md'), '---\npublish: false\n---\n# B\n');
    expect(build(garden, out, cache)).toMatchObject({ status: 0, loaded: true });
    expect(() => readFileSync(path.join(out, 'b/index.html'))).toThrow();
    expect(readFileSync(path.join(out, 'a/index.html'), 'utf8')).toContain('edited');
  });
});
