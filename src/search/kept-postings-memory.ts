/**
 * Kept postings held in memory (kept-postings.ts): a writer that gathers what a run of
 * `writeSearchIndex` keeps for the next one, for a process that runs it again itself (the dev
 * server, src/dev/live-search.ts), where a build keeps them in a file (kept-postings-file.ts).
 */
import type { SearchField, SearchGroup } from '../shared/types.ts';
import type { KeptNoteRow, KeptPostingsWriter } from './kept-postings-file.ts';
import type { KeptChunk, KeptGroup, KeptNote, KeptPostings, PackedEntries } from './kept-postings.ts';

/** A writer of kept postings into memory; `result()` gives them once the run finished, undefined when it did not. */
export interface MemoryKeptPostings extends KeptPostingsWriter {
  result(): (KeptPostings & { settings: string }) | undefined;
}

/** A new in-memory writer. */
export function memoryKeptPostings(): MemoryKeptPostings {
  let settings: string | undefined;
  let notes: Map<KeptNoteRow[0], KeptNote> | undefined;
  const fields = new Map<SearchField, PackedEntries>();
  const groups: Partial<Record<SearchGroup, KeptGroup>> = {};
  let chunks: KeptChunk[] | undefined;
  let done: (KeptPostings & { settings: string }) | undefined;
  return {
    begin(json, rows) {
      settings = json;
      notes = new Map(rows.map(([id, key, number, source, size]) => [id, source === undefined ? { key, number } : { key, number, source, size }]));
    },
    field(field, packed) {
      fields.set(field, packed);
    },
    group(group, kept) {
      groups[group] = kept;
    },
    chunks(list) {
      chunks = [...list];
    },
    finish() {
      if (settings !== undefined && notes && chunks) done = { settings, notes, fields, groups, chunks };
    },
    abort() {
      done = undefined;
    },
    result: () => done,
  };
}
