import type { GraphNotesFile } from '../../src/shared/graph-layout.ts';
import { baseName, dirName, toSlug } from '../../src/shared/ids.ts';
import type { GardenGraph } from './build-graph.ts';

/**
 * Name the nodes of a graph built by `buildLayoutGraph` once graph-notes.json
 * has arrived: note id, title (the label), URL, tags and folder. This is the
 * graph's data arriving late, not display state, so it goes into the attributes.
 */
export function applyGraphNotes(graph: GardenGraph, notes: GraphNotesFile): void {
  if (notes.ids.length !== graph.order)
    throw new Error(`Graph: graph-notes.json has ${notes.ids.length} notes, graph-layout.json ${graph.order}; rebuild the site.`);
  graph.updateEachNodeAttributes((key, a) => {
    const i = Number(key);
    const id = notes.ids[i]!;
    return {
      ...a,
      id,
      label: notes.titles[i] ?? baseName(id),
      url: notes.urls[i] ?? toSlug(id),
      tags: notes.tag[i]!.map((t) => notes.tags[t]!),
      folder: dirName(id),
    };
  });
}
