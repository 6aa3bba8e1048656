/** The local graph's per-note files (`<url>local-graph.json`, docs/output.md). */
import { indexNeighbourhoods } from '../graph/neighbourhood.ts';
import { localGraphFileName } from '../shared/local-graph.ts';
import type { GraphJson } from '../shared/types.ts';
import type { SiteWriter } from './write-site.ts';
import { contentHash } from '../incremental/output-manifest.ts';
import { codeFingerprint } from '../version.ts';

/**
 * Write each published note's neighbourhood beside its page, so the app loads a few
 * kilobytes for the local graph instead of the whole graph.json. A neighbourhood is a function
 * of the notes' ids, titles and URLs, the links between them and the code (not of positions,
 * topics or PageRank), so every file is keyed by their hash: when the previous site's files were
 * made from the same graph they are kept without being computed. After a link change each is
 * computed again, and written only where its bytes changed: the notes near the change.
 */
export async function writeLocalGraphFiles(writer: Pick<SiteWriter, 'write' | 'reuse'>, json: GraphJson): Promise<void> {
  const key = `local-graph:${codeFingerprint()}:${contentHash(JSON.stringify(neighbourhoodInputs(json)))}`;
  const fileOf = (url: string) => decodeURIComponent(url).replace(/^\//, '') + localGraphFileName;
  const notes = json.notes.filter((n) => !writer.reuse(fileOf(n.url), key));
  if (notes.length === 0) return;
  const neighbourhoodOf = indexNeighbourhoods(json);
  // Many files in flight at once, as for pages; each answer is built only when written.
  for (let i = 0; i < notes.length; i += 32) {
    await Promise.all(notes.slice(i, i + 32).map((n) => writer.write(fileOf(n.url), JSON.stringify(neighbourhoodOf(n.id)), key)));
  }
}

/** What every neighbourhood is computed from (src/graph/neighbourhood.ts). */
function neighbourhoodInputs(json: GraphJson): unknown {
  return [json.notes.map((n) => [n.id, n.title, n.url]), json.links.map((l) => [l.source, l.target])];
}
