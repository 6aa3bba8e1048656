// The compiled CLI: Trellis's TypeScript sources bundled by esbuild into plain JavaScript, once
// per code version, into node_modules/.cache/trellis-cli/<fingerprint>/. Running from it, no
// thread (the main one, the parse pool, the layout and search workers) loads a TypeScript
// loader: each starts faster and holds less memory (tsx's loader and source maps; docs/performance.md).
//
// The folder holds cli.js and one file per worker (parse-worker.js, layout-worker.js,
// search-worker.js, relink-worker.js) and the clean-up process after a build (clean-up.js), flat beside their shared chunks; src/paths.ts finds them through the
// `__TRELLIS_BUNDLE__` constant defined here. Dependencies stay external and are loaded from
// the project's node_modules, as from source, except in the parse worker (`selfContained`).
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashFiles, listSources } from '../src/fingerprint.mjs';

/** Bundle entry points: output name -> source file. Keep in sync with src/paths.ts. */
export const entryPoints = {
  cli: 'src/cli.ts',
  'parse-worker': 'src/compile/worker.ts',
  'layout-worker': 'src/graph/layout-worker.ts',
  'search-worker': 'src/search/worker.ts',
  'relink-worker': 'src/incremental/relink-worker.ts',
  'clean-up': 'src/incremental/clean-up.ts',
};

/**
 * Entry points compiled with their packages, into chunks of their own (`parse-*.js`). The parse
 * worker starts on every build that compiles a note, and Node's ESM loader took longer to find, read
 * and link the unified family's few hundred modules than the worker then took to compile a few notes:
 * its first result came ~0.18 s sooner compiled whole. What it loads only when asked (Shiki and its
 * grammars) stays in chunks of its own, loaded as before.
 */
export const selfContained = ['parse-worker'];

/**
 * Code outside the parse worker that shapes what a compiled note's cache entry and kept-model
 * record hold (how results are built into jobs, passed back, packed, written and read), and what
 * the bundle is compiled with (its options, TypeScript's settings, esbuild's version): part of the
 * compile fingerprint with the worker's own modules. The packages the worker compiles notes with
 * are in it by their files, those bundled into the worker (`compileFingerprintOf`), not by the
 * lockfile: updating a package the worker does not bundle (vite, the app's, the graph's) keeps
 * every compiled note, where the lockfile's change recompiled a garden (~10 minutes at 100k notes).
 */
export const compileSide = {
  files: [
    'src/build.ts',
    'src/incremental/kept-model.ts',
    // The cache's entries, packed blocks, and the compiled note and contexts hash the kept model records. The rest of
    // src/store (the build's spill file, the dev server's memory store) holds results for one process, and keys nothing.
    'src/store/cache.ts',
    'src/store/pack-blocks.ts',
    'src/store/note-store.ts',
    'src/fingerprint.mjs',
    'bin/cli-bundle.js',
    'tsconfig.json',
    'node_modules/esbuild/package.json',
  ],
  folders: ['src/compile'],
};

/**
 * The project's source files (relative paths) in output `output` of an esbuild metafile and in
 * every chunk it imports, statically or not: the modules that entry point can run.
 * @param {{ outputs: Record<string, { inputs: Record<string, unknown>, imports: { path: string, external?: boolean }[] }> }} metafile
 * @param {string} output the output's path as the metafile names it
 * @returns {string[]}
 */
export function inputsOf(metafile, output) {
  const inputs = new Set();
  const seen = new Set();
  const visit = (name) => {
    const out = metafile.outputs[name];
    if (!out || seen.has(name)) return;
    seen.add(name);
    for (const input of Object.keys(out.inputs)) inputs.add(input);
    for (const i of out.imports) if (!i.external) visit(i.path);
  };
  visit(output);
  return [...inputs].sort();
}

/**
 * The compile fingerprint of a bundle (src/version.ts, `compileFingerprint`): a hash of the parse
 * worker's modules (its own and its packages' files, as bundled) and the compile side's files. A
 * change to Trellis that touches neither (the graph, the emitter, the app), or to a package the
 * worker does not bundle, keeps every compiled note in the cache and the kept model.
 * @param {string} root the project folder
 * @param {string[]} workerInputs the parse worker's modules, relative to `root`
 */
