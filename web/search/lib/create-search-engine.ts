import type { Index } from 'flexsearch';
import type { SearchDocsChunk, SearchField, SearchHit, SearchManifest, SearchVocabulary } from '../../../src/shared/types.ts';
import { collectNames } from './collect-names.ts';
import { collectPostings, type ShardLookup } from './collect-postings.ts';
import { createEncoder } from '../../../src/shared/search/create-encoder.ts';
import { createFieldIndex } from '../../../src/shared/search/create-field-index.ts';
import { createNameEncoder } from '../../../src/shared/search/create-name-encoder.ts';
import { findCorrections, type Correction } from './find-corrections.ts';
import { importPostingsShard, type ShardTerms } from './import-postings-shard.ts';
import { parseSearchFile } from './parse-search-file.ts';
import { toQueryTerms, type QueryTerm } from './query-terms.ts';
import { rankDocs, type NamePosting, type TermPostings } from './rank-docs.ts';
import { createRankArrays, type RankArrays } from './rank-arrays.ts';
import { routeTerm, type PlannedShard } from './route-term.ts';
import { toDocsChunkFile } from '../../../src/shared/search/to-docs-chunk-file.ts';
import { toNameKey } from '../../../src/shared/search/to-name-key.ts';
import { lastAtMost } from '../../../src/shared/sorted-search.ts';
import { toSearchHit } from './to-search-hit.ts';

/** Read a file under `_search/` (`manifest.json`, a shard, the vocabulary or a docs chunk) by its name. */
export type LoadFile = (file: string) => Promise<string>;

/** Query-time tuning. */
export interface EngineOptions {
  /** Completions looked up per prefix term, shard and field (the shortest are kept). */
  maxExpansions: number;
  /** Shortest non-CJK prefix expanded against bodies; shorter ones only complete titles and the other small fields. */
  minBodyPrefix: number;
  /** Target snippet length, in characters. */
  snippetLength: number;
  /** Vocabulary words a misspelt query term is also looked up as (the closest). */
  maxCorrections: number;
}

/** Defaults for {@link EngineOptions}. */
export const defaultEngineOptions: EngineOptions = { maxExpansions: 50, minBodyPrefix: 3, snippetLength: 160, maxCorrections: 3 };

/** One page of results. */
export interface SearchResults {
  /** The hits of the page, best first. */
  hits: SearchHit[];
  /** How many notes match the query in all. */
  total: number;
}

/** Which page of results to answer, and when to give up. */
export interface QueryOptions {
  /** Hits to skip (those already shown); 0 by default. */
  offset?: number;
  /** Checked after each load; when it returns true the query stops and resolves `undefined`. */
  isStale?: () => boolean;
}

/** A search engine over a built `_search/` folder, loading files as queries need them. */
export interface SearchEngine {
  /** Answer a query: `limit` hits from `options.offset` on, best first, and the number of matching notes. */
  query(query: string, limit: number, options?: QueryOptions): Promise<SearchResults | undefined>;
}

const fields: readonly SearchField[] = ['title', 'aliases', 'headings', 'tags', 'body', 'names'];

interface Loaded {
  manifest: SearchManifest;
  indexes: Record<SearchField, Index>;
  /** Reused by every ranking (rank-docs.ts). */
  scratch: RankArrays;
}

/**
 * Create a search engine that fetches nothing until the first query, then only the manifest,
 * the vocabulary, the postings shards of the query's terms (and of the corrections of its
 * misspelt words) and the docs chunks of the hits shown. The worker uses it with `fetch`;
 * tests use it with files read from memory.
 */
