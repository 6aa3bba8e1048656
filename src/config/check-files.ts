/**
 * The files a configuration names (home note, stylesheet, favicon, logo) must
 * be in the garden, inside it once symbolic links are followed, and not left
 * out by `ignore` or Obsidian's excluded files: otherwise the site would link
 * to a file it does not publish.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { realPathInside } from '../dev/inside-garden.ts';
import { toNotePath } from '../shared/ids.ts';
import type { NotePath } from '../shared/types.ts';
import type { IgnoreMatcher } from './ignore-matcher.ts';
import type { ConfigFile } from './schema.ts';

/** A problem with one option: its name and the sentence that follows it. */
export interface FileProblem {
  option: 'home' | 'stylesheet' | 'favicon' | 'logo';
  reason: string;
}

/** Check the named files; returns the home note's path (`.md` added when left out) and the problems found. */
export async function checkGardenFiles(file: ConfigFile, root: string, ignored: IgnoreMatcher): Promise<{ home?: NotePath; problems: FileProblem[] }> {
  const realRoot = await fs.realpath(root);
  const problems: FileProblem[] = [];
  const check = async (option: FileProblem['option'], rel: string, what: string): Promise<boolean> => {
    const real = await realPathInside(realRoot, path.join(root, rel));
    const st = real === undefined ? undefined : await fs.stat(real).catch(() => undefined);
    if (!st?.isFile()) problems.push({ option, reason: `names ${what} \`${rel}\` that is not in the garden` });
    else if (ignored(rel, false)) problems.push({ option, reason: `names ${what} \`${rel}\` that \`ignore\` or Obsidian's excluded files leave out` });
    else return true;
    return false;
  };
  let home: NotePath | undefined;
  if (file.home !== undefined) {
    const rel = (/\.md$/i.test(file.home) ? file.home : file.home + '.md').normalize('NFC');
    if (await check('home', rel, 'a note')) home = toNotePath(rel);
  }
  for (const option of ['stylesheet', 'favicon', 'logo'] as const) {
    const rel = file[option];
    if (rel !== undefined) await check(option, rel.normalize('NFC'), 'a file');
  }
  return { ...(home ? { home } : {}), problems };
}
