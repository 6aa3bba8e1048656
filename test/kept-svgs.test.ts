/**
 * SVGs cleaned by an earlier build (src/scan/kept-svgs.ts): taken by the hash of their text, so that a
 * build whose SVGs are as before does not load jsdom; a changed SVG is cleaned again, and a site built
 * over the kept ones is the cold build's, byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKeptSvgs, svgKey } from '../src/scan/kept-svgs.ts';
import { sanitizeAttachments } from '../src/scan/sanitize-attachments.ts';
import type { AttachmentFile } from '../src/shared/types.ts';
import { makeGarden, tempDir, useTempCacheDir } from './helpers/garden.ts';
import { build, siteDiff } from './helpers/site-diff.ts';

const drawing = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" onclick="alert(1)"/><script>alert(2)</script></svg>';

function attachment(root: string, rel: string): AttachmentFile {
  const absPath = path.join(root, rel);
  return { path: rel, absPath, size: readFileSync(absPath).length, mtimeMs: 0 };
}

describe('kept SVGs', () => {
  useTempCacheDir();

  it('are taken by their text; a changed SVG is cleaned again', async () => {
    const root = makeGarden({ 'A.md': '# A', 'd.svg': drawing, 'bad.svg': '<svg><g></svg>' });
    const files = [attachment(root, 'd.svg'), attachment(root, 'bad.svg')];
    const first = await sanitizeAttachments(files, openKeptSvgs(root));
    const cleaned = first.attachments.find((a) => a.path === 'd.svg')!.sanitized!;
    expect(cleaned).toContain('<circle');
    expect(cleaned).not.toMatch(/script|onclick|alert/);
    expect(first.diagnostics.map((d) => d.file)).toEqual(['bad.svg']);
    // Without a store: the same cleaning.
    expect(await sanitizeAttachments(files)).toEqual(first);

    // What is kept under the text's key is what the next build takes (planted, it shows: the sanitiser did not run).
    const planted = openKeptSvgs(root);
    expect(planted.get(svgKey(drawing))).toEqual({ svg: cleaned });
    planted.set(svgKey(drawing), { svg: '<svg>planted</svg>' });
    planted.get(svgKey('<svg><g></svg>'));
    planted.save();
    const second = await sanitizeAttachments(files, openKeptSvgs(root));
    expect(second.attachments.find((a) => a.path === 'd.svg')!.sanitized).toBe('<svg>planted</svg>');
    expect(second.diagnostics).toEqual(first.diagnostics);

    // Another text: cleaned again.
    writeFileSync(path.join(root, 'd.svg'), drawing.replace('r="4"', 'r="3"'));
    const third = await sanitizeAttachments([attachment(root, 'd.svg')], openKeptSvgs(root));
    expect(third.attachments[0]!.sanitized).toContain('r="3"');
    expect(third.attachments[0]!.sanitized).not.toMatch(/script|onclick|planted/);
  });

  it('give the site a cold build gives, and a changed SVG reaches it cleaned', () => {
    const garden = makeGarden({ 'A.md': '# A\n\n![[d.svg]]\n', 'd.svg': drawing });
    const work = tempDir();
    const [out, cache] = [path.join(work, 'site'), path.join(work, 'cache')];
    build(garden, out, cache);
    writeFileSync(path.join(garden, 'A.md'), '# A\n\nEdited.\n\n![[d.svg]]\n');
    build(garden, out, cache);
    const cold = (name: string) => {
      const dir = path.join(work, name);
      build(garden, dir, path.join(work, `${name}-cache`), true);
      return dir;
    };
    expect(siteDiff(out, cold('cold-1'))).toEqual([]);
    writeFileSync(path.join(garden, 'd.svg'), drawing.replace('<circle', '<rect width="2" height="2"/><circle'));
    build(garden, out, cache);
    expect(siteDiff(out, cold('cold-2'))).toEqual([]);
    const svg = readFileSync(path.join(out, 'd.svg'), 'utf8');
    expect(svg).toContain('<rect');
    expect(svg).not.toMatch(/script|onclick|alert/);
  }, 120_000);
});
