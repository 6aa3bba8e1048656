/** The dev server's answer to `<url>local-graph.json`: the build's rule (src/graph/neighbourhood.ts) over the live graph.json. */
import { indexNeighbourhoods } from '../graph/neighbourhood.ts';
import { localGraphFileName, type LocalGraphJson } from '../shared/local-graph.ts';
import type { GraphJson, NoteId } from '../shared/types.ts';

/** Answers of one version of the garden; the index is built on the first request. */
export interface LocalGraphViews {
  neighbourhoodOf?: (id: NoteId) => LocalGraphJson | undefined;
}

/**
 * The JSON of the local graph file at `pathname` (below the base path), or undefined when it
 * names no published note's file. `urls` maps page URLs to published notes.
 */
export function localGraphAt(pathname: string, urls: ReadonlyMap<string, NoteId>, views: LocalGraphViews, graphJson: () => GraphJson): string | undefined {
  if (!pathname.endsWith('/' + localGraphFileName)) return undefined;
  const id = urls.get(pathname.slice(0, -localGraphFileName.length));
  if (!id) return undefined;
  views.neighbourhoodOf ??= indexNeighbourhoods(graphJson());
  const data = views.neighbourhoodOf(id);
  return data ? JSON.stringify(data) : undefined;
}
