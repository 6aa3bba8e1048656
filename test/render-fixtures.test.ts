/**
 * Renderer fixtures (test/fixtures/render/<case>/): each case is a garden of
 * notes, built through the whole pipeline, and the HTML of every note and the
 * build's diagnostics are compared with the files in `expected/`. An output
 * change is then a reviewable diff: `UPDATE=1 npx vitest run test/render-fixtures.test.ts`
 * rewrites the expected files, as remark-gfm's tests do.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { formatDiagnostic } from '../src/format.ts';

const casesDir = path.join(import.meta.dirname, 'fixtures/render');
const update = process.env.UPDATE === '1';

/** Compare `actual` with the expected file, or write it under UPDATE=1. */
function expectFile(file: string, actual: string): void {
  if (update) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${path.relative(casesDir, file)} is missing: run with UPDATE=1 to write it`).toBe(true);
  expect(actual, path.relative(casesDir, file)).toBe(readFileSync(file, 'utf8'));
}

describe('renderer fixtures', () => {
  for (const name of readdirSync(casesDir).sort()) {
    it(name, async () => {
      const garden = path.join(casesDir, name, 'garden');
      const expected = path.join(casesDir, name, 'expected');
      const model = await buildGarden({ garden, noCache: true, layout: false, threads: 1 });
      for (const note of [...model.notes].sort((a, b) => a.parsed.path.localeCompare(b.parsed.path))) {
        expectFile(path.join(expected, note.parsed.path.replace(/\.md$/, '.html')), note.html + '\n');
      }
      const diagnostics = model.diagnostics.map((d) => formatDiagnostic('garden', d)).join('\n');
      expectFile(path.join(expected, 'diagnostics.txt'), diagnostics + '\n');
    });
  }
});
