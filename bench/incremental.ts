/**
 * Incremental builds: `trellis build` (the CLI, a child process under GNU time) over a garden whose
 * cache and site are warm, after each kind of change, as ratios to the floors of the same run.
 *
 *   npx tsx bench/incremental.ts <garden> [--runs 3] [--cold]
 *
 * Rows: nothing changed; 1 note changed (a sentence appended); 10 notes changed without link
 * changes (a sentence each); 10 notes changed with links added and removed (each note's trailing
 * `See also [[…]]` line names another note each round); with `--cold`, a cold build (`--no-cache`).
 * Each row is the median of `--runs` builds (each run changes other notes). The notes are restored
 * afterwards. The site and cache live beside the garden (`<garden>.inc-dist`, `<garden>.inc-cache`).
 * Each build runs with `TRELLIS_TIMINGS=1`: the results give each row's phases on the builder's thread too.
 * Writes `bench/incremental-results.json`.
 *
 * With `--git <commits>`, the builds are of a copy of the garden in a git repository with a history
 * (lib/git-garden.ts: `<garden>.git`, made once), as an author's garden is, and one more row: 1 note
 * changed and committed (its git dates move: its page, the list pages and the home page show them).
 * Writes `bench/incremental-git-results.json`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { commitAll, gitGarden } from './lib/git-garden.ts';
import { measureFloors } from './lib/measure-floor.ts';
import { listFiles } from './lib/site-stats.ts';
import { parseTimings } from '../src/timings.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, cold: { type: 'boolean', default: false }, git: { type: 'string' } },
});
const source = path.resolve(positionals[0] ?? 'bench/.gardens/10000');
const garden = values.git === undefined ? source : gitGarden(source, Number(values.git));
const runs = Number(values.runs);
const out = `${garden}.inc-dist`;
const cacheDir = `${garden}.inc-cache`;

interface Run {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  summary: string;
  /** The builder's thread's phases, ms each (`TRELLIS_TIMINGS`, src/timings.ts). */
  phases: Map<string, number>;
}

