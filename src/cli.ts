/**
 * The command line: `trellis build | check | dev | new | preview | init`.
 * Usage errors exit 2; `check` exits 1 when a link or anchor is broken.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { GardenModel } from './build.ts';
import { buildFingerprint, buildRecordFile, quickFingerprint, readBuildRecord, readRecordedReport, writeRecordedReport } from './emit/build-record.ts';
import { writeFileAtomic } from './dev/atomic-write.ts';
import { scanGarden } from './scan/index.ts';
import type { CheckReport, Diagnostic, SiteInfo } from './shared/types.ts';
import { formatDiagnostic } from './format.ts';
import { createProgress } from './progress.ts';
import { siteInfo } from './site.ts';
import { noUrlNotice, SiteUrlError } from './site-url.ts';
import { limitHeapGrowth } from './heap-growth.ts';

const help = `trellis: Obsidian-style Markdown gardens to fast websites

Usage:
  trellis build [garden] [--out dist] [--url URL] [--no-cache] [--quiet]
  trellis check [garden] [--json]
  trellis dev   [garden] [--port 5173] [--url URL] [--poll]
  trellis new "Title" [garden] [--folder F]
  trellis preview [dist] [--port 4173]
  trellis init  [folder]
  trellis --help | --version

  garden      the folder of notes (default: garden/)
  --out       where the site is written (default: dist/); replaced atomically
  --url       where the site will be served, e.g. https://user.github.io/notes/: pages
              work under its path, and the sitemap, feeds and canonical links use it
  --no-cache  ignore the build cache (a cold build)
  --json      print the link report as JSON
  --poll      dev: poll the garden for changes (network drives, WSL), instead of file events
`;

class UsageError extends Error {}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`trellis: ${(error as Error).message}\n\n${help}`);
      return 2;
    }
    process.stderr.write(`trellis: ${(error as Error).stack ?? error}\n`);
    return 1;
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'no-cache': { type: 'boolean' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      port: { type: 'string' },
      poll: { type: 'boolean' },
      folder: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (values.version) {
    process.stdout.write('trellis 0.1.0\n');
    return 0;
  }
  const [command, ...rest] = positionals;
  switch (command) {
    case 'build': {
      const started = performance.now();
      limitHeapGrowth();
      const garden = rest[0] ?? 'garden';
      const out = values.out ?? 'dist';
      const useCache = !values['no-cache'];
      const root = path.resolve(garden);
      const site = siteOf(garden, values.url);
      if (!site.url && !values.quiet) process.stderr.write(noUrlNotice + '\n');
      const record = useCache ? readBuildRecord(out) : undefined;
      const recorded = record ? readRecordedReport(root, record.fingerprint) : undefined;
      const upToDate = () => {
        if (!values.quiet) printSummary(root, recorded!.report, recorded!.diagnostics, performance.now() - started, `${out}/ is up to date`);
        return 0;
      };
      const app = await loadApp();
      // First without reading notes (sizes and times), then by content (a touched but unchanged file).
      const quick = await quickFingerprint(root, site, app?.assets);
      if (recorded && record?.quick === quick) return upToDate();
      const scan = await scanGarden(root);
      const fingerprint = buildFingerprint(scan, site, app?.assets);
      if (recorded && record?.fingerprint === fingerprint) {
        // Same content, new file times: remember them, so the next check needs no reading.
        await writeFileAtomic(path.join(out, buildRecordFile), JSON.stringify({ ...record, quick }));
        return upToDate();
      }
      // The builder and emitter (unified, shiki, graphology, ...) load only when there is work to do.
      const [{ buildGarden }, { emitSite }] = await Promise.all([import('./build.ts'), import('./emit/index.ts')]);
      const model = await buildGarden({
        garden,
        noCache: !useCache,
        scan,
        onProgress: values.quiet ? undefined : createProgress('Building'),
        ...(site.url ? { url: site.url } : {}),
      });
      const result = await emitSite(model, { out, site, app, fingerprint, quick }).finally(() => model.close?.());
      await writeRecordedReport(root, { fingerprint, report: model.report, diagnostics: model.diagnostics });
      if (!values.quiet)
        printSummary(
          model.root,
          model.report,
          model.diagnostics,
          performance.now() - started,
          `${result.files} files written to ${out}/${model.cacheHits ? ` (${model.cacheHits} notes from cache)` : ''}`,
        );
      return 0;
    }
    case 'check': {
      limitHeapGrowth();
      const garden = rest[0] ?? 'garden';
      const { buildGarden } = await import('./build.ts');
      const model = await buildGarden({ garden, layout: false, render: false, onProgress: values.json ? undefined : createProgress('Checking') });
      if (values.json) process.stdout.write(JSON.stringify(model.report, null, 2) + '\n');
      else summary(model, '');
      return model.report.broken.length + model.report.brokenAnchors.length > 0 ? 1 : 0;
    }
    case 'dev': {
      const { startDev } = await import('./dev/index.ts');
      const port = values.port ? Number(values.port) : 5173;
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port}"`);
      const garden = rest[0] ?? 'garden';
      const site = siteOf(garden, values.url);
      await startDev({ garden, port, ...(values.poll ? { poll: true } : {}), ...(site.url ? { url: site.url } : {}) });
      return await new Promise<number>(() => {});
    }
    case 'new': {
      const title = rest[0];
      if (!title) throw new UsageError('new needs a title: trellis new "My note"');
      const { createNote } = await import('./dev/new-note.ts');
      try {
        const file = await createNote(rest[1] ?? 'garden', title, values.folder);
        process.stdout.write(`Created ${file}\n`);
        return 0;
      } catch (error) {
        // A refused name, an existing note or a folder outside the garden: say why, without a stack.
        const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
        process.stderr.write(`trellis: ${exists ? 'a note with that name exists; nothing was written' : (error as Error).message}\n`);
        return 1;
      }
    }
    case 'preview': {
      const { startPreview } = await import('./preview/index.ts');
      const port = values.port ? Number(values.port) : 4173;
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port}"`);
      const server = await startPreview({ dir: rest[0] ?? 'dist', port }).catch((error: NodeJS.ErrnoException) => {
        // No site to serve, or the port is taken: say so, without a stack.
        const busy = error.code === 'EADDRINUSE' ? `port ${port} is in use; choose another with --port` : undefined;
        if (!busy && !error.message.startsWith('Preview:')) throw error;
        process.stderr.write(`trellis: ${busy ?? error.message.slice('Preview: '.length)}\n`);
        return undefined;
      });
      if (!server) return 1;
      process.stdout.write(`Previewing ${rest[0] ?? 'dist'}/ at ${server.url} as a static host would serve it (Ctrl-C stops)\n`);
      return await new Promise<number>(() => {});
    }
    case 'init': {
      const { initProject } = await import('./init/index.ts');
      return await initProject(rest[0] ?? '.');
    }
    case undefined:
      throw new UsageError('missing command');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** The site facts of a garden with the `--url` given; a URL that cannot be used is a usage error. */
