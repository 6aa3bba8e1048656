/**
 * bin/trellis.js runs Trellis compiled to JavaScript (bin/cli-bundle.js), not
 * its TypeScript sources: the compiled CLI and its worker files must behave
 * exactly as the sources do.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module without types (bin/ is not compiled)
import { compileFingerprintOf, compileSide, ensureCliBundle, entryPoints } from '../bin/cli-bundle.js';
import { buildGarden } from '../src/build.ts';
import { fingerprintCode } from '../src/fingerprint.mjs';
import { toLayoutInput } from '../src/graph/layout-input.ts';
import { computeLayoutResult } from '../src/graph/layout-result.ts';
import { projectRoot } from '../src/paths.ts';
import type { NoteId } from '../src/shared/types.ts';
import { codeFingerprint } from '../src/version.ts';
import { linkGraphOf, makeGarden, tasksVault, tempDir } from './helpers/garden.ts';

const bin = path.join(projectRoot, 'bin', 'trellis.js');
const garden = path.join(projectRoot, 'garden');

/** Every file under `dir` (relative path -> bytes). */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)));
  }
  return files;
}

let bundleDir: string;

beforeAll(async () => {
  // Into the project's own cache, as bin/trellis.js does: the compiled files load dependencies from node_modules.
  bundleDir = await ensureCliBundle(projectRoot, fingerprintCode(projectRoot));
}, 120_000);

describe('the compiled CLI', () => {
  it('is compiled once per code version, with one file per entry point', async () => {
    expect(path.basename(bundleDir)).toBe(codeFingerprint());
    for (const name of Object.keys(entryPoints)) expect(existsSync(path.join(bundleDir, `${name}.js`))).toBe(true);
    const compiledAt = statSync(path.join(bundleDir, 'cli.js')).mtimeMs;
    const again = await Promise.all([1, 2, 3].map(() => ensureCliBundle(projectRoot, codeFingerprint())));
    expect(again).toEqual([bundleDir, bundleDir, bundleDir]);
    expect(statSync(path.join(bundleDir, 'cli.js')).mtimeMs).toBe(compiledAt);
  });

  it("keys compiled notes by the parse worker's code and the compile side's, not by the rest of Trellis", () => {
    const inputs = JSON.parse(readFileSync(path.join(bundleDir, 'compile-inputs.json'), 'utf8')) as string[];
    // The worker's own modules, down to the parser and highlighter...
    for (const f of ['src/compile/worker.ts', 'src/compile/parse/index.ts', 'src/shared/html.ts']) expect(inputs).toContain(f);
    // ...and none of the graph, the emitter, the command line or the app.
    for (const f of inputs) expect(f).not.toMatch(/^(src\/(emit|graph|dev|cli\.ts)|web\/)/);
    const fingerprint = readFileSync(path.join(bundleDir, 'compile-fingerprint'), 'utf8');
    expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint).not.toBe(codeFingerprint());
    // The same hash of the same files: the worker's modules, the compile side's folders and files.
    expect(compileFingerprintOf(projectRoot, inputs)).toBe(fingerprint);
    // The compiled CLI keys what it compiles by it: the kept model's index records it (src/incremental/kept-model.ts).
    const g = makeGarden({ 'A.md': '# A\n\nSee [[B]].\n', 'B.md': '# B\n' });
    const cache = tempDir();
    const built = spawnSync(process.execPath, [bin, 'build', g, '--out', path.join(tempDir(), 'site'), '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, TRELLIS_CACHE_DIR: cache },
    });
    expect(built.status, built.stderr).toBe(0);
    const [folder] = readdirSync(cache).filter((f) => f.endsWith('-model'));
    const index = readFileSync(path.join(cache, folder!, 'index'));
    expect((deserialize(index.subarray(4, 4 + index.readUInt32LE(0))) as { code: string }).code).toBe(fingerprint);
  }, 120_000);

  it('keys compiled notes by the files of the packages the worker bundles, not by the lockfile', () => {
    const inputs = JSON.parse(readFileSync(path.join(bundleDir, 'compile-inputs.json'), 'utf8')) as string[];
    // The parser's and the highlighter's files are among the worker's modules; the app's bundler and the graph's library are not.
    expect(inputs.some((f) => f.startsWith('node_modules/micromark/'))).toBe(true);
    expect(inputs.some((f) => f.startsWith('node_modules/shiki/'))).toBe(true);
    expect(inputs.filter((f) => /^node_modules\/(vite|graphology|flexsearch|lit|esbuild)\//.test(f))).toEqual([]);
    expect(compileSide.files).not.toContain('package-lock.json');
    // Over a project of a few files: a bundled package's file changes the fingerprint; the lockfile does not.
    const root = tempDir();
    const files = ['node_modules/micromark/index.js', 'src/compile/worker.ts'];
    const write = (f: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), text);
    };
    for (const f of [...files, 'package-lock.json', 'node_modules/vite/index.js']) write(f, 'v1');
    const before = compileFingerprintOf(root, files);
    write('package-lock.json', 'v2');
    write('node_modules/vite/index.js', 'v2');
    expect(compileFingerprintOf(root, files)).toBe(before);
    write('node_modules/micromark/index.js', 'v2');
    expect(compileFingerprintOf(root, files)).not.toBe(before);
  });

  it('builds the default garden byte for byte as the sources do', () => {
    const run = (out: string, env: Record<string, string>) =>
      spawnSync(process.execPath, [bin, 'build', garden, '--out', out, '--no-cache', '--quiet'], { encoding: 'utf8', env: { ...process.env, ...env } });
    const compiledOut = path.join(tempDir(), 'site');
    const sourceOut = path.join(tempDir(), 'site');
    const compiled = run(compiledOut, {});
    const source = run(sourceOut, { TRELLIS_FROM_SOURCE: '1' });
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    expect(source.status).toBe(0);
    const a = tree(compiledOut);
    const b = tree(sourceOut);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.size).toBeGreaterThan(100);
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
  }, 120_000);

  it('lays out on its compiled worker as the sources do on this thread', async () => {
    // Gardens below 2,000 notes are laid out on the main thread, so the worker file is run directly.
    const model = await buildGarden({ garden: tasksVault, noCache: true, render: false });
    const tags = new Map(model.notes.map((n) => [n.parsed.id, n.parsed.tags]));
    const tagsOf = (id: NoteId) => tags.get(id) ?? [];
    const worker = new Worker(pathToFileURL(path.join(bundleDir, 'layout-worker.js')), { workerData: toLayoutInput(linkGraphOf(model), tagsOf) });
    const [fromWorker] = await once(worker, 'message');
    await worker.terminate();
    expect(fromWorker).toEqual(computeLayoutResult(linkGraphOf(model), tagsOf));
  }, 120_000);
});