function build(options: { cold?: boolean; into?: string } = {}): Run {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'trellis-inc-bench-'));
  const report = path.join(tmp, 'time.txt');
  const args = [path.join(root, 'bin/trellis.js'), 'build', garden, '--out', options.into ?? out, ...(options.cold ? ['--no-cache'] : [])];
  try {
    const start = performance.now();
    const child = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %U %S %M', process.execPath, ...args], {
      env: { ...process.env, TRELLIS_CACHE_DIR: options.cold ? path.join(tmp, 'cache') : cacheDir, TRELLIS_TIMINGS: '1' },
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    if (child.status !== 0) throw new Error(`trellis build failed (${child.status}): ${child.stderr.slice(-2000)}`);
    const [, user, sys, maxKb] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    const summary = child.stdout.trim().split('\n').at(-1) ?? '';
    return { wallMs, cpuMs: (user! + sys!) * 1000, peakRssMb: maxKb! / 1024, summary, phases: parseTimings(child.stderr) ?? new Map() };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const notes = listFiles(garden)
  .filter((f) => f.endsWith('.md'))
  .sort();
const originals = new Map<string, string>();
const original = (f: string) => {
  if (!originals.has(f)) originals.set(f, readFileSync(f, 'utf8'));
  return originals.get(f)!;
};
const titleOf = (f: string) => path.basename(f, '.md');
// Notes spread over the garden; each run takes other ones.
const pickNotes = (count: number, run: number, salt: number) =>
  Array.from({ length: count }, (_, i) => notes[(i * Math.floor(notes.length / count) + run * 7 + salt * 101) % notes.length]!);

function appendSentence(files: readonly string[], run: number): void {
  for (const f of files) writeFileSync(f, readFileSync(f, 'utf8') + `\n\nA sentence appended in run ${run}, about nothing in particular.\n`);
}

/** Each note's original text plus one `See also` line naming note `round` notes further on: one link added, the last round's removed. */
function relink(files: readonly string[], round: number): void {
  for (const f of files) {
    const target = notes[(notes.indexOf(f) + 13 * (round + 1)) % notes.length]!;
    writeFileSync(f, original(f) + `\n\nSee also [[${titleOf(target)}]].\n`);
  }
}

/**
 * Wait (up to three minutes) until the clean-up a build left in the background is done: the replaced site's folder and
 * the trash beside `dist` (src/incremental/remove-later.ts), and the clean-up process itself (src/incremental/clean-up.ts),
 * which after every warm build checks the spare (~0.3 s at 10k notes). After a build that rewrote the whole site it
 * unlinks some 48,000 files for about a minute, and builds measured meanwhile share the machine with it; a build
 * started while the spare is checked took ~0.09 s longer, at the clean-up's lowest priority (docs/performance.md). An
 * author's next build comes seconds after the last, not within its clean-up's fraction of a second.
 */
function settle(site: string): void {
  const dir = path.dirname(site);
  const base = path.basename(site);
  const pending = () =>
    readdirSync(dir).filter((name) => name.startsWith(`.${base}-replaced-`) || name.startsWith(`.${base}-trash-`)).length > 0 || cleaningUp(dir);
  const until = Date.now() + 180_000;
  while (pending() && Date.now() < until) spawnSync('sleep', ['0.05']);
}

/** Whether a clean-up process of a site in the folder `dir` is running (Linux: read from /proc; elsewhere, never known). */
function cleaningUp(dir: string): boolean {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return false;
  }
  return pids.some((pid) => {
    try {
      const [, script = '', job = ''] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return /clean-up(-entry)?\.(m?js)$/.test(script) && job.includes(JSON.stringify(dir).slice(1, -1));
    } catch {
      return false;
    }
  });
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Row {
  name: string;
  runs: Run[];
}

function row(name: string, change: (run: number) => void, options: Parameters<typeof build>[0] = {}): Row {
  const done: Run[] = [];
  for (let r = 0; r < runs; r++) {
    // Each run after the last one's clean-up: as an author's next build comes (see `settle`).
    settle(out);
    change(r);
    const result = build(options);
    process.stderr.write(
      `${name} #${r + 1}: ${(result.wallMs / 1000).toFixed(2)} s wall, ${(result.cpuMs / 1000).toFixed(2)} s CPU, ${result.peakRssMb.toFixed(0)} MB; ${result.summary}\n`,
    );
    done.push(result);
  }
  return { name, runs: done };
}

process.stderr.write(`garden ${garden}: ${notes.length} notes; floors…\n`);
// The clean-up an earlier build left in the background would slow the floors (then every ratio would flatter the rows).
settle(out);
const floors = measureFloors(garden);
process.stderr.write(`markdown-it ${floors.markdownItMs.toFixed(0)} ms, remark-parse ${floors.remarkParseMs.toFixed(0)} ms (1 thread)\n`);
const rows: Row[] = [];
try {
  const warm = build();
  process.stderr.write(`warm-up: ${(warm.wallMs / 1000).toFixed(2)} s; ${warm.summary}\n`);
  settle(out);
  rows.push(row('nothing changed', () => undefined));
  rows.push(row('1 note changed', (r) => appendSentence(pickNotes(1, r, 1), r)));
  if (values.git !== undefined) {
    // The rows before left their notes' sentences uncommitted: committed and built first, unmeasured.
    commitAll(garden, 'the rows before');
    build();
    settle(out);
    rows.push(
      row('1 note changed and committed', (r) => {
        appendSentence(pickNotes(1, r, 4), r);
        commitAll(garden, `bench run ${r}`);
      }),
    );
  }
  rows.push(row('10 notes changed, no link changes', (r) => appendSentence(pickNotes(10, r, 2), r)));
  // The links' notes first get their `See also` line, unmeasured; then each run moves it.
  const linked = (r: number) => pickNotes(10, r, 3);
  for (let r = 0; r < runs; r++) relink(linked(r), 0);
  build();
  settle(out);
  rows.push(row('10 notes changed, links added and removed', (r) => relink(linked(r), r + 1)));
} finally {
  for (const [f, text] of originals) writeFileSync(f, text);
}
if (values.cold) {
  const into = `${garden}.inc-cold`;
  // The site of the run before (or of a bench cut short) is moved aside, and removed after the row, not before each
  // run: on a file system without a journal (ext4 here), a file made in the minutes after thousands were freed costs
  // the kernel a look at each freed inode (`recently_deleted`), and a cold build makes ~44k files (docs/performance.md,
  // "Thirty-eighth session").
  const asidePrefix = `${path.basename(into)}.aside-`;
  const moveAside = (r: number) => existsSync(into) && renameSync(into, `${into}.aside-${process.pid}-${r}`);
  rows.push(row('cold build (--no-cache)', moveAside, { cold: true, into }));
  moveAside(runs);
  for (const name of readdirSync(path.dirname(into)).filter((n) => n.startsWith(asidePrefix)))
    rmSync(path.join(path.dirname(into), name), { recursive: true, force: true });
}

/** Each phase's median over a row's runs (0 in a run that skipped it), in the order the runs name them. */
function medianPhases(r: Row): Record<string, number> {
  const names = [...new Set(r.runs.flatMap((x) => [...x.phases.keys()]))];
  return Object.fromEntries(names.map((name) => [name, Math.round(median(r.runs.map((x) => x.phases.get(name) ?? 0)))]));
}

const table = rows.map((r) => {
  const wall = median(r.runs.map((x) => x.wallMs));
  return {
    name: r.name,
    wallMs: Math.round(wall),
    cpuMs: Math.round(median(r.runs.map((x) => x.cpuMs))),
    peakRssMb: Math.round(Math.max(...r.runs.map((x) => x.peakRssMb))),
    overMarkdownIt: +(wall / floors.markdownItMs).toFixed(2),
    overRemarkTwoCores: +(wall / (floors.remarkParseMs / 2)).toFixed(2),
    walls: r.runs.map((x) => Math.round(x.wallMs)),
    summary: r.runs.at(-1)!.summary,
    phases: medianPhases(r),
  };
});
process.stdout.write(`\n| build | wall (median of ${runs}) | CPU | peak RSS | × markdown-it floor | × remark floor ÷ 2 |\n|---|---:|---:|---:|---:|---:|\n`);
for (const t of table)
  process.stdout.write(
    `| ${t.name} | ${(t.wallMs / 1000).toFixed(2)} s | ${(t.cpuMs / 1000).toFixed(1)} s | ${t.peakRssMb} MB | ${t.overMarkdownIt}× | ${t.overRemarkTwoCores}× |\n`,
  );
// Where each row's time goes on the builder's thread: its phases, median ms over its runs.
const phaseNames = [...new Set(table.flatMap((t) => Object.keys(t.phases)))];
process.stdout.write(`\n| phase (ms, median) | ${table.map((t) => t.name).join(' | ')} |\n|---|${table.map(() => '---:').join('|')}|\n`);
for (const name of phaseNames) process.stdout.write(`| ${name} | ${table.map((t) => t.phases[name] ?? '').join(' | ')} |\n`);
writeFileSync(
  path.join(root, values.git === undefined ? 'bench/incremental-results.json' : 'bench/incremental-git-results.json'),
  JSON.stringify({ garden: path.basename(garden), notes: notes.length, when: new Date().toISOString(), load: os.loadavg(), floors, rows: table }, null, 2) +
    '\n',
);
