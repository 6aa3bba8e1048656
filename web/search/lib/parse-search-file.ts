import type { SearchDocsChunk, SearchManifest, SearchPostingsShard, SearchVocabulary } from '../../../src/shared/types.ts';

/** The kinds of files under `_search/` and what each parses to. */
export interface SearchFileKinds {
  manifest: SearchManifest;
  postings: SearchPostingsShard;
  docs: SearchDocsChunk;
  vocabulary: SearchVocabulary;
}

/**
 * Parse a file fetched from `_search/`, checking its shape so a stale or foreign file fails
 * with a clear message instead of a wrong result deep inside ranking.
 */
export function parseSearchFile<K extends keyof SearchFileKinds>(kind: K, file: string, text: string): SearchFileKinds[K] {
  const value: unknown = JSON.parse(text);
  if (!isObject(value) || value.version !== 1) {
    throw new Error(`Search: \`${file}\` is not a version 1 search file; rebuild the site so manifest and shards match.`);
  }
  const guard = guards[kind] as (value: Record<string, unknown>) => value is Record<string, unknown> & SearchFileKinds[K];
  if (!guard(value)) throw new Error(`Search: \`${file}\` is not a valid ${kind} file; rebuild the site.`);
  return value;
}

const guards = {
  manifest: (value: Record<string, unknown>): value is Record<string, unknown> & SearchManifest =>
    typeof value.docCount === 'number' &&
    typeof value.numberSpace === 'number' &&
    typeof value.headingStride === 'number' &&
    isObject(value.resolution) &&
    isObject(value.weights) &&
    isObject(value.groups) &&
    Array.isArray(value.groups.fields) &&
    Array.isArray(value.groups.body) &&
    isObject(value.docs) &&
    Array.isArray(value.docs.starts) &&
    Array.isArray(value.docs.hashes),
  postings: (value: Record<string, unknown>): value is Record<string, unknown> & SearchPostingsShard =>
    isObject(value.fields) && Object.values(value.fields).every(isPostingEntries),
  docs: (value: Record<string, unknown>): value is Record<string, unknown> & SearchDocsChunk => typeof value.start === 'number' && Array.isArray(value.docs),
  vocabulary: (value: Record<string, unknown>): value is Record<string, unknown> & SearchVocabulary =>
    Array.isArray(value.tiers) && value.tiers.every((tier) => Array.isArray(tier) && tier.every((word) => typeof word === 'string')),
};

function isPostingEntries(value: unknown): boolean {
  return Array.isArray(value) && value.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && Array.isArray(entry[1]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
