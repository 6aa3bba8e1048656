/**
 * The benchmark (`npm run bench [-- --sizes 1000,10000] [--with-100k] [--graph-fps]`).
 *
 * 1. For each size, generates a garden into `bench/.gardens/<n>` (seed 1), or reuses it.
 * 2. Runs the CLI as a child process under `/usr/bin/time`: cold build (`--no-cache`), a build
 *    that fills the cache, then a rebuild with nothing changed (wall, CPU, peak RSS each).
 * 3. In this process, the dev loop's one-note edit (see lib/measure-edit.ts) and the stage timings.
 * 4. Sizes of dist/, first-load weight, search files, graph.json; search query latency; the
 *    markdown-it floor.
 * 5. With `--graph-fps`, the global graph page in Chromium (graph-fps.ts): transfer, first draw, fps.
 * 6. Prints a table and writes `bench/results.json`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRecordFile } from '../src/emit/build-record.ts';
import { parseArgs } from 'node:util';
import { ensureAppBundle } from '../src/emit/app-bundle.ts';
import { generateGarden, type GardenSummary } from './generate.ts';
import { measureGraphFps, type GraphFpsResult } from './graph-fps.ts';
import { measureCliBuild, type ProcessCost } from './lib/measure-cli.ts';
import { measureEdit, type EditCost } from './lib/measure-edit.ts';
import { measureFloors } from './lib/measure-floor.ts';
import { measureQueries, type QueryLatency } from './lib/measure-queries.ts';
import { measureSite, type SiteStats } from './lib/site-stats.ts';

/** Everything measured for one garden size. */
export interface SizeResult {
  notes: number;
  garden: GardenSummary;
  cold: ProcessCost;
  fillCache: ProcessCost;
  noChange: ProcessCost;
  edit: EditCost;
  site: SiteStats;
  queries: QueryLatency;
  floorMs: number;
  coldOverFloor: number;
  /** remark-parse alone over every note, one thread (absent in results from before it was measured). */
  remarkParseMs?: number;
  /** The global graph page in Chromium (only with `--graph-fps`). */
  graphFps?: GraphFpsResult;
}

const benchDir = import.meta.dirname;
const seed = 1;

async function prepareGarden(notes: number): Promise<{ dir: string; summary: GardenSummary }> {
  const dir = path.join(benchDir, '.gardens', String(notes));
  const summaryFile = `${dir}.json`;
  if (existsSync(summaryFile) && existsSync(dir)) return { dir, summary: JSON.parse(readFileSync(summaryFile, 'utf8')) as GardenSummary };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.stdout.write(`generating ${notes} notes into ${path.relative(process.cwd(), dir)} ...\n`);
  const summary = await generateGarden(dir, { notes, seed });
  writeFileSync(summaryFile, JSON.stringify(summary, null, 2));
  return { dir, summary };
}

async function measureSize(notes: number, graphFps: boolean): Promise<SizeResult> {
  const { dir, summary } = await prepareGarden(notes);
  const out = `${dir}.dist`;
  const cacheDir = `${dir}.cache`;
  rmSync(cacheDir, { recursive: true, force: true });
  const step = (label: string) => process.stdout.write(`[${notes}] ${label}\n`);
  step('cold build');
  const cold = measureCliBuild(dir, out, { noCache: true, cacheDir });
  step('build filling the cache');
  // The cold build left a build record; without it this build must really run (and fill the cache).
  rmSync(path.join(out, buildRecordFile), { force: true });
  const fillCache = measureCliBuild(dir, out, { noCache: false, cacheDir });
  step('rebuild, nothing changed (the build record matches: a no-op)');
  const noChange = measureCliBuild(dir, out, { noCache: false, cacheDir });
  step('one-note edit (in process)');
  const edit = await measureEdit(dir, out, cacheDir);
  step('site sizes and search queries');
  const site = measureSite(out, edit.editedUrl);
  const queries = await measureQueries(out);
  step('floors: markdown-it and remark-parse');
  const floor = measureFloors(dir);
  if (graphFps) step('graph page in Chromium');
  const fps = graphFps ? await measureGraphFps(out) : undefined;
  return {
    notes,
    garden: summary,
    cold,
    fillCache,
    noChange,
    edit,
    site,
    queries,
    floorMs: floor.markdownItMs,
    coldOverFloor: cold.wallMs / floor.markdownItMs,
    remarkParseMs: floor.remarkParseMs,
    ...(fps ? { graphFps: fps } : {}),
  };
}

