import { Encoder } from 'flexsearch';

/**
 * Create the encoder of the `names` field, whose terms are whole titles and aliases already
 * encoded into a name key (`to-name-key.ts`): it keeps each line as one term, untouched, so a
 * note's title is one posting and a query can look it up exactly or as a prefix. A string split
 * character, not `false`: FlexSearch 0.8 reads a falsy `split` as "use the default splitter".
 */
export function createNameEncoder(): Encoder {
  return new Encoder({ normalize: false, split: '\n', dedupe: false, numeric: false, cache: false });
}
