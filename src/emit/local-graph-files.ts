/** The local graph's per-note files (`<url>local-graph.json`, docs/output.md). */
import { indexNeighbourhoods } from '../graph/neighbourhood.ts';
import { localGraphFileName } from '../shared/local-graph.ts';
import type { GraphJson } from '../shared/types.ts';
import type { SiteWriter } from './write-site.ts';

/**
 * Write each published note's neighbourhood beside its page, so the app loads a few
 * kilobytes for the local graph instead of the whole graph.json.
 */
export async function writeLocalGraphFiles(writer: Pick<SiteWriter, 'write'>, json: GraphJson): Promise<void> {
  const neighbourhoodOf = indexNeighbourhoods(json);
  const notes = json.notes;
  // Many files in flight at once, as for pages; each answer is built only when written.
  for (let i = 0; i < notes.length; i += 32) {
    await Promise.all(
      notes.slice(i, i + 32).map((n) => writer.write(decodeURIComponent(n.url).replace(/^\//, '') + localGraphFileName, JSON.stringify(neighbourhoodOf(n.id)))),
    );
  }
}
