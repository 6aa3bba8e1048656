/// <reference types="vitest/config" />
/**
 * Vite build of the reading app (web/). Used by src/emit/app-bundle.ts, which
 * overrides `build.outDir`. Lit decorators are compiled in legacy mode from
 * tsconfig.json (`experimentalDecorators`, `useDefineForClassFields: false`):
 * Vite 8 does not lower standard decorators and Chromium cannot run them yet.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const entry = fileURLToPath(new URL('./web/main.ts', import.meta.url));
const katexCss = fileURLToPath(new URL('./node_modules/katex/dist/katex.min.css', import.meta.url));

export default defineConfig({
  // Vitest: the machine is small and shared (2 cores); browser and build tests get room, never timing assertions:
  // `expect.poll` waits up to 30 s, not Vitest's 1 s (a search answered in the browser after 1 s under CI's load failed a test).
  // Chromium is installed before the first test when it is missing (test/setup/ensure-chromium.ts).
  test: { testTimeout: 60_000, hookTimeout: 180_000, expect: { poll: { timeout: 30_000 } }, globalSetup: ['test/setup/ensure-chromium.ts'] },
  // Relative chunk URLs: the same bundle works at any site base path.
  base: './',
  publicDir: false,
  logLevel: 'warn',
  // The search worker is started with `{ type: 'module' }`.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    manifest: true,
    emptyOutDir: true,
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { main: entry, katex: katexCss },
    },
  },
});
