import type { Index } from 'flexsearch';
import type { SearchDocsChunk, SearchField, SearchGroup, SearchHit, SearchManifest } from '../../../src/shared/types.ts';
import { collectPostings, type ShardLookup } from './collect-postings.ts';
import { createEncoder } from '../../../src/shared/search/create-encoder.ts';
import { createFieldIndex } from '../../../src/shared/search/create-field-index.ts';
import { importPostingsShard, type ShardTerms } from './import-postings-shard.ts';
import { parseSearchFile } from './parse-search-file.ts';
import { toQueryTerms, type QueryTerm } from './query-terms.ts';
import { rankDocs, type TermPostings } from './rank-docs.ts';
import { routeShards } from './route-shards.ts';
import { toDocsChunkFile } from '../../../src/shared/search/to-docs-chunk-file.ts';
import { toSearchHit } from './to-search-hit.ts';

/** Read a file under `_search/` (`manifest.json`, a shard or a docs chunk) by its name. */
export type LoadFile = (file: string) => Promise<string>;

/** Query-time tuning. */
export interface EngineOptions {
  /** Completions looked up per prefix term, shard and field (the shortest are kept). */
  maxExpansions: number;
  /** Shortest non-CJK prefix expanded against bodies; shorter ones only complete titles and the other small fields. */
  minBodyPrefix: number;
  /** Target snippet length, in characters. */
  snippetLength: number;
}

/** Defaults for {@link EngineOptions}. */
export const defaultEngineOptions: EngineOptions = { maxExpansions: 50, minBodyPrefix: 3, snippetLength: 160 };

/** A search engine over a built `_search/` folder, loading files as queries need them. */
export interface SearchEngine {
  /**
   * Answer a query, best hit first.
   * @param isStale checked after each load; when it returns true the query stops and resolves `undefined`
   */
  query(query: string, limit: number, isStale?: () => boolean): Promise<SearchHit[] | undefined>;
}

const fields: readonly SearchField[] = ['title', 'aliases', 'headings', 'tags', 'body'];
const groups: readonly SearchGroup[] = ['fields', 'body'];

interface Loaded {
  manifest: SearchManifest;
  indexes: Record<SearchField, Index>;
}

interface PlannedTerm {
  query: QueryTerm;
  shards: { file: string; prefix: boolean }[];
}

/**
 * Create a search engine that fetches nothing until the first query, then only the manifest,
 * the postings shards of the query's terms and the docs chunks of the top hits. The worker
 * uses it with `fetch`; tests use it with files read from memory.
 */
export function createSearchEngine(load: LoadFile, options: Partial<EngineOptions> = {}): SearchEngine {
  const settings = { ...defaultEngineOptions, ...options };
  const encoder = createEncoder();
  const manifests = new Map<string, Promise<Loaded>>();
  const shards = new Map<string, Promise<ShardTerms>>();
  const chunks = new Map<string, Promise<SearchDocsChunk>>();

  const loadManifest = (): Promise<Loaded> =>
    cached(manifests, 'manifest.json', async () => {
      const manifest = parseSearchFile('manifest', 'manifest.json', await load('manifest.json'));
      const indexes = Object.fromEntries(fields.map((field) => [field, createFieldIndex(manifest.resolution[field], encoder)])) as Record<SearchField, Index>;
      return { manifest, indexes };
    });
  const loadShard = (file: string, indexes: Record<SearchField, Index>): Promise<ShardTerms> =>
    cached(shards, file, async () => importPostingsShard(parseSearchFile('postings', file, await load(file)), indexes));
  const loadChunk = (file: string): Promise<SearchDocsChunk> => cached(chunks, file, async () => parseSearchFile('docs', file, await load(file)));

  return {
    async query(query, limit, isStale = () => false) {
      const terms = toQueryTerms(query, encoder);
      if (terms.length === 0 || limit <= 0) return [];
      const { manifest, indexes } = await loadManifest();
      if (isStale()) return undefined;
      const plan = terms.map((term) => planTerm(term, manifest, settings));
      const files = new Set(plan.flatMap((term) => term.shards.map((shard) => shard.file)));
      const loadedShards = await Promise.all([...files].map(async (file) => [file, await loadShard(file, indexes)] as const));
      if (isStale()) return undefined;
      const byFile = new Map(loadedShards);
      const found: TermPostings[] = plan.map(({ query: term, shards: planned }) => {
        const lookups: ShardLookup[] = planned.map((shard) => ({ terms: byFile.get(shard.file) ?? {}, prefix: shard.prefix }));
        return { query: term, postings: collectPostings(term.term, lookups, indexes, settings.maxExpansions) };
      });
      const ranked = rankDocs(found, { ...manifest, limit });
      const chunkFiles = ranked.map((doc) => toDocsChunkFile(findChunk(manifest.docs.starts, doc.doc), manifest.docs.hash));
      const loadedChunks = await Promise.all(chunkFiles.map(loadChunk));
      if (isStale()) return undefined;
      return ranked.flatMap((doc, i) => {
        const chunk = loadedChunks[i]!;
        const entry = chunk.docs[doc.doc - chunk.start];
        return entry ? [toSearchHit(doc, entry, terms, encoder, settings.snippetLength)] : [];
      });
    },
  };
}

function planTerm(query: QueryTerm, manifest: SearchManifest, settings: EngineOptions): PlannedTerm {
  const shards = groups.flatMap((group) => {
    const prefix = query.prefix && (group === 'fields' || query.cjk || query.term.length >= settings.minBodyPrefix);
    return routeShards(query.term, prefix, manifest.groups[group]).map((i) => ({
      file: manifest.groups[group][i]!.file,
      prefix,
    }));
  });
  return { query, shards };
}

/** Index of the docs chunk holding note `doc`: the last one starting at or before it. */
function findChunk(starts: readonly number[], doc: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= doc) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  let promise = cache.get(key);
  if (!promise) {
    promise = create();
    // A failed load (network error) is forgotten so the next query retries it.
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return promise;
}
