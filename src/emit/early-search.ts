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
import type { OutputManifest } from '../incremental/output-manifest.ts';
import type { SearchSource } from '../search/to-search-doc.ts';
import { startSearch, type SearchRun } from './start-search.ts';
import { scratchPrefix } from './write-site.ts';

/** Gardens larger than this index their search after the graph stage (memory). */
export const earlySearchMaxNotes = 20_000;

/** An early search: `start` starts it; `run` is the run started, if any; `discard` removes its folder once it is done. */
export interface EarlySearch {
  start(published: readonly SearchSource[], store: NoteReader, texts: TextsOnDisk | undefined): void;
  run(): SearchRun | undefined;
  discard(): Promise<void>;
}

/**
 * An early search for a build of the garden `root` into `out` over the site `previous` describes
 * (its `_search/` files are kept when the same bytes are made; its postings are kept for the next build).
 */
export function earlySearch(root: string, out: string, previous: OutputManifest): EarlySearch {
  let started: SearchRun | undefined;
  return {
    start(published, store, texts) {
      if (published.length > earlySearchMaxNotes) return;
      const dir = mkdtempSync(scratchPrefix(path.resolve(out)));
      const files = Object.fromEntries(Object.entries(previous.files).filter(([rel]) => rel.startsWith('_search/')));
      started = startSearch(published, store, texts, dir, { root, previous: files, keep: true });
    },
    run: () => started,
    async discard() {
      if (!started) return;
      await started.outputs.catch(() => undefined);
      await fs.rm(started.dir, { recursive: true, force: true });
    },
  };
}
