import type { SearchField } from '../shared/types.ts';

/** Options of the search stage. */
export interface Options {
  /** Largest gzipped size of any file under `_search/`, in bytes. */
  maxShardGzipBytes?: number;
  /** Raw JSON size of the postings shard holding a term, on average (shards are cut by content: pack-ranges.ts). */
  targetShardBytes?: number;
  /** Raw JSON size of the docs chunk holding a note, on average; small, because a query fetches one per top hit. */
  targetDocsChunkBytes?: number;
  /** Characters of a note's body that are indexed and kept for snippets. */
  maxBodyChars?: number;
  /** Headings of a note that are indexed (the rest are not searchable). */
  maxHeadings?: number;
  /** Ranking weight per field. */
  weights?: Partial<Record<SearchField, number>>;
  /** FlexSearch `resolution` (number of position slots) per field. */
  resolution?: Partial<Record<SearchField, number>>;
  /** Most words in the vocabulary that misspelt queries are corrected against (titles' words first). */
  maxVocabularyTerms?: number;
}

/** Options after defaults are applied. */
export interface Settings {
  maxShardGzipBytes: number;
  targetShardBytes: number;
  targetDocsChunkBytes: number;
  maxBodyChars: number;
  maxHeadings: number;
  weights: Record<SearchField, number>;
  resolution: Record<SearchField, number>;
  maxVocabularyTerms: number;
}

/** Defaults, chosen with `bench/search-bench.ts` on a synthetic 10,000-note garden. */
export const defaultOptions: Settings = {
  maxShardGzipBytes: 300_000,
  // Below the fixed fill it replaced (100 KB): content-defined shards vary in size, and a query term is more often in a large one.
  targetShardBytes: 70_000,
  targetDocsChunkBytes: 16_000,
  maxBodyChars: 100_000,
  maxHeadings: 200,
  // `names` does not add to a note's score: a name match ranks the note above the others (rank-docs.ts).
  weights: { title: 10, aliases: 8, headings: 5, tags: 3, body: 1, names: 10 },
  // One slot per position bucket; each unused slot before a posting costs `null,` in the
  // shard, so bodies get few buckets (early / middle / late) and short fields get one per word.
  // Aliases and tags get one: a note's aliases are indexed as one text, so a second alias's
  // words would otherwise rank as late words (`p99 latency` after `The tail at scale`).
  resolution: { title: 3, aliases: 1, headings: 3, tags: 1, body: 3, names: 1 },
  // ~3 bytes a word gzipped (sorted words share their starts): ~48 KB, fetched once, on the first search.
  maxVocabularyTerms: 16_000,
};

/** Merge options with the defaults and validate them. */
export function toSettings(options: Options = {}): Settings {
  const settings: Settings = {
    ...defaultOptions,
    ...options,
    weights: { ...defaultOptions.weights, ...options.weights },
    resolution: { ...defaultOptions.resolution, ...options.resolution },
  };
  const numbers: [string, number][] = [
    ['maxShardGzipBytes', settings.maxShardGzipBytes],
    ['targetShardBytes', settings.targetShardBytes],
    ['targetDocsChunkBytes', settings.targetDocsChunkBytes],
    ['maxBodyChars', settings.maxBodyChars],
    ['maxHeadings', settings.maxHeadings],
    ['maxVocabularyTerms', settings.maxVocabularyTerms],
    ...Object.entries(settings.resolution).map(([field, value]): [string, number] => [`resolution.${field}`, value]),
  ];
  for (const [name, value] of numbers) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`Search: option \`${name}\` must be a positive integer, got ${value}; fix the search options.`);
    }
  }
  for (const [field, value] of Object.entries(settings.weights)) {
    if (!(value > 0)) throw new Error(`Search: weight of \`${field}\` must be positive, got ${value}; fix the search options.`);
  }
  return settings;
}
