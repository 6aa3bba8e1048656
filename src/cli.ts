/**
 * The command line: `trellis build | check | dev | new | preview | init`.
 * Usage errors exit 2; `check` exits 1 when a link or anchor is broken.
 */
import { statSync, type Stats } from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { hostname } from 'node:os';
import type { CompiledGarden, CompiledVerdict, GardenModel } from './build.ts';
import { emitIncrementally, rebuiltSummary } from './incremental/emit-incrementally.ts';
import { readManifestBytes, readOutputManifest } from './incremental/output-manifest.ts';
import { removeLater, sweepStaging } from './incremental/remove-later.ts';
import { pathsDigest } from './incremental/spare-check.ts';
import { sweepDeadTemps } from './store/dead-temps.ts';
import { outputFolderProblem, throughLink } from './emit/output-folder.ts';
import { lockFileOf, lockOutput, type LockHolder } from './incremental/build-lock.ts';
import { keptGitDatesFile, openKeptScan } from './incremental/kept-scan.ts';
import { buildFingerprint, buildRecordFile, quickFingerprint, readBuildRecord, readRecordedReport, writeRecordedReport } from './emit/build-record.ts';
import { readDerivedFacts, writeDerivedFacts } from './incremental/derived-facts.ts';
import { writeFileAtomic } from './dev/atomic-write.ts';
import { scanGarden } from './scan/index.ts';
import { gitState } from './scan/git-dates.ts';
import { statedWalk, type StatedFile } from './scan/walk.ts';
import type { CheckReport, Diagnostic, NoteId } from './shared/types.ts';
import type { FrameAndShapes } from './incremental/text-only.ts';
import { toCheckJson } from './check-json.ts';
import { formatDiagnosticSummary, type SummaryOptions } from './diagnostic-summary.ts';
import { createProgress } from './progress.ts';
import { siteInfo } from './site.ts';
import { noUrlNotice } from './site-url.ts';
import { growFastWhileSmall, limitHeapGrowth, serverHeapGrowthPercent } from './heap-growth.ts';
import { holdOptimisingCompiler, holdsOptimisingCompiler } from './optimising-tier.ts';
import { formatDiagnostic } from './format.ts';
import { formatTimings, phase, phaseParts, phases, timingsOn } from './timings.ts';
import { dateSources, defaultDateSource, type DateSource } from './emit/note-dates.ts';
import { loadConfig } from './config/load-config.ts';
import { formatConfigError } from './config/format-config-error.ts';
import { toScanSettings } from './config/scan-settings.ts';
import type { SiteConfig } from './config/types.ts';
import type { PreparedSearchWorker } from './search/build-in-worker.ts';
import { endLayoutAhead, layoutWorkerMinNodes, startLayoutAhead } from './graph/layout-start.ts';
import { heapMbFor } from './worker-heap.ts';

