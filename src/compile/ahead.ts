/**
 * A one-shot build's compile, set up before the build knows what changed (src/cli.ts starts it before
 * the garden is walked, and ends it unused when the site is up to date): its parse worker loads its modules (the
 * Markdown pipeline and Shiki, ~1 s) on the other core while the CLI scans the garden and reads
 * what the last build kept. A module of its own, light to load, so the worker starts before the
 * builder's modules load.
 */
import { randomBytes } from 'node:crypto';
import { cacheDir } from '../store/cache.ts';
import type { NoteStore } from '../store/note-store.ts';
import { tryCreateSpillStore } from '../store/spill-store.ts';
import { compileFingerprint } from '../version.ts';
import { startEarly, type EarlyWorker, type Options as PoolOptions } from './pool.ts';
import { regexTableFile, type RegexTableFile } from './render/regex-table-file.ts';
import type { WorkerInit } from './worker.ts';

/** What `compileAhead` sets up: the build's store file, its workers' settings, and a worker loading its modules. */
export interface CompileAhead {
  /** Hand the set-up to the build (once): it then owns the store file and the worker. */
  take(): { spill: NoteStore | undefined; init: WorkerInit; early: EarlyWorker } | undefined;
  /** Let go of what the build did not take. */
  close(): Promise<void>;
}

/** Set up a warm one-shot build's compile (see the module comment). */
export function compileAhead(root: string, pool: Partial<PoolOptions> = {}): CompileAhead {
  const spill = tryCreateSpillStore();
  const init: WorkerInit = {
    nonce: randomBytes(8).toString('hex'),
    render: true,
    pack: spill !== undefined,
    regexTable: regexTableOf(root),
    keepCode: true,
    warmUp: true,
  };
  const early = startEarly(init, pool);
  let taken = false;
  return {
    take() {
      if (taken) return undefined;
      taken = true;
      return { spill, init, early };
    },
    async close() {
      if (taken) return;
      taken = true;
      await early.close();
      spill?.close();
    },
  };
}

/** Where a build with a cache keeps the highlighter's converted regexes (src/compile/render/regex-table.ts). */
export function regexTableOf(root: string): RegexTableFile {
  return { file: regexTableFile(cacheDir(root)), code: compileFingerprint() };
}
