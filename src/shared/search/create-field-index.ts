import { Encoder, Index } from 'flexsearch';

/**
 * Create the FlexSearch index of one field, configured identically at build time (where notes
 * are added and the map is exported) and in the worker (where shards are imported into it).
 * `strict` stores whole terms only: prefix search expands a prefix against the shard's sorted
 * terms instead, which keeps the export ~4× smaller than the `forward` tokenizer's.
 */
export function createFieldIndex(resolution: number, encoder: Encoder): Index {
  return new Index({
    tokenize: 'strict',
    resolution,
    encoder,
    // `fastupdate` keeps a per-id register for updates; the index is built once and never updated.
    fastupdate: false,
    context: false,
  });
}
