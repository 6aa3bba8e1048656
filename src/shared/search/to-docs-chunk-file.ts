/** File name, relative to `_search/`, of docs chunk `index` of a build whose docs hash is `hash`. */
export function toDocsChunkFile(index: number, hash: string): string {
  return `docs-${index}.${hash}.json`;
}
