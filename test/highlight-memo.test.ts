/**
 * A note's highlighted code, kept with its compiled result and reused by its next version
 * (src/compile/render/highlight-memo.ts), and the highlighter that loads only when code is new
 * (src/compile/render/lazy-highlighter.ts): a note rendered with its previous version's code is
 * the same bytes as one rendered cold, without loading Shiki; code that changed, in its text or
 * its language, is highlighted again. A highlighted block keeps its source lines, so a section
 * embed shows it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNoteJob } from '../src/compile/job.ts';
import { katexTypesetter } from '../src/compile/render/katex.ts';
import { runJobs } from '../src/compile/pool.ts';
import { createCodeHighlighter, getHighlighter } from '../src/compile/render/highlighter.ts';
import { loadedLanguages } from '../src/compile/render/highlight-options.ts';
import { LazyHighlighter } from '../src/compile/render/lazy-highlighter.ts';
import type { NoteJob } from '../src/compile/types.ts';
import { buildGarden } from '../src/build.ts';
import { openCache } from '../src/store/cache.ts';
import type { NoteId, NotePath } from '../src/shared/types.ts';
import { makeGarden, tasksVault, tempDir } from './helpers/garden.ts';

const garden = path.resolve(import.meta.dirname, '../garden');

/** Every Markdown note of the default garden and the fixture vault, as a job. */
function fixtureJobs(): NoteJob[] {
  const jobs: NoteJob[] = [];
  for (const root of [garden, tasksVault]) {
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
      const rel = path.relative(root, path.join(entry.parentPath, entry.name));
      jobs.push({ path: rel as NotePath, id: rel as NoteId, hash: '', text: readFileSync(path.join(entry.parentPath, entry.name), 'utf8') });
    }
  }
  return jobs;
}

/** A highlighter that must never load. */
function unloadable(): LazyHighlighter {
  return new LazyHighlighter(() => Promise.reject(new Error('the highlighter was loaded')));
}

const job = (text: string): NoteJob => ({ path: 'n.md' as NotePath, id: 'n' as NoteId, hash: '', text });