function siteOf(garden: string, url: string | undefined): SiteInfo {
  try {
    return siteInfo(garden, url === undefined ? {} : { url });
  } catch (error) {
    if (error instanceof SiteUrlError) throw new UsageError(`--url: ${error.message}`);
    throw error;
  }
}

async function loadApp() {
  try {
    const { ensureAppBundle } = await import('./emit/app-bundle.ts');
    return await ensureAppBundle();
  } catch (error) {
    process.stderr.write(`trellis: the reading app could not be built (${(error as Error).message}); pages work without it\n`);
    return undefined;
  }
}

function summary(model: GardenModel, extra: string): void {
  const total = Object.values(model.timings).reduce((a, b) => a + b, 0);
  printSummary(model.root, model.report, model.diagnostics, total, extra);
}

/** Diagnostics (info only with TRELLIS_VERBOSE), then one line: notes, links, broken, time. */
function printSummary(root: string, r: CheckReport, diagnostics: readonly Diagnostic[], ms: number, extra: string): void {
  const shown = diagnostics.filter((d) => d.severity !== 'info' || process.env.TRELLIS_VERBOSE);
  for (const d of shown.slice(0, 200)) process.stderr.write(formatDiagnostic(root, d) + '\n');
  if (shown.length > 200) process.stderr.write(`… and ${shown.length - 200} more\n`);
  process.stdout.write(
    `${r.notes} notes, ${r.links} links, ${r.broken.length} broken, ${r.brokenAnchors.length} broken anchors, ${r.ambiguous.length} ambiguous, ${r.orphans.length} orphans` +
      ` in ${(ms / 1000).toFixed(2)} s${extra ? '; ' + extra : ''}\n`,
  );
}
