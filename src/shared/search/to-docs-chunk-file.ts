/** File name, relative to `_search/`, of the docs chunk whose contents hash to `hash` (the manifest lists the hashes). */
export function toDocsChunkFile(hash: string): string {
  return `docs-${hash}.json`;
}
