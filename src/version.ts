/**
 * The code fingerprint: a hash of every source file that shapes the output
 * (src/, the search encoder shared with the app, the lockfile). Caches and
 * build records keyed by it never outlive a code change. A compiled bundle
 * carries the fingerprint of the sources it was compiled from.
 */
import { fingerprintCode } from './fingerprint.mjs';
import { bundledCompileFingerprint, bundledFingerprint, projectRoot } from './paths.ts';

let memo: string | undefined;

/** Hash of the engine's code (computed once per process). */
export function codeFingerprint(): string {
  memo ??= bundledFingerprint ?? fingerprintCode(projectRoot);
  return memo;
}

let compileMemo: string | undefined;

/**
 * Hash of the code that compiles a note (parse and render, and how results are packed, cached and
 * kept: bin/cli-bundle.js, `compileFingerprintOf`), which keys the compiled notes in the cache and
 * the kept model: a change to Trellis elsewhere (graph, emitter, app) keeps them. Running from
 * source, where no bundle lists the parse worker's modules, it is the code fingerprint.
 */
export function compileFingerprint(): string {
  compileMemo ??= bundledCompileFingerprint() ?? codeFingerprint();
  return compileMemo;
}
