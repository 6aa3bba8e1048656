/** The local graph's per-note files (`<url>local-graph.json`, docs/output.md). */
import { createHash } from 'node:crypto';
import { answerDigestBytes, indexNeighbourhoods } from '../graph/neighbourhood.ts';
import { packReads, planNeighbourhoods } from '../graph/neighbourhood-changes.ts';
import { localGraphFileName, type LocalGraphJson } from '../shared/local-graph.ts';
import type { GraphJson } from '../shared/types.ts';
import type { SiteWriter } from './write-site.ts';
import type { NeighbourhoodStore } from '../incremental/kept-neighbourhoods.ts';
import { codeFingerprint } from '../version.ts';
import { eachInFlight } from '../in-flight.ts';

/**
 * Write each published note's neighbourhood beside its page, so the app loads a few
 * kilobytes for the local graph instead of the whole graph.json. A neighbourhood is a function
 * of the notes' ids, titles and URLs, the links between them and the code (not of positions,
 * topics or PageRank), so every file is keyed by their hash: when the previous site's files were
 * made from the same graph they are kept without being computed.
 *
 * After a link change, with `kept` (the record of what the previous site's answers read), only
 * the answers the change can reach are computed (src/graph/neighbourhood-changes.ts) and written
 * where their bytes changed; every other file is the previous site's. Without a record, every
 * answer is computed. Either way the record of this site's answers is kept for the next build.
 */
export async function writeLocalGraphFiles(writer: Pick<SiteWriter, 'write' | 'reuse' | 'carry'>, json: GraphJson, kept?: NeighbourhoodStore): Promise<void> {
  const key = `local-graph:${codeFingerprint()}:${inputsHash(json)}`;
  const fileOf = (url: string) => decodeURIComponent(url).replace(/^\//, '') + localGraphFileName;
  // The same graph as the record's (or no record kept): files made from it are kept, the others (removed by hand) made again.
  // Only the record's key is read for this: the record itself is needed only when the graph changed.
  if (!kept || kept.key() === key) {
    const notes = json.notes.filter((n) => !writer.reuse(fileOf(n.url), key));
    if (notes.length === 0) return;
    const neighbourhoodOf = indexNeighbourhoods(json);
    // Many files in flight at once, as for pages; each answer is built only when written.
    await eachInFlight(notes, 32, (n) => writer.write(fileOf(n.url), JSON.stringify(neighbourhoodOf(n.id)), key));
    return;
  }
  const previous = kept.read();
  const neighbourhoodOf = indexNeighbourhoods(json);
  const plan = previous ? planNeighbourhoods(previous.record, neighbourhoodOf.graph) : undefined;
  const reads = new Array<ArrayLike<number>>(json.notes.length);
  const digests = new Uint8Array(json.notes.length * answerDigestBytes);
  // The previous answers' digests, when its notes are numbered as this graph's (the digests are by number).
  const before = plan?.same ? previous?.record.digests : undefined;
  // The files the change cannot reach are kept in one pass here; only the others go through the writes in flight (an
  // async call for each of 10k notes, most of them kept, was ~0.1 s of a link build's thread).
  const toWrite: number[] = [];
  for (let i = 0; i < json.notes.length; i++) {
    if (plan && previous && !plan.affected[i] && writer.carry(fileOf(json.notes[i]!.url), previous.key, key)) {
      reads[i] = plan.readsOf(i);
      if (before) digests.set(before.subarray(i * answerDigestBytes, (i + 1) * answerDigestBytes), i * answerDigestBytes);
    } else toWrite.push(i);
  }
  // An answer the change may reach often comes out as it was (most of a link build's answers computed again):
  // its digest, and its notes' titles and URLs, tell so, and its file is kept without being serialised and hashed.
  const asBefore = (i: number, file: string, answer: LocalGraphJson, digest: Uint8Array) =>
    before !== undefined &&
    sameBytes(before, i * answerDigestBytes, digest) &&
    answer.nodes.every((node) => !plan!.renamed[neighbourhoodOf.indexOf(node.id)!]) &&
    writer.carry(file, previous!.key, key);
  await eachInFlight(toWrite, 32, async (i) => {
    const n = json.notes[i]!;
    const read: number[] = [];
    const answer = neighbourhoodOf(n.id, read)!;
    reads[i] = read;
    const digest = neighbourhoodOf.digest(answer);
    digests.set(digest, i * answerDigestBytes);
    const file = fileOf(n.url);
    if (!asBefore(i, file, answer, digest)) await writer.write(file, JSON.stringify(answer), key);
  });
  kept.save({ key, record: { ...neighbourhoodOf.graph, reads: packReads(reads), digests } });
}

/** Whether `bytes` holds `digest` from `at`. */
function sameBytes(bytes: Uint8Array, at: number, digest: Uint8Array): boolean {
  for (let k = 0; k < digest.length; k++) if (bytes[at + k] !== digest[k]) return false;
  return true;
}

/**
 * The hash of what every neighbourhood is computed from (src/graph/neighbourhood.ts): each note's id,
 * title and URL, in order, each one JSON array, then each link's ends as the numbers of those notes,
 * as bytes (an end not in the list is -1 there, and named after them). A JSON array for each of ~75k links cost
 * ~0.1 s of the builder's thread at 10k notes; one JSON text of them all was ~5 MB.
 */
function inputsHash(json: GraphJson): string {
  const numberOf = new Map<string, number>(json.notes.map((n, i) => [n.id, i]));
  // The notes one string hashed once, as the layout's key is (src/graph/index.ts).
  const notes = json.notes.map((n) => JSON.stringify([n.id, n.title, n.url]) + '\n').join('');
  const hash = createHash('sha256').update(`${json.notes.length}\n${notes}${json.links.length}\n`);
  const ends = new Int32Array(json.links.length * 2);
  const unlisted: [number, string][] = [];
  const end = (at: number, id: string) => {
    const n = numberOf.get(id);
    if (n === undefined) unlisted.push([at, id]);
    ends[at] = n ?? -1;
  };
  json.links.forEach((l, i) => {
    end(2 * i, l.source);
    end(2 * i + 1, l.target);
  });
  return hash.update(new Uint8Array(ends.buffer)).update(JSON.stringify(unlisted)).digest('base64url').slice(0, 27);
}
