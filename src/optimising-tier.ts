/**
 * Whether V8's optimising compiler (TurboFan) runs in the rest of a build of a few notes' edited text.
 *
 * TurboFan compiles a hot function on V8's background threads, for every thread of the process (the builder's, the parse
 * and search workers'), and optimised code pays off over seconds. A build of one edited note at 10k notes lasts about a
 * second on two cores: its builder's thread ran ~0.85 s of it and waited ~0.2 s for a core, beside the workers and
 * V8's four background threads (~0.1 s of CPU each). Once such a build knows that only the text of a few notes changed
 * (src/incremental/text-only.ts), what is left (deriving over the kept facts, the pages, the search files) is short, and
 * runs without TurboFan (`--max-opt=2`: Sparkplug's baseline code at most; Maglev is off in Node 20): one-note builds
 * took 1.11 against 1.18 s (eight alternated pairs, 0.12 s less CPU), ten-note text builds 1.34 against 1.36 s. Held
 * from the start of a build instead, a build whose links changed turned out slower: its layout runs for seconds, and
 * letting TurboFan run again once the links were known did not bring it back (4.24 against 3.49 s). So only a text
 * build holds it, once it knows; V8's flags are the process's, and the process ends with the build. Nor in a large
 * garden, whose rest of a build is long enough for TurboFan to pay off: at 100k notes, held, a one-note build took 9.05
 * against 8.22 s (three pairs, each slower); {@link fewGardenNotes} sits between the two gardens measured.
 *
 * A tier given on node's command line (`--max-opt`) is left as given (docs/performance.md).
 */
import v8 from 'node:v8';

/** Most notes whose text changed for the rest of a build to run without the optimising compiler. */
export const fewNotes = 16;

/** Most notes in the garden for the rest of such a build to run without it (see the module comment). */
export const fewGardenNotes = 20_000;

/**
 * Whether a build of edited text in `changed` notes (and nothing else) of a garden of `notes` notes runs the rest of its
 * way without TurboFan.
 */
export function holdsOptimisingCompiler(changed: number, notes: number, execArgv: readonly string[] = process.execArgv): boolean {
  return changed <= fewNotes && notes <= fewGardenNotes && !execArgv.some((arg) => /^--max[-_]opt(=|$)/.test(arg));
}

/** From now on, no function of this process is optimised by TurboFan (see the module comment). */
export function holdOptimisingCompiler(): void {
  v8.setFlagsFromString('--max-opt=2');
}
