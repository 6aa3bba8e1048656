/**
 * `trellis dev`: a Vite dev server on 127.0.0.1 over the in-memory garden.
 *
 * 1. Build the garden into memory (GardenState; the build cache makes this quick).
 * 2. Start Vite (the app from source, with HMR) with `vite-plugin-garden`,
 *    which serves pages and data from memory and answers the editor API.
 * 3. Watch the garden; each batch of changes is applied incrementally and
 *    announced to open pages as `garden:update` over Vite's HMR channel.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { formatDiagnostic } from '../format.ts';
import { claimViteCache, sharedViteCache } from './vite-cache.ts';
import type { Options as PoolOptions } from '../compile/pool.ts';
import { projectRoot } from '../paths.ts';
import { getHighlighter } from '../compile/render/highlighter.ts';
import { walkGarden } from '../scan/walk.ts';
import { affectedPaths } from './affected-paths.ts';
import { watchGarden } from './watch-garden.ts';
import { GardenState } from './garden-state.ts';
import { gardenPlugin } from './vite-plugin-garden.ts';
import { viteFsOptions } from './vite-fs-options.ts';
import { loadConfig } from '../config/load-config.ts';
import { formatConfigError } from '../config/format-config-error.ts';
import { toScanSettings } from '../config/scan-settings.ts';
import type { ConfigOverrides, SiteConfig } from '../config/types.ts';
import { siteInfo } from '../site.ts';
import { isConfigPath, reloadConfig } from './reload-config.ts';

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
  /** The garden's configuration as loaded (the CLI loads it first, to stop on errors); loaded here when absent. */
  config?: SiteConfig;
  /** Command-line settings that win over the configuration file's, on every reload too. */
  overrides?: ConfigOverrides;
  /** Where the site will be served (`https://user.github.io/notes/`), as `--url` gives it: the garden is served under its path. */
  url?: string;
}

/** A running dev server. */
export interface DevServer {
  url: string;
  /** The garden as served now (a configuration that changes which notes there are replaces it). */
  readonly state: GardenState;
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
  const overrides: ConfigOverrides = { ...(options.overrides ?? {}), ...(options.url ? { url: options.url } : {}) };
  let config = options.config && !options.url ? options.config : await loadStartConfig(options.garden, overrides);
  const site = siteInfo(options.garden, config);
  // The base path is the server's for its life (Vite serves the app below it): a new `url` needs a restart.
  const basePath = site.basePath;
  let state = await GardenState.open(options.garden, options.pool, toScanSettings(config), basePath, config.topics);
  // Notes are re-rendered on this thread after a save: load the highlighter now, not on the first save.
  void getHighlighter();
  const plugin = gardenPlugin({ state, site, port: options.port, settleMs: options.settleMs });
  // Another dev server bundling into the same folder would replace the bundles this one's pages load.
  const cache = claimViteCache(projectRoot);
  if (cache.own) log(`Another trellis dev holds ${path.relative(process.cwd(), sharedViteCache(projectRoot))}: this one bundles the app's packages apart`);
  // A server that cannot start (its port taken) lets go of what it holds: the Vite cache, the search runs' temporary
  // folder, the store's file.
  const giveUp = () => {
    cache.release();
    plugin.api.close();
    state.close();
  };
  const vite = await createServer({
    root: projectRoot,
    configFile: path.join(projectRoot, 'vite.config.ts'),
    cacheDir: cache.dir,
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
  }).catch((error: unknown) => {
    giveUp();
    throw error;
  });
  await vite.listen().catch(async (error: unknown) => {
    await vite.close();
    giveUp();
    throw error;
  });
  const url = `http://127.0.0.1:${options.port}${basePath}`;
  const r = state.view().report();
  log(`Trellis is serving ${options.garden} at ${url} (${r.notes} notes, ${r.broken.length} broken links)`);

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const flush = () => {
    const configChanged = [...pending].some(isConfigPath);
    const paths = affectedPaths(
      [...pending].filter((p) => !isConfigPath(p)),
      state.knownPaths(),
    );
    pending = new Set();
    running = running
      .then(async () => {
        if (configChanged) await applyConfig();
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
  /** Load the changed configuration; serve with it when it is good (a new scan when it changes which notes there are). */
  const applyConfig = async () => {
    const reloaded = await reloadConfig(state.root, overrides, config, log);
    if (!reloaded) return;
    config = reloaded.config;
    // The state replaced may still be read by a request under way: its store's file closes when it is collected (store/spill-store.ts).
    if (reloaded.rescan) state = await GardenState.open(options.garden, options.pool, toScanSettings(config), basePath, config.topics);
    plugin.api.reconfigure(siteInfo(options.garden, config), reloaded.rescan ? state : undefined);
    log(`configuration reloaded${reloaded.rescan ? ' (garden scanned again)' : ''}`);
  };
  // The watcher sees the garden by its real path and reports garden-relative paths.
  const realRoot = await fs.realpath(state.root);
  const onChange = (p: string) => {
    pending.add(path.relative(realRoot, p).split(path.sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(flush, 25);
  };
  // Resolves once the watcher has seen the garden: changes made before that would be taken for its initial state.
  const watcher = await watchGarden(realRoot, { poll: options.poll ?? false, pollMs, onChange, log });
  // A file changed after the garden was read but before the watcher saw it would be missed
  // (a polling watcher takes that version as its baseline): look at every file once more.
  // Unchanged notes are skipped by their hash.
  const { files } = await walkGarden(state.root, toScanSettings(config).ignored);
  for (const p of new Set([...files.map((f) => f.rel), ...state.knownPaths()])) pending.add(p);
  flush();
  await running;
  return {
    url,
    get state() {
      return state;
    },
    vite,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await vite.close();
      plugin.api.close();
      cache.release();
      state.close();
    },
  };
}

/** The configuration `trellis dev` starts with; a bad one stops it, with its positioned errors. */
async function loadStartConfig(garden: string, overrides: ConfigOverrides): Promise<SiteConfig> {
  const result = await loadConfig(garden, overrides);
  if (result.ok) return result.config;
  throw new Error(`the configuration has errors:\n${result.errors.map((e) => formatConfigError(path.resolve(garden), e)).join('\n')}`);
}