const help = `trellis: Obsidian-style Markdown gardens to fast websites

Usage:
  trellis build [garden] [--out dist] [--url URL] [--no-cache] [--quiet] [--dates git|frontmatter|filesystem]
  trellis check [garden] [--json]
  trellis dev   [garden] [--port 5173] [--url URL] [--poll]
  trellis new "Title" [garden] [--folder F]
  trellis preview [dist] [--port 4173]
  trellis init  [folder]
  trellis --help | --version

  garden      the folder of notes (default: garden/)
  --out       where the site is written (default: dist/); replaced atomically, so it must not be the
              garden, hold it, or hold files Trellis did not write
  --url       where the site will be served, e.g. https://user.github.io/notes/: pages work under
              its path, and the sitemap, feeds and canonical links use it (overrides "url" of
              trellis.config.yaml)
  --no-cache  ignore the build cache (a cold build)
  --dates     where notes' dates come from: git (default) = frontmatter, then git history;
              frontmatter = frontmatter only; filesystem = also file modification times
  --json      print the link report and every diagnostic as JSON
  --poll      dev: poll the garden for changes (network drives, WSL), instead of file events

  The garden's settings are read from trellis.config.yaml at its root (docs/configuration.md);
  a bad configuration stops build, check and dev with its errors and exit code 2.
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
      url: { type: 'string' },
      'no-cache': { type: 'boolean' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      port: { type: 'string' },
      poll: { type: 'boolean' },
      folder: { type: 'string' },
      dates: { type: 'string' },
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
      const garden = gardenFolder(rest[0]);
      // An output folder that is a symbolic link (dist -> /var/www/site) is built where it leads: the site is swapped in
      // there, and the link stays, instead of the link being replaced by a folder and the served site left as it was.
      const out = throughLink(values.out ?? 'dist');
      // The site replaces the output folder: never the garden, nor a folder of someone's files.
      const problem = outputFolderProblem(garden, out, values.out ?? 'dist');
      if (problem) {
        process.stderr.write(`trellis: ${problem}\n`);
        return 2;
      }
      // One build of an output folder at a time (src/incremental/build-lock.ts): a second waits, saying so.
      const lock = await lockOutput(out, values.quiet ? undefined : (holder) => process.stderr.write(waitingNotice(out, holder) + '\n'));
      try {
        // What builds killed half-way left beside the output (their staging folders) goes in the background, and
        // beside the cache (files written, not yet renamed over what they replace) now.
        sweepStaging(out);
        sweepDeadTemps(garden);
        return await buildSite(values, rest[0], garden, out, started);
      } finally {
        lock.release();
      }
    }
    case 'check': {
      limitHeapGrowth();
      const garden = gardenFolder(rest[0]);
      const config = await readConfig(garden, values.url);
      if (!config) return 2;
      const { buildGarden } = await import('./build.ts');
      // Rendered, not only parsed: some problems (unsafe URLs, invalid math, notes that fail to render) are found by
      // rendering. The build cache serves notes unchanged since the last build or check, and keeps what this one renders.
      const model = await buildGarden({
        garden,
        layout: false,
        scanSettings: toScanSettings(config),
        onProgress: values.json ? undefined : createProgress('Checking'),
      });
      model.close?.();
      if (values.json) process.stdout.write(JSON.stringify(toCheckJson(model.report, model.diagnostics), null, 2) + '\n');
      else summary(model, '');
      return model.report.broken.length + model.report.brokenAnchors.length > 0 ? 1 : 0;
    }
    case 'dev': {
      // V8 alone let the server's heap grow to several times its live data while it read the garden again (the watcher's
      // first look) and ran a first search: at 100k notes 3.07 GB at rest and 3.51 GB in a first search (seeded), against
      // 2.13 and 2.81 GB by 1.3; it grows by 1.15 (src/heap-growth.ts).
      limitHeapGrowth(serverHeapGrowthPercent);
      // Before Vite (and Rolldown's binding, whose allocator reads it as it loads): arenas committed as they are used,
      // not whole when reserved. A dev server that had bundled the app's packages held ~770 MB resident, ~170 MB so
      // (src/emit/build-app-bundle.mjs does the same for the build's app bundle; docs/performance.md). A value set by the user is kept.
      process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
      const { startDev } = await import('./dev/index.ts');
      const port = values.port ? Number(values.port) : 5173;
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port}"`);
      const garden = gardenFolder(rest[0]);
      const config = await readConfig(garden, values.url);
      if (!config) return 2;
      const site = siteInfo(garden, config);
      await startDev({
        garden,
        port,
        config,
        ...(values.url ? { overrides: { url: values.url } } : {}),
        ...(values.poll ? { poll: true } : {}),
        ...(site.url ? { url: site.url } : {}),
      });
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

/** The search worker of an edit of text, started ahead for the garden `root` whose walk found `files` (src/emit/early-search.ts). */
async function prepareSearch(root: string, files: readonly StatedFile[]) {
  const markdown = files.filter((f) => f.rel.endsWith('.md'));
  const bytes = markdown.reduce((sum, f) => sum + (f.stats?.size ?? 0), 0);
  return (await import('./emit/early-search.ts')).prepareEarlySearch(root, markdown.length, bytes);
}

/** With `TRELLIS_TIMINGS`, the build's phases to stderr (src/timings.ts). */
function printTimings(): void {
  if (timingsOn) process.stderr.write(formatTimings(phases()));
}

/** The options `trellis build` reads. */
interface BuildValues {
  out?: string;
  url?: string;
  'no-cache'?: boolean;
  quiet?: boolean;
  dates?: string;
}

