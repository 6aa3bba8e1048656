/**
 * A single note can take only a bounded amount of the builder's memory. Nesting bombs (one line
 * of 20,000 `>` took the build to 3.1 GB) are refused before parsing, in the build (the real CLI)
 * and in the dev server after a save; any other note that makes a parse worker outgrow its heap
 * cap kills only that worker, and is reported as `note-too-large` while the rest builds.
 */
import { spawnSync } from 'node:child_process';
import { katexTypesetter } from '../src/compile/render/katex.ts';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node, Parent } from 'unist';
import { buildGarden } from '../src/build.ts';
import { cacheDir } from '../src/store/cache.ts';
import { maxNesting } from '../src/constants.ts';
import { startDev } from '../src/dev/index.ts';
import { renderNotes } from '../src/dev/render-notes.ts';
import { getHighlighter } from '../src/compile/render/highlighter.ts';
import { scanGarden } from '../src/scan/index.ts';
import { findDeepNesting } from '../src/compile/nesting-depth.ts';
import { defaultOptions, retryHeapMbFor } from '../src/compile/pool.ts';
import { parseMarkdown } from '../src/compile/parse/processor.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');
const quoteBomb = '>'.repeat(20_000) + '\n';
const listBomb = '- '.repeat(10_000) + 'x\n';
const staircase = Array.from({ length: 150 }, (_, i) => ' '.repeat(2 * i) + '- item').join('\n') + '\n';
const tooDeep = (depth: number) =>
  `Quotes and lists are nested ${depth} deep here, past the limit of 100; the note is shown as plain text until its nesting is reduced`;
const table = '| a | b | c |\n|---|---|---|\n' + '| x | [[Home]] | *z* |\n'.repeat(20_000);

/** Deepest chain of block quotes and list items in remark's tree. */
function treeDepth(node: Node): number {
  const own = node.type === 'blockquote' || node.type === 'listItem' ? 1 : 0;
  return own + Math.max(0, ...((node as Parent).children ?? []).map(treeDepth));
}

describe('nesting pre-check', () => {
  it('finds the depth remark builds, on one line and across lines', () => {
    const cases = [
      '>'.repeat(150),
      '> '.repeat(150) + 'x',
      '- '.repeat(150) + 'x',
      '1. '.repeat(120) + 'x',
      '+ '.repeat(150),
      staircase,
      Array.from({ length: 120 }, (_, i) => ' '.repeat(3 * i) + '1) x').join('\n'),
      Array.from({ length: 120 }, (_, i) => '\t'.repeat(i) + '* x').join('\n'),
      Array.from({ length: 120 }, (_, i) => '>' + ' '.repeat(2 * i) + ' - x').join('\r\n'),
      '- a\n  - b\n    - c\nback to the top\n- d\n  > - e',
      '> - > - > - x',
      '- - x',
      '- * * *',
    ];
    for (const text of cases) {
      const depth = treeDepth(parseMarkdown(text));
      expect(findDeepNesting(text, depth), JSON.stringify(text.slice(0, 20))).toBeUndefined();
      expect(findDeepNesting(text, depth - 1), JSON.stringify(text.slice(0, 20))).toBeDefined();
    }
  });

  it('reports the line and column where the limit is passed, and how deep that line goes', () => {
    expect(findDeepNesting(quoteBomb, maxNesting)).toEqual({ line: 1, column: 101, depth: 20_000 });
    expect(findDeepNesting(listBomb, maxNesting)).toEqual({ line: 1, column: 201, depth: 10_000 });
    expect(findDeepNesting(staircase, maxNesting)).toEqual({ line: 101, column: 201, depth: 101 });
    expect(findDeepNesting('intro\n\n' + '> '.repeat(100) + 'deep but allowed\n' + '>'.repeat(101), maxNesting)).toEqual({ line: 4, column: 101, depth: 101 });
  });

  it('does not count thematic breaks, text, or nesting within the limit', () => {
    expect(findDeepNesting('- - -\n* * * * *\n' + '- '.repeat(200).trim() + '\n', 0)).toBeUndefined();
    expect(findDeepNesting('text > not a quote\n-not a list\n1.not a list\n1234567890. not a list (ten digits)\n', 0)).toBeUndefined();
    expect(findDeepNesting('>'.repeat(100) + ' x\n' + '- '.repeat(100) + 'x\n', maxNesting)).toBeUndefined();
  });
});

