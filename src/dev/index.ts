/**
 * `trellis dev`: a Vite dev server on 127.0.0.1 over the in-memory garden.
 *
 * 1. Build the garden into memory (GardenState; the build cache makes this quick).
 * 2. Start Vite (the app from source, with HMR) with `vite-plugin-garden`,
 *    which serves pages and data from memory and answers the editor API.
 * 3. Watch the garden; each batch of changes is applied incrementally and
 *    announced to open pages as `garden:update` over Vite's HMR channel.
 */
import { watch } from 'chokidar';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { formatDiagnostic } from '../format.ts';
import type { Options as PoolOptions } from '../compile/pool.ts';
import { projectRoot } from '../paths.ts';
import { getHighlighter } from '../compile/render/highlighter.ts';
import { walkGarden } from '../scan/walk.ts';
import { affectedPaths } from './affected-paths.ts';
import { GardenState } from './garden-state.ts';
import { gardenPlugin } from './vite-plugin-garden.ts';
import { viteFsOptions } from './vite-fs-options.ts';
import { parseSiteUrl } from '../site-url.ts';

/** Options of `trellis dev`. */
export interface DevOptions {
  garden: string;
  port: number;
  /** Milliseconds of quiet before topics, layout and search are recomputed. */
  settleMs?: number;
  quiet?: boolean;
  /**
   * Poll the garden for changes instead of using the system's file events (for network
   * drives and WSL mounts, which send none). Also used when the system's limit on
   * file watches is reached.
   */
  poll?: boolean;
  /** Settings of the parse pool, which also renders long notes after a save (tests shrink its heap caps). */
  pool?: Partial<PoolOptions>;
  /** Where the site will be served (`https://user.github.io/notes/`): the garden is served under its path. */
  url?: string;
}

/** A running dev server. */
export interface DevServer {
  url: string;
  state: GardenState;
  vite: ViteDevServer;
  close(): Promise<void>;
}

/** How often a polling watcher looks at the garden. */
const pollMs = 500;

/**
 * What Vite watches for hot reload: the app and the code and config it imports. Nothing
 * else in the project (built sites, the bench's generated gardens of 100k notes) is
 * watched, so file watches are not spent on them (Linux caps them per user).
 */
const appSources = new Set(['web', 'src', 'vite.config.ts', 'tsconfig.json', 'package.json']);
const outsideApp = (p: string): boolean => {
  const rel = path.relative(projectRoot, p);
  if (rel === '') return false;
  return rel.startsWith('..') || path.isAbsolute(rel) || !appSources.has(rel.split(path.sep)[0]!);
};

/** Start the dev server; resolves once it listens. */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const log = (s: string): void => {
    if (!options.quiet) process.stdout.write(s + '\n');
  };
  const basePath = options.url ? parseSiteUrl(options.url).basePath : '/';
  const state = await GardenState.open(options.garden, options.pool, basePath);
  // Notes are re-rendered on this thread after a save: load the highlighter now, not on the first save.
  void getHighlighter();
  const plugin = gardenPlugin({ state, port: options.port, settleMs: options.settleMs, ...(options.url ? { url: options.url } : {}) });
  const vite = await createServer({
    root: projectRoot,
    configFile: path.join(projectRoot, 'vite.config.ts'),
    appType: 'custom',
    // The app is served under the site's base path, like the pages.
    base: basePath,
    logLevel: options.quiet ? 'silent' : 'warn',
    server: {
      host: '127.0.0.1',
      port: options.port,
      strictPort: true,
      // No CORS headers: pages of other origins (other local servers included) cannot read anything.
      cors: false,
      fs: viteFsOptions(projectRoot),
      watch: { ignored: [outsideApp, path.resolve(options.garden) + '/**'] },
    },
    plugins: [plugin],
  });
  await vite.listen();
  const url = `http://127.0.0.1:${options.port}${basePath}`;
  const r = state.view().report();
  log(`Trellis is serving ${options.garden} at ${url} (${r.notes} notes, ${r.broken.length} broken links)`);

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const flush = () => {
    const paths = affectedPaths([...pending], state.knownPaths());
    pending = new Set();
    running = running
      .then(async () => {
        const change = await state.apply(paths);
        if (change.changed.length === 0 && change.removed.length === 0) return;
        plugin.api?.notify(change);
        for (const d of state
          .diagnosticsFor(change.rerendered)
          .filter((x) => x.severity !== 'info')
          .slice(0, 20))
          log(formatDiagnostic(state.root, d));
        log(`updated ${change.changed.length} note(s) in ${change.ms} ms`);
      })
      .catch((error: Error) => log(`trellis: update failed: ${error.message}`));
  };
  // The watcher sees the garden by its real path and reports garden-relative paths.
  const realRoot = await fs.realpath(state.root);
  const onChange = (p: string) => {
    pending.add(path.relative(realRoot, p).split(path.sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(flush, 25);
  };
  const watchGarden = (poll: boolean) =>
    watch(realRoot, {
      ignoreInitial: true,
      // A followed link would report files outside the garden as the garden's; links are
      // reported as themselves, and GardenState.apply reads only what lies inside.
      followSymlinks: false,
      ignored: (p) =>
        path
          .relative(realRoot, p)
          .split(path.sep)
          .some((s) => s.startsWith('.') || s === 'node_modules'),
      ...(poll ? { usePolling: true, interval: pollMs, binaryInterval: pollMs } : {}),
    })
      .on('all', (_event, p) => onChange(p))
      .on('error', (error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code;
        if (!poll && (code === 'ENOSPC' || code === 'EMFILE')) {
          log(
            `trellis: the system's limit on file watches is reached (${code}); polling the garden every ${pollMs} ms instead. Raise the limit with: sudo sysctl fs.inotify.max_user_watches=524288`,
          );
          const failed = watcher;
          watcher = watchGarden(true);
          void failed.close();
        } else log(`trellis: watching the garden failed: ${error instanceof Error ? error.message : String(error)}`);
      });
  let watcher = watchGarden(options.poll ?? false);
  // Changes made before the watcher has seen the garden would be taken for its initial state.
  // (A watcher that fails instead, say at the system's watch limit, is replaced as above.)
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()).once('error', () => resolve()));
  // A file changed after the garden was read but before the watcher saw it would be missed
  // (a polling watcher takes that version as its baseline): look at every file once more.
  // Unchanged notes are skipped by their hash.
  const { files } = await walkGarden(state.root);
  for (const p of new Set([...files.map((f) => f.rel), ...state.knownPaths()])) pending.add(p);
  flush();
  await running;
  return {
    url,
    state,
    vite,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await vite.close();
    },
  };
}
