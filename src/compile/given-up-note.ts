/**
 * The placeholder for a note whose worker failed it: out of memory (`note-too-large`), out of
 * time or crashed (`note-failed`). Such a result depends on this run's limits, so it is marked
 * `givenUp` and not cached.
 */
import { ruleIds } from '../constants.ts';
import type { NoteJob, NoteJobResult } from './types.ts';
import { placeholderNote } from './placeholder.ts';
import type { BatchFailure } from './run-batch.ts';

/** The placeholder result for `job`, with a diagnostic at its first line saying which limit it hit. */
export function givenUpNote(job: Pick<NoteJob, 'path' | 'id' | 'hash' | 'text'>, failure: BatchFailure, nonce: string): NoteJobResult {
  const at = { file: job.path, line: 1, column: 1, severity: 'error' as const };
  switch (failure.kind) {
    case 'memory':
      return placeholderNote(
        job,
        {
          ...at,
          ruleId: ruleIds.noteTooLarge,
          reason: `Building this note took more than the ${failure.heapMb} MB of memory it may use; it is shown as plain text. Split it into smaller notes`,
        },
        nonce,
        true,
      );
    case 'timeout':
      return placeholderNote(
        job,
        { ...at, ruleId: ruleIds.noteFailed, reason: `This note could not be rendered (timed out after ${failure.ms} ms); it is shown as plain text` },
        nonce,
        true,
      );
    case 'crash':
      return placeholderNote(
        job,
        { ...at, ruleId: ruleIds.noteFailed, reason: `This note could not be rendered (${failure.message.slice(0, 200)}); it is shown as plain text` },
        nonce,
        true,
      );
  }
}