describe('nesting bombs through `trellis build`', () => {
  it('refuse the note with a positioned diagnostic and build the rest', () => {
    const garden = makeGarden({
      'Home.md': '# Home\n\nSee [[Quote Bomb]], [[List Bomb]] and [[Stairs]].\n',
      'Quote Bomb.md': quoteBomb,
      'List Bomb.md': listBomb,
      'Stairs.md': staircase,
      'Other.md': '# Other\n\n> a quote\n> > nested once\n\n- a list\n  - nested once\n',
    });
    const out = path.join(tempDir(), 'site');
    const r = spawnSync(process.execPath, [bin, 'build', garden, '--out', out], { encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() } });
    expect(r.status, r.stderr).toBe(0);
    const at = (file: string) => path.relative(process.cwd(), path.join(garden, file));
    expect(r.stderr).toContain(`${at('Quote Bomb.md')}:1:101: error: ${tooDeep(20_000)} [note-too-deep]\n`);
    expect(r.stderr).toContain(`${at('List Bomb.md')}:1:201: error: ${tooDeep(10_000)} [note-too-deep]\n`);
    expect(r.stderr).toContain(`${at('Stairs.md')}:101:201: error: ${tooDeep(101)} [note-too-deep]\n`);
    expect(r.stdout).toMatch(/^5 notes, 3 links, 0 broken/m);
    const page = (slug: string) => readFileSync(path.join(out, slug, 'index.html'), 'utf8');
    expect(page('quote-bomb')).toContain('<pre class="note-failed">&gt;&gt;&gt;');
    expect(page('list-bomb')).toContain('<pre class="note-failed">- - - ');
    expect(page('other')).toContain('<blockquote>');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('href="/quote-bomb/"');
  }, 180_000);
});

describe('a note that outgrows its worker heap', () => {
  it('kills only its worker: it is reported as note-too-large, the other notes of its batch build, and it is not cached', async () => {
    const garden = makeGarden({
      'A Note.md': '# A\n\nBefore the table, in the same batch.\n',
      'Big Table.md': table,
      'Home.md': '# Home\n\nAfter the table: [[Big Table]].\n',
      'Zed.md': '# Zed\n\nLast.\n',
    });
    const cache = tempDir();
    const saved = process.env.TRELLIS_CACHE_DIR;
    process.env.TRELLIS_CACHE_DIR = cache;
    try {
      // One batch on one worker capped at 64 MB, retried under 96 MB: the 460 KB table needs over 500 MB.
      const model = await buildGarden({ garden, threads: 1, layout: false, pool: { batchChars: 10_000_000, heapMb: 64, retryHeapMb: 64, maxRetryHeapMb: 96 } });
      const big = model.notes.find((n) => n.parsed.path === 'Big Table.md')!;
      expect(big.parsed.diagnostics).toEqual([
        {
          file: 'Big Table.md',
          line: 1,
          column: 1,
          ruleId: 'note-too-large',
          severity: 'error',
          reason: 'Building this note took more than the 96 MB of memory it may use; it is shown as plain text. Split it into smaller notes',
        },
      ]);
      expect(big.html).toContain('<pre class="note-failed">| a | b | c |');
      const html = (p: string) => model.notes.find((n) => n.parsed.path === p)!.html;
      expect(html('A Note.md')).toContain('Before the table, in the same batch.');
      expect(html('Home.md')).toContain('href="/big-table/"');
      expect(html('Zed.md')).toContain('Last.');
      expect(model.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).toEqual(['Big Table.md']);
      // Cached: the three notes that built; the table may fit next time (other limits).
      expect(readdirSync(cacheDir(garden))).toHaveLength(3);
    } finally {
      if (saved === undefined) delete process.env.TRELLIS_CACHE_DIR;
      else process.env.TRELLIS_CACHE_DIR = saved;
    }
  }, 180_000);

  it('a retry is capped by the batch’s longest note, never above the ceiling', () => {
    const job = (chars: number) => ({ path: 'x.md', id: 'x', hash: '', text: 'x'.repeat(chars) }) as Parameters<typeof retryHeapMbFor>[0][number];
    expect(retryHeapMbFor([job(100), job(20_000)], defaultOptions)).toBe(384 + 40);
    expect(retryHeapMbFor([job(400_000)], defaultOptions)).toBe(384 + 782);
    expect(retryHeapMbFor([job(5_000_000)], defaultOptions)).toBe(1536);
    expect(retryHeapMbFor([job(5_000_000)], { ...defaultOptions, maxRetryHeapMb: 0 })).toBe(0);
  });
});

