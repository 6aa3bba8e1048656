/**
 * The garden-relative paths a batch of file events may have changed: the paths
 * themselves and every known file below any of them. A folder, or a symbolic
 * link to one, may be reported as a single event (the watcher does not follow
 * links), yet everything the garden holds beneath it must be looked at again.
 */

/** `changed` plus every path of `known` that lies below one of them. */
export function affectedPaths(changed: readonly string[], known: Iterable<string>): string[] {
  const out = new Set(changed);
  const folders = new Set(changed);
  for (const k of known) {
    for (let i = k.indexOf('/'); i >= 0; i = k.indexOf('/', i + 1)) {
      if (folders.has(k.slice(0, i))) {
        out.add(k);
        break;
      }
    }
  }
  return [...out];
}