/** `trellis build` of `garden` (as the user named it: `named`) into `out`, the output folder's lock held. */
async function buildSite(values: BuildValues, named: string | undefined, garden: string, out: string, started: number): Promise<number> {
  phase('startup');
  const useCache = !values['no-cache'];
  const root = path.resolve(garden);
  const config = await readConfig(garden, values.url, useCache);
  if (!config) return 2;
  const site = siteInfo(garden, config);
  const dates = values.dates === undefined ? config.dates : dateSource(values.dates);
  // Settings that change the site without being in `site` (ignore, publish policy, home).
  const settings = JSON.stringify(config);
  if (!site.url && !values.quiet) process.stderr.write(noUrlNotice + '\n');
  const record = useCache ? readBuildRecord(out) : undefined;
  // A warm build's heaps grow fast while they are small, a cold build's by 1.3 throughout (src/heap-growth.ts).
  const endFastGrowth = record ? growFastWhileSmall() : undefined;
  const recorded = record ? readRecordedReport(root, record.fingerprint) : undefined;
  // The build lists the first few diagnostics of each kind (all of them with TRELLIS_VERBOSE); `check` lists every one.
  const listed: SummaryOptions = process.env.TRELLIS_VERBOSE ? {} : { perKind: diagnosticsPerKind, allCommand: checkCommand(named) };
  // A build with a cache sets up its compile first (src/compile/ahead.ts): its parse worker loads its modules and warms up
  // on the other core, idle while this thread checks the app and walks the garden. A first build (no record) compiles every
  // note; a warm one the few an edit changed, which its builder's thread waited for when the worker started after the
  // stamps (ten-note edits at 10k notes: docs/performance.md). An up-to-date build ends the worker unused.
  const ahead = useCache ? (await import('./compile/ahead.ts')).compileAhead(root) : undefined;
  let preparedSearch: PreparedSearchWorker | undefined;
  try {
    // Returned from inside `try`: the `finally` below ends the compile set up ahead.
    const upToDate = () => {
      endFastGrowth?.();
      if (!values.quiet) printSummary(root, recorded!.report, recorded!.diagnostics, performance.now() - started, `${out}/ is up to date`, listed);
      printTimings();
      return 0;
    };
    const app = await loadApp();
    phase('config');
    // First without reading notes (sizes and times), then by content (a touched but unchanged file).
    // The scan takes the walk and its stats from here (src/scan/walk.ts).
    const scanSettings = toScanSettings(config);
    // Git is asked once, while the garden is walked: the commit is in the quick fingerprint, and the scan dates notes by it.
    const git = gitState(root);
    const walked = await statedWalk(root, scanSettings.ignored);
    phase('walk');
    const quick = await quickFingerprint(git, walked, site, app?.assets, dates, settings);
    phase('stamps');
    // The previous site's manifest is read from disk meanwhile, by libuv's threads; decoded once the scan says the garden changed.
    const manifestBytes = useCache && record && (quick === undefined || record.quick !== quick) ? readManifestBytes(root, out) : undefined;
    if (recorded && quick !== undefined && record?.quick === quick) return upToDate();
    // The garden changed since the site was built (file sizes or times): the search worker an edit of text needs loads its
    // modules now, on the other core, and reads the postings the last build kept (src/emit/early-search.ts).
    preparedSearch = useCache && record ? await prepareSearch(root, walked.files) : undefined;
    phase('workers ahead');
    // Notes whose files are as the last scan saw them are not read again (src/incremental/kept-scan.ts).
    const keptScan = useCache ? openKeptScan(root, config.publish) : undefined;
    const scan = await scanGarden(root, {
      ...scanSettings,
      walked,
      gitState: git,
      ...(keptScan ? { kept: keptScan, keptGitDates: keptGitDatesFile(root) } : {}),
    });
    keptScan?.save();
    phase('scan');
    const fingerprint = buildFingerprint(scan, site, app?.assets, dates, settings);
    phase('fingerprint');
    if (recorded && record?.fingerprint === fingerprint) {
      // Same content, new file times: remember them, so the next check needs no reading.
      await writeFileAtomic(path.join(out, buildRecordFile), JSON.stringify({ ...record, quick }));
      return upToDate();
    }
    // The builder and emitter (unified, shiki, graphology, ...) load only when there is work to do.
    const [
      { buildGarden },
      { emitSite, frameInputs },
      { earlySearch, searchAheadForLinks },
      { frameAndShapes, linkChange, linksKept, textOnlyChange },
      { openSiteWriter },
    ] = await Promise.all([
      import('./build.ts'),
      import('./emit/index.ts'),
      import('./emit/early-search.ts'),
      import('./incremental/text-only.ts'),
      import('./emit/write-site.ts'),
    ]);
    phase('builder load');
    const previous = useCache ? readOutputManifest(root, out, record?.fingerprint, await manifestBytes) : undefined;
    phase('manifest');
    // The staging folder is made from the previous build's spare while the notes compile (a few
    // thousand renames and links, then in the main thread's wait for the parse worker), not after the graph stage.
    const writer = previous ? openSiteWriter(out, previous, true) : undefined;
    writer?.catch(() => undefined);
    const emitOptions = {
      out,
      site,
      app,
      fingerprint,
      quick,
      dates,
      settings,
      feed: config.feed,
      keepReplaced: true,
      keepSearch: useCache,
      keepLocalGraphs: useCache,
    };
    // Once the notes are compiled, the garden's frame and shapes tell whether only text changed
    // (src/incremental/text-only.ts); if so, the search index starts then, beside the graph stage (src/emit/early-search.ts).
    const early = previous ? earlySearch(root, out, previous, preparedSearch) : undefined;
    if (!early) void preparedSearch?.discard();
    let shape: FrameAndShapes | undefined;
    let textChanged: Set<NoteId> | undefined;
    let searchAfterGraph: PreparedSearchWorker | undefined;
    const onCompiled = (compiled: CompiledGarden): CompiledVerdict | void => {
      phase('compile');
      shape = frameAndShapes(compiled.notes, frameInputs(emitOptions, compiled.attachments), previous);
      const changed = (textChanged = textOnlyChange(compiled.notes, shape, previous));
      // The text of a few notes alone: the rest of the build runs without V8's optimising compiler (src/optimising-tier.ts).
      if (changed && holdsOptimisingCompiler(changed.size, compiled.notes.length)) holdOptimisingCompiler();
      // Else text and links changed but no outline: what the previous build derived holds where no change reaches.
      const linked = changed ? undefined : linkChange(compiled.notes, shape, previous);
      const facts = (changed ?? linked) && recorded ? readDerivedFacts(root, recorded.fingerprint) : undefined;
      // Links changed too: the search starts after the graph stage, on the worker started ahead (it has read the kept
      // postings), unless the garden is large: then it is ended, and the search starts once the layout is done.
      const searchOnAhead = linked !== undefined && searchAheadForLinks(compiled.notes.length);
      if (!changed && !searchOnAhead) early?.skip();
      if (searchOnAhead) searchAfterGraph = preparedSearch;
      // More than text changed: the layout will likely run again, in the graph stage. Its worker loads its modules now,
      // on the other core, while this thread resolves the links; its heap is for a graph of the previous build's links.
      // Not when no note's links changed either (only text and dates moved): the graph, and its layout, are the previous site's.
      const published = changed || (linked && previous && linksKept(linked, shape, previous)) ? 0 : compiled.notes.filter((n) => n.publish).length;
      if (recorded && published >= layoutWorkerMinNodes) startLayoutAhead(heapMbFor(published + recorded.report.links, 1024));
      phase('what changed');
      if (!changed) return linked && facts ? { linksOnly: { changed: linked, facts, ...(recorded?.report ? { report: recorded.report } : {}) } } : undefined;
      early?.start(
        compiled.notes.filter((n) => n.publish),
        compiled.store,
        compiled.texts,
      );
      // Only text changed: the graph, and so its layout key, are the previous site's; so is what it derived of the links.
      return {
        ...(previous?.shape?.layout ? { layoutKey: previous.shape.layout } : {}),
        ...(facts && recorded ? { textOnly: { changed, facts, report: recorded.report } } : {}),
      };
    };
    const model = await buildGarden({
      garden,
      noCache: !useCache,
      scan,
      fingerprint,
      ...(ahead ? { ahead } : {}),
      ...(previous ? { previousHashes: previous.notes } : {}),
      topics: config.topics,
      onProgress: values.quiet ? undefined : createProgress('Building'),
      ...(site.url ? { url: site.url } : {}),
      onCompiled,
      // The emit computes its page keys while the layout worker runs, and waits for it after (src/emit/index.ts).
      placeLater: true,
    }).catch(async (error: unknown) => {
      await early?.discard();
      await (await writer?.catch(() => undefined))?.abort();
      throw error;
    });
    // The derive stage's own laps (src/build.ts), then what else it did.
    phaseParts('derive', model.timings, ['resolve', 'graph', 'assemble']);
    const search = early?.run();
    // The report and the facts the next build reads are written while the search worker finishes. Keyed by this
    // build's fingerprint, they are read only by a build over a site recorded with it: a failed emit leaves them unread.
    const meanwhile = async () => {
      await writeRecordedReport(root, { fingerprint, report: model.report, diagnostics: model.diagnostics });
      if (useCache) await writeDerivedFacts(root, fingerprint, model.facts());
    };
    const given = {
      meanwhile,
      ...(search ? { search } : searchAfterGraph ? { preparedSearch: searchAfterGraph } : {}),
      // The emit reads the same notes with the same shape: it need not ask which changed again.
      ...(shape ? { shape, textChanged } : {}),
      ...(writer ? { writer } : {}),
    };
    const result = await emitIncrementally(emitSite, model, { ...emitOptions, ...given }, previous).finally(async () => {
      // An early search still reading texts from the store's files is waited for before they are closed.
      await early?.discard();
      model.close?.();
    });
    if (!values.quiet)
      printSummary(model.root, model.report, model.diagnostics, performance.now() - started, rebuiltSummary(result, out, model.cacheHits), listed);
    // The previous site goes once the new one is in place and reported (src/incremental/remove-later.ts). The one kept
    // as the next build's spare is checked first, against the files it was built with (src/incremental/spare-check.ts).
    // A build that had no site to keep as the spare names one that its clean-up makes (src/incremental/make-spare.ts).
    const make = result.spareToMake ? { ...result.spareToMake, out: path.resolve(out), builder: process.pid } : undefined;
    removeLater(result.replaced, out, result.spare, result.spare && previous ? (previous.digest ?? pathsDigest(previous.files.keys())) : undefined, make);
    phase('report');
    printTimings();
    return 0;
  } finally {
    endFastGrowth?.();
    void preparedSearch?.discard();
    endLayoutAhead();
    await ahead?.close();
  }
}

