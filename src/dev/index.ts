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
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { formatDiagnostic } from '../format.ts';
import { GardenState } from './garden-state.ts';
import { gardenPlugin } from './vite-plugin-garden.ts';

/** Options of `trellis dev`. */
export interface DevOptions {
  garden: string;
  port: number;
  /** Milliseconds of quiet before topics, layout and search are recomputed. */
  settleMs?: number;
  quiet?: boolean;
}

/** A running dev server. */
export interface DevServer {
  url: string;
  state: GardenState;
  vite: ViteDevServer;
  close(): Promise<void>;
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Start the dev server; resolves once it listens. */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const log = (s: string): void => {
    if (!options.quiet) process.stdout.write(s + '\n');
  };
  const state = await GardenState.open(options.garden);
  const plugin = gardenPlugin({ state, port: options.port, settleMs: options.settleMs });
  const vite = await createServer({
    root: projectRoot,
    configFile: path.join(projectRoot, 'vite.config.ts'),
    appType: 'custom',
    logLevel: options.quiet ? 'silent' : 'warn',
    server: { host: '127.0.0.1', port: options.port, strictPort: true, watch: { ignored: [path.resolve(options.garden) + '/**', '**/dist/**', '**/test/**'] } },
    plugins: [plugin],
  });
  await vite.listen();
  const url = `http://127.0.0.1:${options.port}/`;
  const r = state.view().report();
  log(`Trellis is serving ${options.garden} at ${url} (${r.notes} notes, ${r.broken.length} broken links)`);

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const flush = () => {
    const paths = [...pending];
    pending = new Set();
    running = running
      .then(async () => {
        const change = await state.apply(paths);
        if (change.changed.length === 0 && change.removed.length === 0) return;
        plugin.api?.notify(change);
        for (const d of state.diagnosticsFor(change.rerendered).filter((x) => x.severity !== 'info').slice(0, 20)) log(formatDiagnostic(state.root, d));
        log(`updated ${change.changed.length} note(s) in ${change.ms} ms`);
      })
      .catch((error: Error) => log(`trellis: update failed: ${error.message}`));
  };
  const watcher = watch(state.root, {
    ignoreInitial: true,
    ignored: (p) => path.relative(state.root, p).split(path.sep).some((s) => s.startsWith('.') || s === 'node_modules'),
  }).on('all', (_event, p) => {
    pending.add(p);
    clearTimeout(timer);
    timer = setTimeout(flush, 25);
  });
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