export function compileFingerprintOf(root, workerInputs) {
  const files = new Set([
    ...workerInputs.map((f) => path.join(root, f)),
    ...compileSide.files.map((f) => path.join(root, f)),
    ...compileSide.folders.flatMap((d) => listSources(path.join(root, d))),
  ]);
  return hashFiles(root, [...files]).slice(0, 32);
}

/** Compiled versions kept; older ones are deleted unless started from within the last hour (a running process may still need its own). */
const kept = 3;
const inUseMs = 60 * 60 * 1000;

/**
 * The folder of the compiled CLI for `fingerprint` (see src/fingerprint.mjs), compiled first if
 * it is not there yet. Compiled into a temporary folder and moved into place, so concurrent starts
 * never see half a bundle.
 * @param {string} root the project folder
 * @param {string} fingerprint the code fingerprint of `root`
 * @param {string} [cacheDir] where compiled versions are kept
 * @returns {Promise<string>}
 */
export async function ensureCliBundle(root, fingerprint, cacheDir = path.join(root, 'node_modules', '.cache', 'trellis-cli')) {
  const final = path.join(cacheDir, fingerprint);
  if (await isFile(path.join(final, 'cli.js'))) {
    // The folder's time says when a process last started from it (see pruneOlder).
    const now = new Date();
    await utimes(final, now, now).catch(() => undefined);
    return final;
  }

  const { build } = await import('esbuild');
  const temp = `${final}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(temp, { recursive: true });
  try {
    const rootFromBundle = path.relative(final, root).split(path.sep).join('/') + '/';
    const common = {
      absWorkingDir: root,
      metafile: true,
      outdir: temp,
      entryNames: '[name]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'linked',
      logLevel: 'silent',
      define: { __TRELLIS_BUNDLE__: JSON.stringify({ root: rootFromBundle, fingerprint }) },
    };
    const own = (keep) => Object.fromEntries(Object.entries(entryPoints).filter(([name]) => selfContained.includes(name) === keep));
    await build({ ...common, entryPoints: own(false), chunkNames: 'chunk-[hash]', packages: 'external' });
    const result = await build({
      ...common,
      entryPoints: own(true),
      chunkNames: 'parse-[hash]',
      // Packages written as CommonJS call `require`, which an ES module does not have: one made for each chunk.
      banner: { js: "import { createRequire as __trellisCreateRequire } from 'node:module'; const require = __trellisCreateRequire(import.meta.url);" },
    });
    // Compiled notes are kept under the fingerprint of the code that compiles them (src/version.ts).
    const worker = Object.keys(result.metafile.outputs).find((o) => path.basename(o) === 'parse-worker.js');
    // The project's files and the packages' files it bundles; `<define:...>` is no file.
    const workerInputs = worker ? inputsOf(result.metafile, worker).filter((f) => !f.startsWith('<')) : [];
    if (!workerInputs.includes('src/compile/worker.ts')) throw new Error('the parse worker is not in the bundle');
    await writeFile(path.join(temp, 'compile-inputs.json'), JSON.stringify(workerInputs, null, 1));
    await writeFile(path.join(temp, 'compile-fingerprint'), compileFingerprintOf(root, workerInputs));
    await rename(temp, final).catch((error) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  await pruneOlder(cacheDir, fingerprint);
  return final;
}

/** Delete all but the newest compiled versions (temporary folders of running compiles are left alone). */
async function pruneOlder(cacheDir, current) {
  const versions = [];
  for (const entry of await readdir(cacheDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current || !/^[0-9a-f]{32}$/.test(entry.name)) continue;
    const dir = path.join(cacheDir, entry.name);
    versions.push({ dir, time: (await stat(dir)).mtimeMs });
  }
  versions.sort((a, b) => b.time - a.time);
  const now = Date.now();
  for (const { dir, time } of versions.slice(kept - 1)) if (now - time >= inUseMs) await rm(dir, { recursive: true, force: true });
}

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
