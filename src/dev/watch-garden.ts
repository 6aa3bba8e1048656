/**
 * Watching the garden for changes made outside the editor: every path that may have changed is
 * handed on (a file, or a folder whose files the caller looks at again: src/dev/affected-paths.ts).
 *
 * - By file events, with @parcel/watcher: one native watch per folder (inotify, FSEvents,
 *   ReadDirectoryChangesW). chokidar, which this replaced, watches every file with an `fs.watch` of
 *   its own: at 100,000 notes that held ~0.3 GB of heap and ~0.7 GB of the process, took 10 s to
 *   start, and used 100,000 of the system's file watches (often the whole allowance). @parcel/watcher
 *   held 33 MB and started in 1 s (docs/performance.md). A folder that appears (made, or moved in)
 *   is reported with every file below it, which the events do not list.
 * - By polling (`--poll`: network drives and WSL mounts send no events), with chokidar, which
 *   compares every file's stats. Watching falls back to it, saying so, when the events fail (the
 *   system's limit on watches reached, say).
 *
 * Hidden files and folders and `node_modules` are not watched, but for Obsidian's settings file
 * (`.obsidian/app.json`, read by the configuration). Symbolic links are reported as themselves,
 * never followed: what they lead to is read, or not, by GardenFiles (only what lies inside the garden).
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { subscribe, type AsyncSubscription } from '@parcel/watcher';
import { watch, type FSWatcher } from 'chokidar';

/** A running watcher. */
export interface GardenWatcher {
  /** Whether it polls (asked to, or fallen back to). */
  readonly polling: boolean;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Poll instead of using file events. */
  poll: boolean;
  /** How often a polling watcher looks at the garden, ms. */
  pollMs: number;
  /** Called with the absolute path of everything that may have changed. */
  onChange: (absPath: string) => void;
  log: (line: string) => void;
}

/**
 * Watch the garden at `realRoot` (its real path: events name real paths). Resolves once the watcher
 * has seen the garden: a change made later is reported.
 */
export async function watchGarden(realRoot: string, options: WatchOptions): Promise<GardenWatcher> {
  if (options.poll) return pollGarden(realRoot, options);
  const ignored = ignoredIn(realRoot);
  let fallen: GardenWatcher | undefined;
  let closed = false;
  let subscription: AsyncSubscription | undefined;
  const fallBack = async (error: unknown) => {
    if (fallen || closed) return;
    options.log(`trellis: ${describeFailure(error)}; polling the garden every ${options.pollMs} ms instead`);
    const failed = subscription;
    subscription = undefined;
    fallen = await pollGarden(realRoot, options);
    await failed?.unsubscribe().catch(() => undefined);
  };
  try {
    subscription = await subscribe(
      realRoot,
      (error, events) => {
        if (error) return void fallBack(error);
        for (const event of events) {
          if (ignored(event.path)) continue;
          options.onChange(event.path);
          if (event.type === 'create') void reportBelow(event.path, ignored, options.onChange);
        }
      },
      // Not watched at all: the events' own filter (`ignored`) is the rule; these only spare the watches.
      { ignore: ['**/node_modules', '**/.git', '**/.trash'] },
    );
  } catch (error) {
    await fallBack(error);
  }
  return {
    get polling() {
      return fallen !== undefined;
    },
    async close() {
      closed = true;
      await subscription?.unsubscribe().catch(() => undefined);
      await fallen?.close();
    },
  };
}

/** Whether a path under `realRoot` is left out: hidden or `node_modules`, but for `.obsidian/app.json` and its folder. */
export function ignoredIn(realRoot: string): (absPath: string) => boolean {
  return (p) => {
    const rel = path.relative(realRoot, p);
    if (rel === '') return false;
    const segments = rel.split(path.sep);
    if (segments[0] === '.obsidian' && (segments.length === 1 || (segments.length === 2 && segments[1] === 'app.json'))) return false;
    return segments.some((s) => s.startsWith('.') || s === 'node_modules');
  };
}

/** Report every path below `dir` (a folder that appeared), when it is one: not a link to one, not left out. */
async function reportBelow(dir: string, ignored: (p: string) => boolean, onChange: (p: string) => void): Promise<void> {
  const stats = await lstat(dir).catch(() => undefined);
  if (!stats?.isDirectory()) return;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    if (ignored(p)) continue;
    onChange(p);
    if (entry.isDirectory()) await reportBelow(p, ignored, onChange);
  }
}

/** Watch by polling, with chokidar; resolves once it has seen the garden (or failed to). */
async function pollGarden(realRoot: string, options: WatchOptions): Promise<GardenWatcher> {
  const ignored = ignoredIn(realRoot);
  const watcher: FSWatcher = watch(realRoot, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored,
    usePolling: true,
    interval: options.pollMs,
    binaryInterval: options.pollMs,
  })
    .on('all', (_event, p) => options.onChange(p))
    .on('error', (error: unknown) => options.log(`trellis: watching the garden failed: ${error instanceof Error ? error.message : String(error)}`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()).once('error', () => resolve()));
  return { polling: true, close: () => watcher.close() };
}

/** Why file events failed, and what to do about it when it is the system's limit on watches. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EMFILE' || /no space left|too many open files/i.test(message))
    return `the system's limit on file watches is reached (${message}). Raise it with: sudo sysctl fs.inotify.max_user_watches=524288`;
  return `watching the garden by file events failed (${message})`;
}
