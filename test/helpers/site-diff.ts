/** The CLI build of a garden and the comparison of two sites, byte for byte, for the incremental build's property tests. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readBuildRecord } from '../../src/emit/build-record.ts';
import { readOutputManifest, type OutputManifest } from '../../src/incremental/output-manifest.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/trellis.js');

/** `trellis build` through the CLI, with its own cache folder; its standard output. */
export function build(garden: string, out: string, cache: string, cold = false): string {
  const args = [bin, 'build', garden, '--out', out, ...(cold ? ['--no-cache'] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: cache } });
  if (r.status !== 0) throw new Error(`build failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/**
 * The link report and diagnostics the last build of `garden` with cache folder `cache` recorded
 * (src/emit/build-record.ts): what its summary and the next up-to-date build print.
 */
export function recordedReport(garden: string, cache: string): unknown {
  const { report, diagnostics } = JSON.parse(readFileSync(path.join(cache, `${cacheId(garden)}-report.json`), 'utf8')) as {
    report: unknown;
    diagnostics: unknown;
  };
  return { report, diagnostics };
}

/** The diagnostics the last build of `garden` recorded, each as `file:line:column rule`. */
export function recordedDiagnostics(garden: string, cache: string): string[] {
  const { diagnostics } = recordedReport(garden, cache) as { diagnostics: { file: string; line: number; column: number; ruleId: string }[] };
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
}

/** The facts the last build of `garden` kept of its links for the next (src/incremental/derived-facts.ts): the fingerprint of the site they belong to. */
export function derivedFacts(garden: string, cache: string): { fingerprint: string } {
  return JSON.parse(readFileSync(path.join(cache, `${cacheId(garden)}-derived.json`), 'utf8')) as { fingerprint: string };
}

/**
 * The output manifest the last build of `garden` into `out` with cache folder `cache` recorded, as the next build reads
 * it (its base and delta: src/incremental/output-manifest.ts); undefined when that build would not read it.
 */
export function recordedManifest(garden: string, out: string, cache: string): OutputManifest | undefined {
  const previous = process.env.TRELLIS_CACHE_DIR;
  process.env.TRELLIS_CACHE_DIR = cache;
  try {
    return readOutputManifest(garden, out, readBuildRecord(out)?.fingerprint);
  } finally {
    if (previous === undefined) delete process.env.TRELLIS_CACHE_DIR;
    else process.env.TRELLIS_CACHE_DIR = previous;
  }
}

function cacheId(garden: string): string {
  return createHash('sha256').update(path.resolve(garden)).digest('hex').slice(0, 16);
}

/** Every file of a site (but its build record), by site-relative path. */
function siteFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (rel !== '.trellis-build.json') files.set(rel, readFileSync(path.join(e.parentPath, e.name)));
  }
  return files;
}

/**
 * Files holding the global graph's node positions: the one output allowed to differ from a cold
 * build (a changed graph is placed from the previous layout, docs/architecture.md). They are
 * compared without positions, and every position must be a finite number within the layout's bounds.
 */
const layoutFiles = new Set(['graph.json', 'graph-layout.json']);

function sameLayout(rel: string, a: Buffer, b: Buffer): boolean {
  const within = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1000;
  // Each file as text without its positions, or undefined when a position is not a finite number in bounds.
  const strip = (bytes: Buffer): string | undefined => {
    const json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    if (rel === 'graph.json') {
      const notes = json.notes as Record<string, unknown>[];
      if (!notes.every((n) => (n.x === undefined && n.y === undefined) || (within(n.x) && within(n.y)))) return undefined;
      return JSON.stringify({ ...json, notes: notes.map((n) => ({ ...n, x: n.x !== undefined, y: n.y !== undefined })) });
    }
    if (!Object.values(json.bounds as Record<string, unknown>).every(within)) return undefined;
    return JSON.stringify({ ...json, x: null, y: null, bounds: null });
  };
  const [sa, sb] = [strip(a), strip(b)];
  return sa !== undefined && sa === sb;
}

/** The differences between two sites, for a readable failure: files only in one, files whose bytes differ. */
export function siteDiff(a: string, b: string): string[] {
  const x = siteFiles(a);
  const y = siteFiles(b);
  const out: string[] = [];
  for (const [rel, bytes] of x) {
    const other = y.get(rel);
    if (!other) out.push(`only in the incremental site: ${rel}`);
    else if (layoutFiles.has(rel) ? !sameLayout(rel, bytes, other) : !bytes.equals(other)) out.push(`differs: ${rel}`);
  }
  for (const rel of y.keys()) if (!x.has(rel)) out.push(`only in the cold site: ${rel}`);
  // Empty folders left behind count too: a cold build has none.
  const empty = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isDirectory() && readdirSync(path.join(e.parentPath, e.name)).length === 0)
      .map((e) => `empty folder in ${dir === a ? 'incremental' : 'cold'} site: ${path.relative(dir, path.join(e.parentPath, e.name))}`);
  return [...out, ...empty(a), ...empty(b)];
}
