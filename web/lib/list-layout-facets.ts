import type { GraphNotesFile } from '../../src/shared/graph-layout.ts';
import { dirName } from '../../src/shared/ids.ts';
import type { GraphFacets } from './list-graph-facets.ts';
import { compareText } from './compare-text.ts';

/** The tags and folders the graph filters offer, from graph-notes.json (folders from the note ids, which are paths). */
export function listLayoutFacets(notes: GraphNotesFile): GraphFacets {
  const folders = new Set<string>();
  for (const id of notes.ids) for (let f = dirName(id); f !== ''; f = dirName(f)) folders.add(f);
  return { tags: [...notes.tags].sort(compareText), folders: [...folders].sort(compareText) };
}
