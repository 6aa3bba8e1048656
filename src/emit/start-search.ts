/**
 * The start of the search index's run (src/search/build-in-worker.ts) for a build's published
 * notes: the emitter starts it when it opens the site, and the CLI, on a warm build, as soon as
 * the notes are compiled, so that the index is made on the other core while this one resolves
 * links and derives the graph (src/cli.ts).
 */
import { buildSearchIndexInWorker, type PreparedSearchWorker } from '../search/build-in-worker.ts';
import { keptPostingsFile } from '../search/kept-postings-file.ts';
import { searchSource, toSearchDoc, type SearchSource } from '../search/to-search-doc.ts';
import type { LightDocs } from '../search/light-docs.ts';
import type { SearchDoc } from '../shared/types.ts';
import type { SearchOutput } from '../search/write-files.ts';
import type { NoteReader, TextsOnDisk } from '../store/note-store.ts';
import { codeFingerprint } from '../version.ts';

/** A search index being made into a folder of its own. */
export interface SearchRun {
  /** The folder its files are written to, below `_search/`. */
  dir: string;
  /** How many notes it indexes (the others keep their postings), told before it indexes any. */
  plan: Promise<number>;
  /** Its files, once all are made. */
  outputs: Promise<SearchOutput[]>;
}

/** What a run needs besides the notes. */
export interface SearchRunOptions {
  /** The garden's folder (where its kept postings are, with `keep`). */
  root: string;
  /** The previous site's `_search/` files this site can keep: files with the same bytes are not written again. */
  previous: Record<string, string>;
  /** Keep this build's postings for the next (a warm cache). */
  keep: boolean;
  /** Where the postings are kept, with `keep` (the garden's file beside its cache: `keptPostingsFile`). */
  keptFile?: string;
  /** A worker started ahead, reading the kept postings (src/search/build-in-worker.ts). */
  prepared?: PreparedSearchWorker;
  /**
   * The previous site's folder (or each of its search files' folder, by path), and each note's content hash there: a note
   * with the same hash is posted as a light doc (src/search/light-docs.ts), its docs-chunk entry read from that site when
   * its chunk is made again.
   */
  site?: { dir: string | Readonly<Record<string, string>>; hashes: Readonly<Record<string, string>> };
}

/** Start indexing `published` (in the emitter's order) into `dir`; texts the store keeps on disk are read there by the worker. */
export function startSearch(
  published: readonly SearchSource[],
  store: NoteReader,
  texts: TextsOnDisk | undefined,
  dir: string,
  options: SearchRunOptions,
): SearchRun {
  const hashes = options.site?.hashes;
  // Light where the note's content is the previous site's (its URL is checked by the worker, with the source).
  const unchanged = (n: SearchSource) => hashes !== undefined && Object.hasOwn(hashes, n.parsed.id) && hashes[n.parsed.id] === n.parsed.hash;
  const refs = published.map((n) => texts?.refOf(n.parsed.id) ?? null);
  const docs = (light: boolean) => {
    if (!light || !hashes) return published.map((n, i) => toSearchDoc(n, textOf(n, i)));
    const whole: SearchDoc[] = [];
    const lightDocs: LightDocs = { at: [], ids: [], sources: [] };
    published.forEach((n, i) => {
      if (!unchanged(n)) return void whole.push(toSearchDoc(n, textOf(n, i)));
      lightDocs.at.push(i);
      lightDocs.ids.push(n.parsed.id);
      lightDocs.sources.push(searchSource(n));
    });
    return { docs: whole, light: lightDocs };
  };
  // A doc's body is read from the store when it is not in the texts' file (a light doc's is not read: its ref is passed over).
  const textOf = (n: SearchSource, i: number) => (refs[i] === null ? store.text(n.parsed.id) : '');
  let planned: (indexed: number) => void = () => undefined;
  const plan = new Promise<number>((resolve) => (planned = resolve));
  const outputs = buildSearchIndexInWorker(docs, dir, texts ? { fd: texts.fd, refs } : undefined, {
    keep: {
      previous: options.previous,
      ...(options.keep ? { kept: { file: options.keptFile ?? keptPostingsFile(options.root), code: codeFingerprint() } } : {}),
      ...(options.site ? { site: options.site.dir } : {}),
    },
    onPlan: (indexed) => planned(indexed),
    ...(options.prepared ? { prepared: options.prepared } : {}),
  });
  // Awaited by the emitter; a failure meanwhile must not count as unhandled.
  outputs.catch(() => undefined);
  // A run that ends without telling its plan indexed nothing more to wait for.
  void outputs.then(
    () => planned(0),
    () => planned(0),
  );
  return { dir, plan, outputs };
}
