/**
 * Watching the garden for changes made outside the editor: every path that may have changed is
 * handed on (a file, or a folder whose files the caller looks at again: src/dev/affected-paths.ts).
 *
 * - By file events: one `fs.watch` per folder (inotify, FSEvents, ReadDirectoryChangesW), each
 *   reporting what happens to the entries of its folder. A folder that appears (made, or moved in
 *   with its notes) is watched and reported with every path below it, which its parent's event does
 *   not list; the watches of a folder that goes are closed.
 *   - chokidar, which this replaced, watches every file with an `fs.watch` of its own: at 100,000
 *     notes ~0.3 GB of heap and ~0.7 GB of the process, 10 s to start, and 100,000 of the system's
 *     file watches, often the whole allowance (docs/performance.md).
 *   - @parcel/watcher (one native watch per folder) was tried first and left: it coalesces a batch's
 *     events by path and lost a note replaced by a rename and deleted at once (an editor's atomic save,
 *     then `rm`): neither the replacement nor the deletion was reported. Here every event is.
 * - By polling (`--poll`: network drives and WSL mounts send no events), with chokidar, which
 *   compares every file's stats. Watching falls back to it, saying so, when a watch cannot be made
 *   (the system's limit on watches reached, say).
 *
 * Hidden files and folders and `node_modules` are not watched, but for Obsidian's settings file
 * (`.obsidian/app.json`, read by the configuration), nor is a site built inside the garden (a folder
 * holding a build record, as the walk skips it: src/scan/walk.ts). Symbolic links are reported as
 * themselves, never followed: what they lead to is read, or not, by GardenFiles (only what lies inside the garden).
 */
import { watch as watchFolder, type FSWatcher as FolderWatch } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isTrellisSite } from '../scan/walk.ts';
import { isHiddenSegment } from './garden-files.ts';

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
 * Watch the garden at `realRoot` (its real path). Resolves once every folder is watched: a change
 * made later is reported.
 */
export async function watchGarden(realRoot: string, options: WatchOptions): Promise<GardenWatcher> {
  if (options.poll) return pollGarden(realRoot, options);
  const ignored = ignoredIn(realRoot);
  const watches = new Map<string, FolderWatch>();
  let fallen: GardenWatcher | undefined;
  let closed = false;

  const closeAll = () => {
    for (const w of watches.values()) w.close();
    watches.clear();
  };
  const fallBack = async (error: unknown) => {
    if (fallen || closed) return;
    closeAll();
    options.log(`trellis: ${describeFailure(error)}; polling the garden every ${options.pollMs} ms instead`);
    fallen = await pollGarden(realRoot, options);
  };
  /** Close the watches of `dir` and of every folder below it (it went, or became a file or a link). */
  const forget = (dir: string) => {
    // A folder is watched only below a watched one: when `dir` is not, nothing below it is.
    if (!watches.has(dir)) return;
    const below = dir + path.sep;
    for (const [d, w] of watches)
      if (d === dir || d.startsWith(below)) {
        w.close();
        watches.delete(d);
      }
  };
  /**
   * Watch `dir` and every folder below it that is not watched yet, reporting each path below it when
   * `report` (a folder that appeared: its parent's event named only the folder). The watch is made
   * before the folder is read, so an entry added meanwhile is either read or reported by it.
   */
  const add = async (dir: string, report: boolean): Promise<void> => {
    if (closed || fallen || watches.has(dir) || isTrellisSite(dir)) return;
    let w: FolderWatch;
    try {
      w = watchFolder(dir, { persistent: true }, (_event, name) => onEvent(dir, name));
    } catch (error) {
      // A folder gone already (its parent's event reports it), or a watch the system will not give (or a garden
      // that cannot be watched at all): poll instead.
      const code = (error as NodeJS.ErrnoException).code;
      if (dir === realRoot || (code !== 'ENOENT' && code !== 'ENOTDIR')) await fallBack(error);
      return;
    }
    w.on('error', () => forget(dir));
    watches.set(dir, w);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const p = path.join(dir, entry.name);
      if (ignored(p)) continue;
      if (report) options.onChange(p);
      if (entry.isDirectory()) await add(p, report);
    }
  };
  /** An entry `name` of `dir` changed (or the folder itself, when no name is given). */
  const onEvent = (dir: string, name: string | Buffer | null) => {
    if (closed || fallen) return;
    const p = name === null ? dir : path.join(dir, name.toString());
    if (ignored(p)) return;
    options.onChange(p);
    // Made, removed or renamed (fs.watch calls all of these "rename"; a folder's changes can come as "change"): look.
    void lstat(p).then(
      (stats) => (stats.isDirectory() ? add(p, true) : forget(p)),
      () => forget(p),
    );
  };

  await add(realRoot, false);
  return {
    get polling() {
      return fallen !== undefined;
    },
    async close() {
      closed = true;
      closeAll();
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
    return segments.some(isHiddenSegment);
  };
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

/** Why a watch could not be made, and what to do about it when it is the system's limit on watches. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EMFILE')
    return `the system's limit on file watches is reached (${code}). Raise it with: sudo sysctl fs.inotify.max_user_watches=524288`;
  return `watching the garden by file events failed (${message})`;
}
