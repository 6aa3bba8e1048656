import { dirName } from '../../src/shared/ids.ts';
import type { GraphJson } from '../../src/shared/types.ts';
import { compareText } from './compare-text.ts';

/** The choices the graph filters offer. */
export interface GraphFacets {
  /** Every tag used, sorted case-insensitively. */
  tags: string[];
  /** Every folder and parent folder that holds notes, sorted; '' (the root) is not listed. */
  folders: string[];
}

/** Collect the tags and folders of the notes in graph.json. */
export function listGraphFacets(json: GraphJson): GraphFacets {
  const tags = new Set<string>();
  const folders = new Set<string>();
  for (const note of json.notes) {
    for (const t of note.tags) tags.add(t);
    for (let f = dirName(note.path); f !== ''; f = dirName(f)) folders.add(f);
  }
  return { tags: [...tags].sort(compareText), folders: [...folders].sort(compareText) };
}
