/**
 * Dev stage: build the garden, serve it on 127.0.0.1, and rebuild when a note
 * changes (the build cache makes a rebuild cost only what changed). Open pages
 * reload through a server-sent event stream.
 */
import { watch } from 'chokidar';
import type http from 'node:http';
import path from 'node:path';
import { buildGarden } from '../build.ts';
import { siteInfo } from '../cli.ts';
import { emitSite } from '../emit/index.ts';
import { formatDiagnostic } from '../format.ts';
import { serveStatic } from './serve-static.ts';

/** Options of `trellis dev`. */
export interface DevOptions {
  garden: string;
  port: number;
  out?: string;
}

/** Start the dev loop; resolves once the server listens. */
export async function startDev(options: DevOptions): Promise<http.Server> {
  const out = path.resolve(options.out ?? 'dist');
  const clients = new Set<http.ServerResponse>();
  let app: Awaited<ReturnType<typeof loadApp>>;
  const rebuild = async () => {
    const t = performance.now();
    const model = await buildGarden({ garden: options.garden });
    await emitSite(model, { out, site: siteInfo(options.garden), app });
    const bad = model.diagnostics.filter((d) => d.severity !== 'info');
    for (const d of bad.slice(0, 20)) process.stderr.write(formatDiagnostic(model.root, d) + '\n');
    process.stdout.write(`rebuilt ${model.report.notes} notes in ${Math.round(performance.now() - t)} ms (${model.report.broken.length} broken links)\n`);
    for (const c of clients) c.write('data: reload\n\n');
  };
  app = await loadApp();
  await rebuild();
  const server = await serveStatic(() => out, options.port, (req, res) => {
    if (req.url !== '/_trellis/events') return false;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': hello\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return true;
  });
  process.stdout.write(`Trellis is serving ${options.garden} at http://127.0.0.1:${options.port}/\n`);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild).catch((error: Error) => {
        process.stderr.write(`trellis: rebuild failed: ${error.message}\n`);
      });
    }, 80);
  };
  watch(path.resolve(options.garden), { ignoreInitial: true, ignored: (p) => /(^|[/\\])\./.test(path.relative(path.resolve(options.garden), p)) }).on('all', schedule);
  return server;
}

async function loadApp() {
  try {
    const { ensureAppBundle } = await import('../emit/app-bundle.ts');
    return await ensureAppBundle();
  } catch (error) {
    process.stderr.write(`trellis: the reading app could not be built (${(error as Error).message}); pages work without it\n`);
    return undefined;
  }
}
