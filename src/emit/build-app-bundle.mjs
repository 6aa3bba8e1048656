// Builds the reading app (web/) with Vite into the folder given as the first argument. Run by
// src/emit/app-bundle.ts as a child process, so that Vite's and Rolldown's memory (~380 MB, below) is
// never added to a garden build's: the child has exited before the build starts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = process.argv[2];
if (!outDir) {
  process.stderr.write('usage: node src/emit/build-app-bundle.mjs <outDir>\n');
  process.exit(2);
}
// Vite picks development builds of dependencies (Lit's dev mode) unless NODE_ENV is
// production, and test runners set it to `test`; the bundle must not depend on the caller.
process.env.NODE_ENV = 'production';
// Rolldown's allocator (mimalloc) commits each arena it reserves at once by default: the child then
// peaked at ~605 MB resident, over a 10k garden build's 600 MB target, since a build's peak is that of
// its children too. Committed as used, the same bundle (byte for byte) takes ~385 MB, for ~0.5 s more
// (once per version of Trellis; docs/performance.md). Read by mimalloc
// when Rolldown's binding loads, below; a value set by the user is kept.
process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
const { build } = await import('vite');
await build({
  root,
  configFile: path.join(root, 'vite.config.ts'),
  mode: 'production',
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true },
});
