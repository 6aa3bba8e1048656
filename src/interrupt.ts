/**
 * What a command puts right when it is stopped by Ctrl-C, SIGTERM or SIGHUP: a build stopped half-way
 * moves its staging folder (a whole site of hard links) out of the way and gives up its lock
 * (src/emit/write-site.ts, src/incremental/build-lock.ts). One set of signal listeners runs every
 * registered clean-up, latest first (a staging folder goes before the lock that guards it), then
 * raises the signal again with no listener left, so the process ends as the signal would have ended
 * it (Node restores a signal's default action once its last listener is removed).
 *
 * The clean-ups run between two turns of the event loop, never inside synchronous code; they must be
 * synchronous and quick (renames, not removals of tens of thousands of files).
 */
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const cleanups = new Set<() => void>();

function onSignal(signal: NodeJS.Signals): void {
  const now = [...cleanups].reverse();
  cleanups.clear();
  listen(false);
  for (const cleanup of now) {
    try {
      cleanup();
    } catch {
      // A clean-up that fails leaves what the next build sweeps (src/incremental/remove-later.ts); the rest still run.
    }
  }
  process.kill(process.pid, signal);
}

function listen(on: boolean): void {
  for (const s of signals) {
    if (on) process.on(s, onSignal);
    else process.off(s, onSignal);
  }
}

/** Run `cleanup` if the process is stopped by a signal before the returned function is called. */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) listen(true);
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup)) return;
    if (cleanups.size === 0) listen(false);
  };
}
