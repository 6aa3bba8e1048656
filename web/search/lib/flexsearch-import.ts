/**
 * Typing for importing already-parsed chunks into a FlexSearch `Index`.
 *
 * FlexSearch's `import(key, data)` parses `data` with `JSON.parse` only when it is a string and
 * otherwise uses the array as is (flexsearch 0.8.212, src/serialize.js `importIndex`), but its
 * typings only admit strings. Shards are parsed once by the worker (it needs their terms for
 * prefix expansion), so handing over the parsed entries avoids parsing every shard twice.
 */
import type { SearchPostingEntry } from '../../../src/shared/types.ts';

declare module 'flexsearch' {
  // The merged interface must repeat FlexSearch's type parameters, though it does not use them.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface Index<W, S, r> {
    import(key: 'map', data: SearchPostingEntry[]): void;
  }
}
