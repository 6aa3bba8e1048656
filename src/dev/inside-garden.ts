/**
 * Containment by real path: a file the dev server indexes, serves or writes
 * must lie inside the garden once every symbolic link on its way is followed.
 * A link whose target is inside the garden is fine; one leading out is not.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The real path of `abs` when it exists and lies inside the garden whose real path is `realRoot`; otherwise undefined. */
export async function realPathInside(realRoot: string, abs: string): Promise<string | undefined> {
  const real = await fs.realpath(abs).catch(() => undefined);
  if (real === undefined) return undefined;
  return real === realRoot || real.startsWith(realRoot + path.sep) ? real : undefined;
}
