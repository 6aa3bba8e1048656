/**
 * Links are resolved once, by the resolve stage: a compiled note depends on its own text only,
 * so its cached result stays valid when other notes appear or go, and its page still shows links
 * as the garden resolves them now.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGarden, type GardenModel } from '../src/build.ts';
import { makeGarden, useTempCacheDir } from './helpers/garden.ts';

useTempCacheDir();

function page(model: GardenModel, id: string): string {
  return model.notes.find((n) => n.parsed.id === id)!.html;
}

describe('links resolved once', () => {
  it('a cached note shows links to notes and files created after it was compiled', async () => {
    const root = makeGarden({
      'A.md': '# A\n\nSee [[B]] and [the C note](C.md), and ![[pic.png]] and ![diagram](pic.png).\n\n![[B]]\n',
      'C.md': '# C\n\nAbout C.\n',
    });
    const first = await buildGarden({ garden: root, threads: 1 });
    expect(first.cacheHits).toBe(0);
    expect(page(first, 'A')).toContain('data-unresolved="B"');
    expect(page(first, 'A')).toContain('<a href="/c/" class="internal" data-note="C">the C note</a>');
    expect(page(first, 'A')).toContain('<img src="pic.png" alt="diagram" loading="lazy">');
    first.close?.();

    writeFileSync(path.join(root, 'B.md'), '# B\n\nBody of B.\n');
    writeFileSync(path.join(root, 'pic.png'), 'not really a png');
    const second = await buildGarden({ garden: root, threads: 1 });
    // A and C come from the cache although the garden's set of notes changed; only B is compiled.
    expect(second.cacheHits).toBe(2);
    const a = page(second, 'A');
    expect(a).toContain('<a href="/b/" class="internal" data-note="B">B</a>');
    expect(a).toContain('<img src="/pic.png" alt="pic.png" loading="lazy">');
    expect(a).toContain('<img src="/pic.png" alt="diagram" loading="lazy">');
    expect(a).toContain('<div class="transclusion" data-note="B">');
    expect(a).toContain('Body of B.');
    expect(a).not.toContain('unresolved');
    second.close?.();

    rmSync(path.join(root, 'C.md'));
    const third = await buildGarden({ garden: root, threads: 1 });
    expect(third.cacheHits).toBe(2);
    expect(page(third, 'A')).toContain('data-unresolved="C.md"');
    third.close?.();
  }, 120_000);

  it('placeholders a note writes itself are left as text, not filled', async () => {
    const root = makeGarden({
      'A.md': '# A\n\nText <!--trellis-link:0000000000000000:0--> and <!--trellis-embed:abcdef0123456789:0--> then [[B]]\n',
      'B.md': '# B\n',
    });
    const model = await buildGarden({ garden: root, threads: 1 });
    const a = page(model, 'A');
    expect(a).toContain('<!--trellis-link:0000000000000000:0-->');
    expect(a).toContain('<!--trellis-embed:abcdef0123456789:0-->');
    expect(a).toContain('<a href="/b/" class="internal" data-note="B">B</a>');
    model.close?.();
  }, 60_000);
});