export function createSearchEngine(load: LoadFile, options: Partial<EngineOptions> = {}): SearchEngine {
  const settings = { ...defaultEngineOptions, ...options };
  const encoder = createEncoder();
  const manifests = new Map<string, Promise<Loaded>>();
  const shards = new Map<string, Promise<ShardTerms>>();
  const chunks = new Map<string, Promise<SearchDocsChunk>>();
  const vocabularies = new Map<string, Promise<SearchVocabulary>>();
  const empty: SearchVocabulary = { version: 1, tiers: [] };

  const loadManifest = (): Promise<Loaded> =>
    cached(manifests, 'manifest.json', async () => {
      const manifest = parseSearchFile('manifest', 'manifest.json', await load('manifest.json'));
      const indexes = Object.fromEntries(
        fields.map((field) => [field, createFieldIndex(manifest.resolution[field] ?? 1, field === 'names' ? createNameEncoder() : encoder)]),
      ) as Record<SearchField, Index>;
      return { manifest, indexes, scratch: createRankArrays(manifest.numberSpace) };
    });
  const loadShards = (files: Iterable<string>, indexes: Record<SearchField, Index>): Promise<Map<string, ShardTerms>> =>
    Promise.all(
      [...new Set(files)].map(async (file) => {
        const terms = await cached(shards, file, async () => importPostingsShard(parseSearchFile('postings', file, await load(file)), indexes));
        return [file, terms] as const;
      }),
    ).then((entries) => new Map(entries));
  const loadVocabulary = (file: string | undefined): Promise<SearchVocabulary> =>
    file ? cached(vocabularies, file, async () => parseSearchFile('vocabulary', file, await load(file))) : Promise.resolve(empty);
  const loadChunk = (file: string): Promise<SearchDocsChunk> => cached(chunks, file, async () => parseSearchFile('docs', file, await load(file)));

  return {
    async query(query, limit, { offset = 0, isStale = () => false } = {}) {
      const terms = toQueryTerms(query, encoder);
      if (terms.length === 0 || limit <= 0) return { hits: [], total: 0 };
      const { manifest, indexes, scratch } = await loadManifest();
      if (isStale()) return undefined;
      // The key of the query as a title; a prefix while its last word is being typed.
      const words = encoder.encode(query);
      const prefix = terms.some((term) => term.prefix);
      const key = toNameKey(query, encoder);
      // Names are looked up in the one shard whose range holds the key: a completion of its last word
      // is nearly always there too, and routing it as a prefix would load every shard of names
      // that merely start with it (`allocator note 1` … `allocator note 9999`).
      const nameShards = key === '' ? [] : routeTerm(key, false, manifest, settings, ['fields']);
      const plan = terms.map((term) => routeTerm(term.term, term.prefix, manifest, settings, undefined, term.cjk));
      const [vocabulary, loaded] = await Promise.all([
        loadVocabulary(manifest.vocabulary),
        loadShards(
          [...plan.flat(), ...nameShards].map((shard) => shard.file),
          indexes,
        ),
      ]);
      if (isStale()) return undefined;
      // Misspelt words: those the vocabulary does not know are also looked up as the words they may mean.
      const corrections = terms.map((term) => findCorrections(term, vocabulary, settings.maxCorrections));
      const correctedKey = corrections.some((list) => list.length > 0) ? toCorrectedKey(words, terms, corrections) : '';
      const correctionPlan = corrections.map((list) => list.map((correction) => routeTerm(correction.term, false, manifest, settings)));
      const correctedNameShards = correctedKey === '' ? [] : routeTerm(correctedKey, false, manifest, settings, ['fields']);
      const more = await loadShards(
        [...correctionPlan.flat(2), ...correctedNameShards].map((shard) => shard.file),
        indexes,
      );
      if (isStale()) return undefined;
      for (const [file, terms] of more) loaded.set(file, terms);

      const lookups = (planned: readonly PlannedShard[]): ShardLookup[] =>
        planned.map((shard) => ({ terms: loaded.get(shard.file) ?? {}, prefix: shard.prefix }));
      const found: TermPostings[] = terms.map((term, i) => {
        const postings = collectPostings(term.term, lookups(plan[i]!), indexes, settings.maxExpansions);
        corrections[i]!.forEach((correction, j) => {
          for (const posting of collectPostings(correction.term, lookups(correctionPlan[i]![j]!), indexes, settings.maxExpansions)) {
            postings.push({ ...posting, distance: correction.distance });
          }
        });
        return { query: term, postings, corrected: corrections[i]!.length > 0 };
      });
      const names: NamePosting[] = [
        ...collectNames(
          key,
          prefix,
          lookups(nameShards).map((shard) => shard.terms),
          indexes.names,
          settings.maxExpansions,
        ),
        ...collectNames(
          correctedKey,
          prefix,
          lookups(correctedNameShards).map((shard) => shard.terms),
          indexes.names,
          settings.maxExpansions,
          true,
        ),
      ];
      const ranked = rankDocs(found, names, { ...manifest, limit, offset }, scratch);
      const chunkFiles = ranked.docs.map((doc) => {
        // The docs chunk holding the note: the last one starting at or before it.
        const chunk = lastAtMost(manifest.docs.starts, doc.doc);
        return toDocsChunkFile(manifest.docs.starts[chunk]!, manifest.docs.hashes[chunk]!);
      });
      const loadedChunks = await Promise.all(chunkFiles.map(loadChunk));
      if (isStale()) return undefined;
      // Corrections are highlighted as the words they are.
      const marked: QueryTerm[] = [...terms, ...corrections.flat().map((correction) => ({ term: correction.term, prefix: false, cjk: false }))];
      const hits = ranked.docs.flatMap((doc, i) => {
        const chunk = loadedChunks[i]!;
        const entry = chunk.docs[doc.doc - chunk.start];
        return entry ? [toSearchHit(doc, entry, marked, encoder, settings.snippetLength)] : [];
      });
      return { hits, total: ranked.total };
    },
  };
}

/** The query's words with each misspelt one replaced by its closest correction, as a name key. */
function toCorrectedKey(words: readonly string[], terms: readonly QueryTerm[], corrections: readonly Correction[][]): string {
  const best = new Map(terms.map((term, i) => [term.term, corrections[i]![0]?.term ?? term.term]));
  return words.map((word) => best.get(word) ?? word).join(' ');
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