describe('`trellis dev` after a save', () => {
  it('refuses a nesting bomb before parsing it, renders a long note on a capped worker, and keeps serving', async () => {
    const garden = makeGarden({
      'Home.md': '# Home\n\n[[Bomb]] and [[Big Table]]\n',
      'Bomb.md': '# Bomb\n\nharmless for now\n',
      'Big Table.md': '# Table\n\nsmall for now\n',
    });
    const port = await freePort();
    // Caps no table of 460 KB fits under (the dev server's own thread would have rendered it).
    const dev = await startDev({ garden, port, settleMs: 50, quiet: true, pool: { heapMb: 64, retryHeapMb: 64, maxRetryHeapMb: 96 } });
    try {
      // `json` is whatever the server answered, read as the test expects.
      const api = (method: string, url: string, body?: unknown) =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        new Promise<{ status: number; json: any }>((resolve, reject) => {
          const data = body === undefined ? undefined : JSON.stringify(body);
          const req = http.request(
            { host: '127.0.0.1', port, method, path: url, headers: { host: `127.0.0.1:${port}`, ...(data ? { 'content-type': 'application/json' } : {}) } },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (c) => (text += c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
            },
          );
          req.on('error', reject);
          req.end(data);
        });
      const save = async (file: string, text: string) => {
        const before = await api('GET', `/_trellis/api/note?path=${encodeURIComponent(file)}`);
        return (await api('PUT', '/_trellis/api/note', { path: file, text, baseHash: before.json.hash })).status;
      };
      expect(await save('Bomb.md', quoteBomb)).toBe(200);
      expect(dev.state.diagnosticsFor(['Bomb' as never])).toEqual([
        { file: 'Bomb.md', line: 1, column: 101, ruleId: 'note-too-deep', severity: 'error', reason: tooDeep(20_000) },
      ]);
      expect((await api('GET', '/bomb/index.json')).json.html).toContain('<pre class="note-failed">&gt;&gt;&gt;');

      expect(await save('Big Table.md', table)).toBe(200);
      expect(dev.state.diagnosticsFor(['Big Table' as never])).toEqual([
        {
          file: 'Big Table.md',
          line: 1,
          column: 1,
          ruleId: 'note-too-large',
          severity: 'error',
          reason: 'Building this note took more than the 96 MB of memory it may use; it is shown as plain text. Split it into smaller notes',
        },
      ]);
      expect((await api('GET', '/index.json')).json.html).toContain('href="/big-table/"');
    } finally {
      await dev.close();
    }
  }, 180_000);

  it('a long note rendered on a worker comes out as it does on the server’s thread', async () => {
    const long =
      '# Long\n\n' +
      'See [[Target#Heading|the target]], [[Draft]], [[Nowhere]] and ![[pic.png]]; `code` and $x^2$.\n\n```js\nconst x = 1;\n```\n\n'.repeat(1500);
    const root = makeGarden({ 'Long.md': long, 'Target.md': '# Heading\n\nshort', 'Draft.md': '---\npublish: false\n---\ndraft', 'pic.png': 'png' });
    const scan = await scanGarden(root);
    const ctx = {
      nonce: 'fixed',
      highlighter: await getHighlighter(),
      math: katexTypesetter,
    };
    const jobs = scan.notes.map((n) => ({ path: n.path, id: n.id, hash: n.hash, text: n.content.text! }));
    const onWorker = await renderNotes(jobs, ctx, {}, 10_000);
    const onThread = await renderNotes(jobs, ctx, {}, Infinity);
    expect(long.length).toBeGreaterThan(10_000);
    expect(onWorker).toEqual(onThread);
    expect(onWorker.find((r) => r.note.id === 'Long')!.note.links.map((l) => l.target)).toEqual(
      expect.arrayContaining(['Target', 'Draft', 'Nowhere', 'pic.png']),
    );
  }, 120_000);
});
