/**
 * The code fingerprint: a hash of every source file that shapes the output
 * (src/, the search encoder shared with the app, the lockfile). Caches and
 * build records keyed by it never outlive a code change. A compiled bundle
 * carries the fingerprint of the sources it was compiled from.
 */
import { fingerprintCode } from './fingerprint.mjs';
import { bundledFingerprint, projectRoot } from './paths.ts';

let memo: string | undefined;

/** Hash of the engine's code (computed once per process). */
export function codeFingerprint(): string {
  memo ??= bundledFingerprint ?? fingerprintCode(projectRoot);
  return memo;
}