/** What a build waiting for another build of the same output folder says. */
function waitingNotice(out: string, holder: LockHolder | undefined): string {
  const where = holder && holder.host !== hostname() ? ` on ${holder.host}` : '';
  const who = holder ? ` (process ${holder.pid}${where}, started at ${new Date(holder.started).toLocaleTimeString()})` : '';
  const file = path.relative(process.cwd(), lockFileOf(out)) || lockFileOf(out);
  return `trellis: waiting for another build of ${out}/${who} to finish; if none is running, remove ${file}`;
}

/**
 * The garden's configuration, its warnings printed; undefined (after printing its errors) when it is bad. With
 * `cache` (a build with its cache; `check`), a file validated by an earlier run is taken as validated then (src/config/validated-config.ts).
 */
async function readConfig(garden: string, url: string | undefined, cache = true): Promise<SiteConfig | undefined> {
  const root = path.resolve(garden);
  const result = await loadConfig(root, url === undefined ? {} : { url }, { cache });
  for (const w of result.warnings) process.stderr.write(formatDiagnostic(root, w) + '\n');
  if (result.ok) return result.config;
  for (const e of result.errors) process.stderr.write(formatConfigError(root, e) + '\n');
  process.stderr.write(
    `trellis: the configuration has ${result.errors.length === 1 ? 'an error' : `${result.errors.length} errors`}; see docs/configuration.md. Stopped before reading any note\n`,
  );
  return undefined;
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

/** The garden folder named (default `garden`), checked to be one: a mistyped name is a usage error, not a stack trace. */
function gardenFolder(arg: string | undefined): string {
  const garden = arg ?? 'garden';
  let stat: Stats | undefined;
  try {
    stat = statSync(garden);
  } catch {
    throw new UsageError(`there is no garden folder "${garden}"`);
  }
  if (!stat.isDirectory()) throw new UsageError(`"${garden}" is a file; the garden is a folder of notes`);
  return garden;
}

/** The `--dates` setting, checked. */
function dateSource(value: string | undefined): DateSource {
  if (value === undefined) return defaultDateSource;
  if ((dateSources as readonly string[]).includes(value)) return value as DateSource;
  throw new UsageError(`--dates must be one of ${dateSources.join(', ')}; got "${value}"`);
}

/** Diagnostics of each kind the build lists; `trellis check` lists them all. */
const diagnosticsPerKind = 3;

/** The command that lists every diagnostic of `garden` (as the user named it). */
function checkCommand(garden: string | undefined): string {
  if (garden === undefined) return 'trellis check';
  return `trellis check ${/^[\w./@%+=:,-]+$/.test(garden) ? garden : `'${garden.replaceAll("'", `'\\''`)}'`}`;
}

function summary(model: GardenModel, extra: string): void {
  const total = Object.values(model.timings).reduce((a, b) => a + b, 0);
  printSummary(model.root, model.report, model.diagnostics, total, extra, {});
}

/** Diagnostics by kind (to stderr), then one line: notes, links, broken, time. */
function printSummary(root: string, r: CheckReport, diagnostics: readonly Diagnostic[], ms: number, extra: string, listed: SummaryOptions): void {
  process.stderr.write(formatDiagnosticSummary(root, diagnostics, listed));
  process.stdout.write(
    `${r.notes} notes, ${r.links} links, ${r.broken.length} broken, ${r.brokenAnchors.length} broken anchors, ${r.ambiguous.length} ambiguous, ${r.orphans.length} orphans` +
      ` in ${(ms / 1000).toFixed(2)} s${extra ? '; ' + extra : ''}\n`,
  );
}
