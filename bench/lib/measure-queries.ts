/**
 * Search query latency over a built `_search/` folder, with the same engine the web worker runs
 * (`web/search/lib/create-search-engine.ts`), files served from memory instead of fetch.
 * Cold = a fresh engine per query (parses the manifest and the shards the query needs);
 * warm = the same query again once its shards are loaded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSearchEngine } from '../../web/search/lib/create-search-engine.ts';
import { listFiles } from './site-stats.ts';

/** Latency percentiles, in milliseconds. */
export interface QueryLatency {
  queries: number;
  coldMedianMs: number;
  coldP95Ms: number;
  warmMedianMs: number;
  warmP95Ms: number;
  /** Queries that found at least one hit. */
  withHits: number;
}

/** The fixed query set: single words, phrases, prefixes, a title and a miss. */
export const querySet = [
  'latency',
  'quorum',
  'replica snapshot',
  'congestion window',
  'compiler parser',
  'monad effect handler',
  'lat',
  'repl',
  'consensus',
  'durable cache',
  'eviction',
  'proof lemma theorem',
  'allocator',
  'tokenizer',
  'timeout retry backoff',
  'graph edge vertex',
  'overview',
  'trade-offs',
  'status',
  'zzzqqq',
];

/** Time every query of {@link querySet} against `dist/_search/`. */
export async function measureQueries(dist: string): Promise<QueryLatency> {
  const dir = path.join(dist, '_search');
  const files = new Map(listFiles(dir).map((f) => [path.relative(dir, f).split(path.sep).join('/'), readFileSync(f, 'utf8')]));
  const load = async (file: string) => {
    const text = files.get(file);
    if (text === undefined) throw new Error(`Bench: search asked for a missing file ${file}`);
    return text;
  };
  const cold: number[] = [];
  const warm: number[] = [];
  let withHits = 0;
  for (const query of querySet) {
    const engine = createSearchEngine(load);
    let t = performance.now();
    const hits = (await engine.query(query, 10))?.hits ?? [];
    cold.push(performance.now() - t);
    if (hits.length > 0) withHits++;
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await engine.query(query, 10);
      warm.push(performance.now() - t);
    }
  }
  return {
    queries: querySet.length,
    coldMedianMs: percentile(cold, 0.5),
    coldP95Ms: percentile(cold, 0.95),
    warmMedianMs: percentile(warm, 0.5),
    warmP95Ms: percentile(warm, 0.95),
    withHits,
  };
}

/** The `p` quantile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}
