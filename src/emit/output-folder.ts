/**
 * Whether a build may write its site to the output folder. A build replaces the whole folder (the
 * new site is swapped in, the old folder removed in the background: write-site.ts), so the folder
 * must be one Trellis made, or empty, or not there yet: never the garden or a folder holding it, and
 * never a folder of someone's files (`--out ~/Documents`, `--out .` above the garden).
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildRecordFile } from '../constants.ts';

/** Files an empty folder may hold that no one made on purpose (the desktop's). */
const litter = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Why `out` (as the user named it: `named`) cannot be the output folder of the garden `garden` (an existing folder), or undefined when it can. */
export function outputFolderProblem(garden: string, out: string, named = out): string | undefined {
  const root = realpathSync(garden);
  const target = realOf(path.resolve(out));
  if (target === root || root.startsWith(target.endsWith(path.sep) ? target : target + path.sep)) {
    return `--out ${named} is the garden or a folder holding it: a build replaces its output folder with the site, which would remove the notes. Choose a folder outside the garden, e.g. --out dist`;
  }
  let isDir: boolean;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    // Not there yet: the build makes it.
    return undefined;
  }
  if (!isDir) return `--out ${named} is a file: a build replaces its output folder with the site. Choose a folder, e.g. --out dist`;
  // A site holds a folder for each page at its top (10k names at 10k notes, ~10 ms to list): its build record is looked for first.
  if (existsSync(path.join(target, buildRecordFile))) return undefined;
  if (readdirSync(target).every((n) => litter.has(n))) return undefined;
  return `--out ${named} holds files Trellis did not write (it has no ${buildRecordFile}): a build replaces its output folder with the site, which would remove them. Empty or remove the folder, or choose another one`;
}

/** `out`, or where it leads when it is a symbolic link to a folder. */
export function throughLink(out: string): string {
  try {
    if (!lstatSync(out).isSymbolicLink()) return out;
    const real = realpathSync(out);
    return statSync(real).isDirectory() ? real : out;
  } catch {
    // Not there, or a link that leads nowhere: the output folder as named (`outputFolderProblem` says if it cannot be).
    return out;
  }
}

/** `abs` with its existing part's symbolic links resolved (the rest is not there yet). */
function realOf(abs: string): string {
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realOf(parent), path.basename(abs));
  }
}
