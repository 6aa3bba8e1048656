/**
 * One build of an output folder at a time. A build over the previous site reads that site's
 * manifest, links and recycles its files, swaps a new site in and writes the manifest the next
 * build trusts: two at once (a save hook, a watch script and a hand-typed build) could leave a
 * manifest that describes another site than the one in place, and every later build would keep
 * files on its word. So `trellis build` holds a lock file beside the output folder
 * (`.<name>.trellis-lock`, holding the process id, host and start time) from before it reads the
 * previous site until the new one is in place and recorded; a second build waits for it, saying so.
 *
 * A lock whose process is gone (killed, the machine stopped) is stale and taken over: on the same
 * host when no process has its id, and a lock file that is empty or unreadable once it is a few
 * seconds old (a process stopped between creating and writing it).
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onInterrupt } from '../interrupt.ts';

/** Who holds a lock, as its file says. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When it took the lock (ms since the epoch). */
  started: number;
  /** What it does, when it is not a build: `spare`, the clean-up after a build making its spare (make-spare.ts). */
  task?: string;
}

/** A lock held: `release` removes its file (if it is still this process's). */
export interface BuildLock {
  release(): void;
}

/** How long an empty or unreadable lock file may be before it is taken for stale. */
const unreadableStaleMs = 5_000;

/** The lock file of output folder `out`: beside it, like its staging folders. */
export function lockFileOf(out: string): string {
  const target = path.resolve(out);
  return path.join(path.dirname(target), `.${path.basename(target)}.trellis-lock`);
}

/**
 * Take the lock of output folder `out`, waiting while another live process holds it (polling every
 * `pollMs`); `onWait` is told once who holds it. A holder with a task (the clean-up after a build making
 * its spare) is asked to yield ({@link yieldAsked}), and not told of: it lets go within a few milliseconds.
 */
export async function lockOutput(out: string, onWait?: (holder: LockHolder | undefined) => void, pollMs = 200): Promise<BuildLock> {
  const file = lockFileOf(out);
  // The output folder's parent may not be there yet (`--out build/site`): the site writer makes it too.
  mkdirSync(path.dirname(file), { recursive: true });
  let told = false;
  let asked = false;
  for (;;) {
    const taken = take(file);
    if (!('holder' in taken)) {
      // Its own request, or one left by a build stopped while it waited: for a holder before this one either way.
      rmSync(yieldFileOf(file), { force: true });
      return taken;
    }
    const yields = taken.holder?.task !== undefined;
    if (yields && !asked) {
      asked = true;
      askToYield(file);
    }
    if (!told && !yields) {
      told = true;
      onWait?.(taken.holder);
    }
    await new Promise((r) => setTimeout(r, yields ? Math.min(pollMs, 10) : pollMs));
  }
}

/** The file a build waiting for lock `file` makes to ask a holder with a task to let go. */
function yieldFileOf(file: string): string {
  return `${file}.yield`;
}

/** Ask the holder of lock `file` (a clean-up with a task) to let go of it. */
export function askToYield(file: string): void {
  try {
    closeSync(openSync(yieldFileOf(file), 'w'));
  } catch {
    // The folder cannot be written: the holder is waited for.
  }
}

/** Whether a build's request to let go of lock `file` is there still (the build removes it once it holds the lock). */
export function yieldPending(file: string): boolean {
  return existsSync(yieldFileOf(file));
}

/**
 * Whether a build asked the holder of lock `file` to let go since `since` (ms since the epoch, when the holder took it:
 * an older request is one whose build stopped before it took the lock).
 */
export function yieldAsked(file: string, since: number): boolean {
  try {
    return statSync(yieldFileOf(file)).mtimeMs >= since - 1000;
  } catch {
    return false;
  }
}

/**
 * Take lock file `file` (its folder must exist) if no live process holds it, without waiting:
 * `undefined` when one does. A stale lock is taken over, as by {@link lockOutput}.
 */
export function tryLock(file: string, task?: string): BuildLock | undefined {
  const taken = take(file, task);
  return 'holder' in taken ? undefined : taken;
}

/** The lock, or who holds it now (`undefined`: unreadable, not yet stale). */
function take(file: string, task?: string): BuildLock | { holder: LockHolder | undefined } {
  const me: LockHolder = { pid: process.pid, host: os.hostname(), started: Date.now(), ...(task ? { task } : {}) };
  for (;;) {
    if (tryCreate(file, me)) return held(file, me);
    const holder = holderOf(file);
    if (!isStale(file, holder)) return { holder };
    // Removed only if it is still the stale file read (another waiter may have taken it meanwhile).
    removeIf(file, (now) => now === undefined || (holder !== undefined && sameHolder(now, holder)));
  }
}

/**
 * The lock just taken. It is released by `release`, and also when the process exits another way
 * (`process.exit`) or is stopped by Ctrl-C or SIGTERM, which then go on as they would have (the
 * signal raised again): a later build then need not find the process gone to take it.
 */
function held(file: string, me: LockHolder): BuildLock {
  const onExit = () => release(file, me);
  process.on('exit', onExit);
  // Registered before the build's staging folder, so released after it is moved away (src/interrupt.ts).
  const off = onInterrupt(() => {
    process.off('exit', onExit);
    release(file, me);
  });
  return {
    release: () => {
      off();
      process.off('exit', onExit);
      release(file, me);
    },
  };
}

function tryCreate(file: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Who holds the lock of `file`, as its file says (undefined: none, or the file is unreadable). */
export function holderOf(file: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.started === 'number')
      return { pid: value.pid, host: value.host, started: value.started, ...(typeof value.task === 'string' ? { task: value.task } : {}) };
  } catch {
    // Gone, empty, or not a lock: see `isStale`.
  }
  return undefined;
}

/** Whether the lock file (whose holder, if readable, is `holder`) no longer stands for a running build. */
function isStale(file: string, holder: LockHolder | undefined): boolean {
  if (holder === undefined) {
    try {
      return Date.now() - statSync(file).mtimeMs > unreadableStaleMs;
    } catch {
      // Gone already: try again.
      return true;
    }
  }
  // A process on another host (a shared folder) cannot be asked about: its lock stands until it is removed.
  return holder.host === os.hostname() && !alive(holder.pid);
}

/** Whether a process with id `pid` runs on this host. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, owned by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.host === b.host && a.started === b.started;
}

function release(file: string, me: LockHolder): void {
  removeIf(file, (now) => now !== undefined && sameHolder(now, me));
}

/** Remove `file` when `test` holds for its holder as read now. */
function removeIf(file: string, test: (now: LockHolder | undefined) => boolean): void {
  if (test(holderOf(file))) rmSync(file, { force: true });
}
