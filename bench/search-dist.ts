/**
 * Search measurements of a built site (`npx tsx bench/search-dist.ts <dist> [queries...]`).
 *
 * Reports the size of `_search/` (files, raw and gzipped bytes, the manifest), then for each query
 * (by default the bench's fixed set plus typo queries) the files and gzipped bytes a fresh engine
 * loads to answer it, its cold time (fresh engine: parse the manifest, vocabulary and shards) and
 * warm time (the same query again), and its total and first hits. The engine is the one the
 * browser's worker runs, with files read from disk into memory first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createSearchEngine } from '../web/search/lib/create-search-engine.ts';
import { listFiles } from './lib/site-stats.ts';
import { percentile, querySet } from './lib/measure-queries.ts';

/** Misspelt words of the bench garden's vocabulary (one or two letters wrong). */
const typoQueries = ['latncy', 'qourum', 'replca snapshot', 'congestoin window', 'alocator', 'tokeniser', 'consenus', 'evicton'];

const dist = process.argv[2];
if (!dist) throw new Error('Bench: usage: npx tsx bench/search-dist.ts <dist> [queries...]');
const dir = path.join(dist, '_search');
const files = new Map(listFiles(dir).map((f) => [path.relative(dir, f).split(path.sep).join('/'), readFileSync(f, 'utf8')]));
const gz = new Map([...files].map(([file, text]) => [file, gzipSync(text).length]));
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

console.log(`_search/: ${files.size} files, ${mb(sum([...files.values()].map((t) => Buffer.byteLength(t))))} raw, ${mb(sum(gz.values()))} gz`);
for (const prefix of ['manifest', 'vocabulary', 'fields-', 'body-', 'docs-']) {
  const sizes = [...gz].filter(([file]) => file.startsWith(prefix)).map(([, size]) => size);
  if (sizes.length > 0) console.log(`  ${prefix}: ${sizes.length} files, ${kb(sum(sizes))} gz, largest ${kb(Math.max(...sizes))}`);
}

const queries = process.argv.length > 3 ? process.argv.slice(3) : [...querySet, ...typoQueries];
const cold: number[] = [];
const warm: number[] = [];
const loaded: number[] = [];
for (const query of queries) {
  const requested: string[] = [];
  const engine = createSearchEngine(async (file) => {
    requested.push(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`Bench: search asked for a missing file ${file}`);
    return text;
  });
  let t = performance.now();
  const result = await engine.query(query, 10);
  const coldMs = performance.now() - t;
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await engine.query(query, 10);
    runs.push(performance.now() - t);
  }
  const warmMs = percentile(runs, 0.5);
  const bytes = sum(requested.map((file) => gz.get(file) ?? 0));
  cold.push(coldMs);
  warm.push(warmMs);
  loaded.push(bytes);
  const hits = result?.hits ?? [];
  const total = result?.total ?? 0;
  const top = hits
    .slice(0, 3)
    .map((hit) => hit.title)
    .join(' | ');
  console.log(
    `${JSON.stringify(query).padEnd(26)} ${String(requested.length).padStart(2)} files ${kb(bytes).padStart(9)}  cold ${coldMs.toFixed(1).padStart(6)} ms  warm ${warmMs.toFixed(2).padStart(6)} ms  total ${String(total).padStart(5)}  ${top}`,
  );
}
console.log(
  `cold median / p95: ${percentile(cold, 0.5).toFixed(1)} / ${percentile(cold, 0.95).toFixed(1)} ms; warm median / p95: ${percentile(warm, 0.5).toFixed(2)} / ${percentile(warm, 0.95).toFixed(2)} ms; loaded per query median / max: ${kb(percentile(loaded, 0.5))} / ${kb(Math.max(...loaded))} gz`,
);