/** Render results as a Markdown table, one column per size. */
export function toTable(results: readonly SizeResult[]): string {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
  const rows: [string, (r: SizeResult) => string][] = [
    ['garden (Markdown)', (r) => `${mb(r.garden.bytes)}, ${r.garden.links} links`],
    ['cold build: wall', (r) => ms(r.cold.wallMs)],
    ['cold build: CPU user+sys', (r) => ms(r.cold.cpuMs)],
    ['cold build: peak RSS', (r) => `${Math.round(r.cold.peakRssMb)} MB`],
    ['markdown-it floor (1 thread)', (r) => ms(r.floorMs)],
    ['cold build / floor', (r) => `${r.coldOverFloor.toFixed(1)}×`],
    ['remark-parse alone (1 thread; ÷ 2 cores)', (r) => (r.remarkParseMs === undefined ? '–' : `${ms(r.remarkParseMs)}; ${ms(r.remarkParseMs / 2)}`)],
    ['build filling cache: wall', (r) => ms(r.fillCache.wallMs)],
    ['no-change rebuild (CLI): wall', (r) => ms(r.noChange.wallMs)],
    ['no-change rebuild (CLI): peak RSS', (r) => `${Math.round(r.noChange.peakRssMb)} MB`],
    ['no-change rebuild (warm process)', (r) => ms(r.edit.noChangeMs)],
    ['one-note edit → page + backlink (warm process)', (r) => ms(r.edit.editMs)],
    [
      'edit stages',
      (r) =>
        Object.entries(r.edit.timings)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    ],
    ['graph stage incl. layout (warm)', (r) => ms(r.edit.noChangeTimings.graph ?? NaN)],
    ['dist/ size', (r) => `${mb(r.site.distBytes)} (${r.site.distFiles} files)`],
    ['first load of a note page (gz)', (r) => kb(r.site.firstLoadGzBytes)],
    ['search files', (r) => String(r.site.searchFiles)],
    ['search file gz: max / median', (r) => `${kb(r.site.searchMaxGzBytes)} / ${kb(r.site.searchMedianGzBytes)}`],
    ['query warm: median / p95', (r) => `${r.queries.warmMedianMs.toFixed(2)} / ${r.queries.warmP95Ms.toFixed(2)} ms`],
    ['query cold (loads shards): median / p95', (r) => `${r.queries.coldMedianMs.toFixed(1)} / ${r.queries.coldP95Ms.toFixed(1)} ms`],
    ['graph.json (raw / gz)', (r) => `${kb(r.site.graphJsonBytes)} / ${kb(r.site.graphJsonGzBytes)}`],
  ];
  if (results.some((r) => r.graphFps)) {
    const fps = (f: (g: GraphFpsResult) => string) => (r: SizeResult) => (r.graphFps ? f(r.graphFps) : '–');
    rows.push(
      ['graph page: transfer', fps((g) => mb(g.transferBytes))],
      ['graph page: first draw', fps((g) => ms(g.firstDrawMs))],
      ['graph page: every edge drawn', fps((g) => (g.edgesDrawnMs === undefined ? '–' : ms(g.edgesDrawnMs)))],
      ['graph page: panning fps (p95 frame)', fps((g) => `${g.pan.fps.toFixed(1)} (${Math.round(g.pan.p95FrameMs)} ms)`)],
      ['graph page: zooming fps (p95 frame)', fps((g) => `${g.zoom.fps.toFixed(1)} (${Math.round(g.zoom.p95FrameMs)} ms)`)],
    );
  }
  const head = `| measure | ${results.map((r) => `${r.notes} notes`).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---:').join('|')}|`;
  return [head, rule, ...rows.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '1000,10000' }, 'with-100k': { type: 'boolean' }, 'graph-fps': { type: 'boolean' } },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`Bench: --sizes wants integers ≥ 2, got ${values.sizes}`);
  if (values['with-100k']) sizes.push(100_000);
  await ensureAppBundle(); // build the app once, outside every measurement
  // Sizes not measured in this run are kept from the previous results.json.
  const resultsFile = path.join(benchDir, 'results.json');
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { results: SizeResult[] }).results : [];
  const results = previous.filter((r) => !sizes.includes(r.notes));
  for (const n of sizes) {
    results.push(await measureSize(n, values['graph-fps'] ?? false));
    results.sort((a, b) => a.notes - b.notes);
    // Written after every size, so a failure at a larger size keeps the smaller ones.
    const table = toTable(results);
    process.stdout.write(`\n${table}\n\n`);
    const machine = {
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      totalMemGb: Math.round(os.totalmem() / 2 ** 30),
      loadavg: os.loadavg(),
    };
    writeFileSync(resultsFile, JSON.stringify({ date: new Date().toISOString(), machine, results, table }, null, 2) + '\n');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
  process.exit(0); // the in-process worker pool may keep the event loop alive
}
