/**
 * The dev server's search files (`_search/`), made again after a change the way a warm build makes
 * them (src/search/index.ts, `Kept`): over the postings the last run kept, held in memory, only the
 * notes whose indexed text changed are indexed, and the shards and docs chunks no change reaches
 * are the last run's files, not rendered again. The files are those a clean build of the same docs
 * makes (test/dev-live-search.test.ts).
 *
 * Each doc's body (the note's plain text, in the opening build's store on disk for most notes) is
 * read only when the index asks for it: for the notes indexed again and the chunks made again.
 *
 * The first run starts from the postings a build of the garden kept beside the cache
 * (`keptPostingsFile`), when the same code made them: it indexes only the notes changed since that
 * build (at 10k notes, 1.5 s against 5.5 s), and makes every file, having none of that site's.
 * It only reads that file: a build that runs meanwhile owns it.
 */
import { contentHash } from '../incremental/output-manifest.ts';
import { writeSearchIndex } from '../search/index.ts';
import { memoryKeptPostings } from '../search/kept-postings-memory.ts';
import type { KeptPostings } from '../search/kept-postings.ts';
import { toSearchDoc, type SearchSource } from '../search/to-search-doc.ts';
import type { NoteId, SearchDoc } from '../shared/types.ts';

/** A search file as the last run left it. */
interface LiveFile {
  contents: string | Uint8Array;
  /** The output manifest's hash of its bytes, which the kept postings record of a docs chunk. */
  hash: string;
}

/** The search files of the garden as it changes. */
export class LiveSearch {
  /** The last run's files, by path (`_search/…`). */
  #files = new Map<string, LiveFile>();
  #kept: (KeptPostings & { settings: string }) | undefined;
  #first: (() => (KeptPostings & { settings: string }) | undefined) | undefined;
  #indexed = 0;

  /** `first`: the postings the first run starts from (a build's, read when first asked). */
  constructor(first?: () => (KeptPostings & { settings: string }) | undefined) {
    this.#first = first;
  }

  /** How many notes the last run indexed (the rest kept their postings). */
  get indexed(): number {
    return this.#indexed;
  }

  /**
   * The search files of `notes` (published, in note order), by URL path (`/_search/…`); `text` gives
   * a note's plain text when the index needs it.
   */
  update(notes: readonly SearchSource[], text: (id: NoteId) => string): Map<string, string | Uint8Array> {
    const docs = notes.map((n) => lazyBody(toSearchDoc(n, ''), text));
    const previous = this.#files;
    const next = new Map<string, LiveFile>();
    const has = (path: string, hash: string) => previous.get(path)?.hash === hash;
    const keep = (path: string, hash: string) => {
      const file = previous.get(path);
      if (file?.hash !== hash) return false;
      next.set(path, file);
      return true;
    };
    const files = {
      has,
      keep,
      keepNamed: (path: string) => {
        const file = previous.get(path);
        return file !== undefined && keep(path, file.hash);
      },
      hasNamed: (path: string) => previous.has(path),
    };
    const writer = memoryKeptPostings();
    // A build's postings are read once, for the first run; its files are not this server's to keep.
    const first = this.#first && !this.#kept ? this.#first() : undefined;
    this.#first = undefined;
    writeSearchIndex(docs, (file) => next.set(file.path, { contents: file.contents, hash: contentHash(file.contents) }), undefined, {
      ...(this.#kept ? { previous: this.#kept, files } : first ? { previous: first } : {}),
      writer,
      onPlan: (indexed) => (this.#indexed = indexed),
    });
    writer.finish();
    this.#kept = writer.result();
    this.#files = next;
    return new Map([...next].map(([path, file]) => ['/' + path, file.contents]));
  }
}

/** `doc` with its body read by `text` when asked for (each time: the index reads it once or twice, and keeps none). */
function lazyBody(doc: SearchDoc, text: (id: NoteId) => string): SearchDoc {
  const id = doc.id;
  return Object.defineProperty(doc, 'body', { get: () => text(id), enumerable: true });
}
