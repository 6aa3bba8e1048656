/**
 * The search index of a warm build of edited text (src/incremental/text-only.ts), started as soon
 * as the notes are compiled: on the other core, it is made while this one resolves links, derives
 * the graph and decides which pages to keep, instead of after. Only when only text changed (the
 * graph is the previous one, so no layout worker runs beside it, and the last build's postings
 * leave the worker a few notes to index) in a garden of at most 20,000 notes: the worker holds
 * every note's postings, and beside the resolve and graph stages of a large garden it would add to
 * the build's peak memory (docs/performance.md, "Search index before the pages").
 */
import { mkdtempSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { NoteReader, TextsOnDisk } from '../store/note-store.ts';
import { filesUnder, type OutputManifest } from '../incremental/output-manifest.ts';
import type { SearchSource } from '../search/to-search-doc.ts';
import { prepareSearchWorker, type PreparedSearchWorker } from '../search/build-in-worker.ts';
import { keptPostingsFile } from '../search/kept-postings-file.ts';
import { codeFingerprint } from '../version.ts';
import { heapMbFor } from '../worker-heap.ts';
import { startSearch, type SearchRun } from './start-search.ts';
import { scratchPrefix } from '../incremental/link-previous.ts';
import { trashNow } from '../incremental/remove-later.ts';
import { onInterrupt } from '../interrupt.ts';

/**
 * Gardens larger than this index their search after the graph stage (memory). The memory targets go up to 100,000 notes:
 * there a build of edited text with its search started early peaked at 1.38-1.45 GB, against 1.35-1.38 GB with it
 * after the pages, and took 8.7-10.1 s against 10.4-12.1 s (docs/performance-history.md, "Twenty-ninth session").
 */
export const earlySearchMaxNotes = 100_000;

/**
 * Gardens larger than this do not keep the worker started ahead for the search of a link change: it would hold the kept
 * postings through the layout worker's run, which sets the peak of such a build, for a search that then waits for the
 * layout anyway. At 100k notes: 2.38 GB and 42.8 s with it kept, 2.28 GB and 37.5 s with it ended (one build each, other
 * links; the layout's run varies by seconds). It is ended, and the search starts once the layout is done.
 */
export const linkSearchAheadMaxNotes = 20_000;

/** Whether the search of a build whose links changed, in a garden of `notes` notes, runs on the worker started ahead. */
export function searchAheadForLinks(notes: number): boolean {
  return notes <= linkSearchAheadMaxNotes;
}

/**
 * Start the early search's worker ahead, on a warm build of a garden whose walk found `notes`
 * Markdown files of `bytes` in all (at most {@link earlySearchMaxNotes}): it loads its code and reads
 * the kept postings while the build scans and compiles. When links changed too, the search the emitter starts after
 * the graph stage runs on it (src/cli.ts); when more changed, it is ended unused (`skip`).
 */
export function prepareEarlySearch(root: string, notes: number, bytes: number): PreparedSearchWorker | undefined {
  if (notes > earlySearchMaxNotes) return undefined;
  return prepareSearchWorker({ file: keptPostingsFile(root), code: codeFingerprint() }, heapMbFor(bytes, 2));
}

/**
 * An early search: `start` starts it; `run` is the run started, if any; `discard` removes its folder once it is done.
 * `skip` says no early search runs and none will use the worker started ahead (more than text and links changed): it is ended.
 */
export interface EarlySearch {
  start(published: readonly SearchSource[], store: NoteReader, texts: TextsOnDisk | undefined): void;
  skip(): void;
  run(): SearchRun | undefined;
  discard(): Promise<void>;
}

/**
 * An early search for a build of the garden `root` into `out` over the site `previous` describes
 * (its `_search/` files are kept when the same bytes are made; its postings are kept for the next build),
 * on the worker `prepared` if one was started ahead (`prepareEarlySearch`).
 */
export function earlySearch(root: string, out: string, previous: OutputManifest, prepared?: PreparedSearchWorker): EarlySearch {
  let started: SearchRun | undefined;
  let stopOnInterrupt: (() => void) | undefined;
  return {
    start(published, store, texts) {
      if (published.length > earlySearchMaxNotes) {
        void prepared?.discard();
        return;
      }
      const dir = mkdtempSync(scratchPrefix(path.resolve(out)));
      // Moved away if the build is stopped by a signal before it is adopted or removed (src/interrupt.ts).
      stopOnInterrupt = onInterrupt(() => trashNow(out, [dir]));
      const files: Record<string, string> = {};
      for (const [rel, hash] of filesUnder(previous.files, '_search/')) files[rel] = hash;
      const site = { dir: path.resolve(out), hashes: previous.notes };
      started = startSearch(published, store, texts, dir, { root, previous: files, keep: true, site, ...(prepared ? { prepared } : {}) });
    },
    skip: () => void prepared?.discard(),
    run: () => started,
    async discard() {
      await prepared?.discard();
      if (!started) return;
      await started.outputs.catch(() => undefined);
      await fs.rm(started.dir, { recursive: true, force: true });
      stopOnInterrupt?.();
    },
  };
}
