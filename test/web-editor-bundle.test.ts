/** The production app bundle must not contain the dev-mode editor (it is imported only behind `import.meta.hot`). */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureAppBundle } from '../src/emit/app-bundle.ts';

describe('production bundle', () => {
  it('contains neither the editor, its API calls nor CodeMirror', async () => {
    const { dir } = await ensureAppBundle();
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    const hits: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(dir, file), 'utf8');
      for (const needle of ['garden-editor', 'garden-dev-bar', '_trellis/api', 'cm-tooltip-autocomplete', 'install-editor']) {
        if (text.includes(needle)) hits.push(`${file}: ${needle}`);
      }
    }
    expect(hits).toEqual([]);
  }, 300_000);
});
