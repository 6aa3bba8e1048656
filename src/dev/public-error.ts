/**
 * What an error may tell the browser: no absolute path of this machine. Paths
 * inside the garden become garden-relative; any other absolute path is elided.
 * The full error still goes to the terminal.
 */
import path from 'node:path';

/** Absolute POSIX or Windows paths: what the scrub replaces when it is not inside the garden. */
const absolutePath = /(?<![\w.~%:/-])(?:\/|[A-Za-z]:\\)[^\s'"`,;)]*/g;

/** The message of `error` with garden paths made relative to the garden and other absolute paths elided. */
export function publicMessage(error: unknown, gardenRoots: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  let scrubbed = message;
  // Longest root first, so that a root inside another (a real path under a symlinked one) is cut whole.
  for (const root of [...gardenRoots].sort((a, b) => b.length - a.length)) scrubbed = scrubbed.split(root + path.sep).join('');
  return scrubbed.replace(absolutePath, '…');
}