describe('highlighted code kept with a note', () => {
  it('knows the languages a loaded highlighter answers to, without loading it', async () => {
    const real = await createCodeHighlighter();
    expect([...loadedLanguages].sort()).toEqual(real.getLoadedLanguages().sort());
    expect(unloadable().getLoadedLanguages().sort()).toEqual(real.getLoadedLanguages().sort());
  });

  it('renders every fixture note from its own kept code as it renders cold, without loading the highlighter', async () => {
    const ctx = { nonce: 'n', highlighter: await getHighlighter(), math: katexTypesetter };
    const jobs = fixtureJobs();
    const cold = jobs.map((j) => runNoteJob(j, ctx, true, { previous: undefined }));
    const withCode = cold.filter((r) => r.code);
    expect(withCode.length).toBeGreaterThan(20);
    expect(withCode.reduce((n, r) => n + r.code!.length, 0)).toBeGreaterThan(50);
    const lazy = unloadable();
    const again = jobs.map((j, i) => runNoteJob(j, { nonce: 'n', highlighter: lazy, math: katexTypesetter }, true, { previous: cold[i]!.code }));
    expect(lazy.asked()).toBe(false);
    expect(again).toEqual(cold);
  });

  it('highlights again the code whose text or language changed, as a cold render does', async () => {
    const ctx = { nonce: 'n', highlighter: await getHighlighter(), math: katexTypesetter };
    const before = runNoteJob(job('# Setup\n\n```js\nconst a = 1;\n```\n\nText.\n'), ctx, true, { previous: undefined });
    expect(before.code).toHaveLength(1);
    for (const text of [
      // The same code in another language.
      '# Setup\n\n```python\nconst a = 1;\n```\n\nText.\n',
      // The same block, and a new one.
      '# Setup\n\n```js\nconst a = 1;\n```\n\n```js\nlet b = 2;\n```\n',
      // Its code edited.
      '# Setup\n\n```js\nconst a = 2;\n```\n\nText.\n',
    ]) {
      const lazy = new LazyHighlighter(() => getHighlighter());
      const first = runNoteJob(job(text), { nonce: 'n', highlighter: lazy, math: katexTypesetter }, true, { previous: before.code });
      expect(lazy.asked(), text).toBe(true);
      expect(first).not.toEqual(runNoteJob(job(text), ctx, true, { previous: undefined }));
      await lazy.load();
      expect(runNoteJob(job(text), { nonce: 'n', highlighter: lazy, math: katexTypesetter }, true, { previous: before.code })).toEqual(
        runNoteJob(job(text), ctx, true, { previous: undefined }),
      );
      expect(lazy.asked()).toBe(false);
    }
    // Prose changed, code not: nothing to highlight.
    const lazy = unloadable();
    const text = '# Setup\n\nNew words.\n\n```js\nconst a = 1;\n```\n\nText, and more.\n';
    expect(runNoteJob(job(text), { nonce: 'n', highlighter: lazy, math: katexTypesetter }, true, { previous: before.code })).toEqual(
      runNoteJob(job(text), ctx, true, { previous: undefined }),
    );
    expect(lazy.asked()).toBe(false);
  });

  it('a parse worker reads the previous version from its cache entry, and loads no grammar when the code is unchanged', async () => {
    const cacheHome = tempDir();
    const root = makeGarden({ 'n.md': 'x' });
    const prev = process.env.TRELLIS_CACHE_DIR;
    process.env.TRELLIS_CACHE_DIR = cacheHome;
    try {
      const cache = await openCache(root);
      const v1 = { ...job('# A\n\n```bash\necho one\n```\n\n```go\nfunc main() {}\n```\n'), hash: 'v1' };
      const v2 = { ...job('# A\n\nA sentence.\n\n```bash\necho one\n```\n\n```go\nfunc main() {}\n```\n'), hash: 'v2' };
      const init = (file: string) => ({ nonce: 'n', render: true, pack: false, regexTable: { file, code: 'test' }, keepCode: true });
      // Cold: the worker loads the highlighter, whose regexes it converts and keeps.
      const firstTable = path.join(tempDir(), 'regexes');
      const [compiled] = await runJobs([v1], init(firstTable), { threads: 1 });
      expect(compiled!.code).toHaveLength(2);
      expect(existsSync(firstTable)).toBe(true);
      await cache.set('n', 'v1', compiled!);
      // Its next version, with the cache entry of this one: the same HTML as cold, and no regex converted.
      const secondTable = path.join(tempDir(), 'regexes');
      const [warm] = await runJobs([{ ...v2, previous: cache.fileOf('n', 'v1') }], init(secondTable), { threads: 1 });
      expect(existsSync(secondTable)).toBe(false);
      const [cold] = await runJobs([v2], init(path.join(tempDir(), 'regexes')), { threads: 1 });
      expect(warm).toEqual(cold);
      expect(warm!.rendered.blocks.map((b) => b.html).join('')).toContain('<span class="tok-keyword">func</span>');
      // A cache entry that cannot be read: highlighted as cold.
      const [unread] = await runJobs([{ ...v2, previous: path.join(cacheHome, 'missing') }], init(path.join(tempDir(), 'regexes')), { threads: 1 });
      expect(unread).toEqual(cold);
      // A build without a cache keeps no code with its results.
      const [uncached] = await runJobs([v2], { nonce: 'n', render: true, pack: false }, { threads: 1 });
      expect(uncached!.code).toBeUndefined();
      expect(uncached!.rendered).toEqual(cold!.rendered);
    } finally {
      if (prev === undefined) delete process.env.TRELLIS_CACHE_DIR;
      else process.env.TRELLIS_CACHE_DIR = prev;
    }
  }, 60_000);

  it('a highlighted code block keeps its source lines: a section embed shows it', async () => {
    const root = makeGarden({
      'Setup.md': '# Install\n\nRun this:\n\n```bash\necho installed\n```\n\n# Later\n\nOther text.\n',
      'Guide.md': '![[Setup#Install]]\n',
    });
    const model = await buildGarden({ garden: root, noCache: true });
    const setup = model.notes.find((n) => n.parsed.path === 'Setup.md')!;
    const guide = model.notes.find((n) => n.parsed.path === 'Guide.md')!.html;
    expect(setup.html).toContain('installed');
    expect(guide).toContain('Run this:');
    expect(guide).toMatch(/<pre class="shiki"[^>]*><code class="language-bash">.*installed/s);
    expect(guide).not.toContain('Other text.');
  }, 60_000);
});
