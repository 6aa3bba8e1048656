/**
 * The dev server's search files (`_search/`), made by a build's own search run (src/emit/start-search.ts):
 * on the search worker, off the server's thread, over the postings the last run kept. A run after a
 * change indexes only the notes whose indexed text changed and writes only the files whose bytes
 * changed; the first run starts from the postings the last `trellis build` of the garden kept beside
 * the cache, when the same code made them (a copy: a build that runs meanwhile owns that file).
 *
 * Each run writes into a folder of its own, as a build's search run does: the files it did not write
 * (their bytes the last version's) are where the last version had them. The server reads a file where
 * the current version has it; folders no file of the current version is in are removed. Everything is
 * in one temporary folder, removed when the server closes or is stopped by a signal (Ctrl-C: ~1 s for the ~36k files
 * of a 100k garden's search), and by the next server when the process that made it is gone without either (killed).
 * The notes' texts are read by the worker
 * from the opening build's store file; notes rendered since are posted with their text.
 */
import { copyFileSync, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSearch } from '../emit/start-search.ts';
import { keptPostingsFile } from '../search/kept-postings-file.ts';
import type { SearchSource } from '../search/to-search-doc.ts';
import { onInterrupt } from '../interrupt.ts';
import { removeLeftFolders } from './left-folders.ts';
import type { NoteReader, TextsOnDisk } from '../store/note-store.ts';

/** The temporary folders' names: the prefix, then the pid of the server that made it. */
const prefix = 'trellis-dev-search-';

/** The search files of one version of the garden. */
export interface SearchVersion {
  /** The file at a URL path (`/_search/…`), undefined when this version has none there. */
  read(pathname: string): Promise<Buffer | undefined>;
  /** The URL paths of its files. */
  paths: string[];
  /** How many notes its run indexed (the rest kept their postings). */
  indexed: number;
  /** How many files its run wrote (the rest are the version before's). */
  written: number;
}

/** The dev server's search runs, one at a time. */
export class DevSearch {
  readonly #root: string;
  /** The temporary folder: the kept postings, and one folder per run. */
  readonly #home: string;
  readonly #kept: string;
  #seeded = false;
  /** Each file of the current version (`_search/…`): the hash of its bytes, and the run folder it is in. */
  #files = new Map<string, { hash: string; dir: string }>();
  /** Each note's content hash at the current version's run: a note with the same hash is posted light to the next run. */
  #hashes: Record<string, string> | undefined;
  #last: Promise<unknown> = Promise.resolve();
  #closed = false;
  readonly #stopOnInterrupt: () => void;

  /** Search for the garden at `root` (whose build's kept postings the first run starts from). */
  constructor(root: string) {
    this.#root = root;
    removeLeftFolders(os.tmpdir(), prefix);
    this.#home = mkdtempSync(path.join(os.tmpdir(), `${prefix}${process.pid}-`));
    this.#kept = path.join(this.#home, 'kept-postings');
    const home = this.#home;
    this.#stopOnInterrupt = onInterrupt(() => rmSync(home, { recursive: true, force: true }));
  }

  /**
   * The search files of `published` (in note order), their texts read from `store` or, where it keeps them on disk,
   * by the worker from `texts`. Runs after the run before it ends.
   */
  update(published: readonly SearchSource[], store: NoteReader, texts: TextsOnDisk | undefined): Promise<SearchVersion> {
    const run = this.#last.then(() => this.#run(published, store, texts));
    this.#last = run.catch(() => undefined);
    return run;
  }

  /** Remove the temporary folder (runs under way fail). */
  close(): void {
    this.#closed = true;
    this.#stopOnInterrupt();
    rmSync(this.#home, { recursive: true, force: true });
  }

  async #run(published: readonly SearchSource[], store: NoteReader, texts: TextsOnDisk | undefined): Promise<SearchVersion> {
    if (this.#closed) throw new Error('Search: the dev server closed');
    if (!this.#seeded) {
      this.#seeded = true;
      try {
        copyFileSync(keptPostingsFile(this.#root), this.#kept);
      } catch {
        // No build kept postings: the first run indexes every note.
      }
    }
    const dir = mkdtempSync(path.join(this.#home, 'run-'));
    const previous: Record<string, string> = {};
    for (const [file, { hash }] of this.#files) previous[file] = hash;
    // As a warm build's run does: a note whose content is the current version's is posted light (its key and size are in
    // the kept postings, its docs-chunk entry in its chunk there), and its text is not read.
    const site = this.#hashes ? { dir: Object.fromEntries([...this.#files].map(([file, { dir }]) => [file, dir])), hashes: this.#hashes } : undefined;
    try {
      const run = startSearch(published, store, texts, dir, { root: this.#root, previous, keep: true, keptFile: this.#kept, ...(site ? { site } : {}) });
      const [outputs, indexed] = await Promise.all([run.outputs, run.plan]);
      const files = new Map<string, { hash: string; dir: string }>();
      for (const o of outputs) files.set(o.path, { hash: o.hash, dir: o.written ? dir : this.#files.get(o.path)!.dir });
      const gone = new Set([...this.#files.values()].map((f) => f.dir));
      for (const f of files.values()) gone.delete(f.dir);
      this.#files = files;
      this.#hashes = Object.fromEntries(published.map((n) => [n.parsed.id, n.parsed.hash]));
      for (const d of gone) void fs.rm(d, { recursive: true, force: true });
      return {
        read: (pathname) => readVersion(files, pathname),
        paths: [...files.keys()].map((file) => '/' + file),
        indexed,
        written: outputs.filter((o) => o.written).length,
      };
    } catch (error) {
      void fs.rm(dir, { recursive: true, force: true });
      throw error;
    }
  }
}

/** A file of a version at a URL path. */
async function readVersion(files: ReadonlyMap<string, { dir: string }>, pathname: string): Promise<Buffer | undefined> {
  const file = pathname.slice(1);
  const at = files.get(file);
  if (at === undefined) return undefined;
  // A version a later run replaced may have had its folder removed: a request still reading it finds nothing there.
  return await fs.readFile(path.join(at.dir, file)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}
