/**
 * File name, relative to `_search/`, of the docs chunk starting at note number `start` whose
 * contents hash to `hash`: the start makes the name unique, the hash changes it when the
 * contents change (so hosts can cache chunks forever).
 */
export function toDocsChunkFile(start: number, hash: string): string {
  return `docs-${start}.${hash}.json`;
}
