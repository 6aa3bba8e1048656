/**
 * Removing the replaced site after the build. Once the new site is swapped in, the old one is a
 * hidden folder beside it (write-site.ts, `replacedName`) whose files are mostly hard links into
 * the new one: removing it walks and unlinks every file of a whole site, which is no part of the
 * build's result. It is left to a detached process, so the command returns when the site is in
 * place; folders that such a process did not finish (the machine stopped) go with the next one.
 */
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { trashPrefix } from './link-previous.ts';
import { isSpareOf } from './output-manifest.ts';

const removeScript = "for (const d of process.argv.slice(1)) require('node:fs').rmSync(d, { recursive: true, force: true })";

/**
 * Remove `replaced` (and replaced sites of earlier builds of `out` left behind, spares other
 * than `spare`, the one the output manifest names, and the trash of recycled spares) in the background.
 */
export function removeLater(replaced: string | undefined, out: string, spare?: string): void {
  const target = path.resolve(out);
  const prefix = `.${path.basename(target)}-replaced-`;
  const trash = path.basename(trashPrefix(target));
  const dirs = new Set(replaced ? [replaced] : []);
  try {
    for (const name of readdirSync(path.dirname(target))) {
      const dir = path.join(path.dirname(target), name);
      if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))) dirs.add(dir);
      else if (isSpareOf(target, dir) && dir !== spare) dirs.add(dir);
      else if (name.startsWith(trash) && /^[0-9a-f]{12}$/.test(name.slice(trash.length))) dirs.add(dir);
    }
  } catch {
    // The folder cannot be listed: only this build's replaced site is removed.
  }
  if (dirs.size === 0) return;
  try {
    const child = spawn(process.execPath, ['-e', removeScript, ...dirs], { detached: true, stdio: 'ignore' });
    child.on('error', () => removeNow(dirs));
    child.unref();
  } catch {
    removeNow(dirs);
  }
}

function removeNow(dirs: Iterable<string>): void {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
