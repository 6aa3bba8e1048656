/**
 * Moving a note without ever replacing another file. `fs.rename` replaces its
 * destination, and checking first then renaming races with anything that
 * creates the destination in between. Node has no rename-without-replace
 * (Linux's renameat2 RENAME_NOREPLACE), so the move is a hard link to the new
 * name, which the kernel refuses atomically with EEXIST when anything is
 * there, then the removal of the old name. The file keeps its inode, so an
 * editor holding it open keeps its contents.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

/** The destination of a move exists and is another file. */
export class DestinationExistsError extends Error {}

/** Errors of `link` on file systems without hard links (FAT, exFAT, some network mounts), or across mounts. */
const noHardLinks = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Move `from` to `to` (absolute paths), creating `to`'s folder; throws DestinationExistsError, having
 * changed nothing, when `to` names another file, however its name differs in case. A case-only rename
 * of one file (`to` names `from` itself on a case-insensitive file system) goes through a temporary name.
 */
export async function moveNoReplace(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  try {
    await createExclusive(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (!(await sameFile(from, to))) throw new DestinationExistsError(`${to} exists`);
    await moveThroughTemporary(from, to);
    return;
  }
  await fs.unlink(from);
}

/** `to` answers for `from` itself: the file system compares names without case (or Unicode form). */
async function moveThroughTemporary(from: string, to: string): Promise<void> {
  // A dot-name, so the garden's watcher and scanner never take it for a note.
  const tmp = path.join(path.dirname(from), `.${randomBytes(6).toString('hex')}.trellis-rename`);
  await createExclusive(from, tmp);
  await fs.unlink(from);
  try {
    await createExclusive(tmp, to);
  } catch (error) {
    // Someone created `to` in the meantime: put the note back under its old name.
    await createExclusive(tmp, from);
    await fs.unlink(tmp);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DestinationExistsError(`${to} exists`);
    throw error;
  }
  await fs.unlink(tmp);
}

/** Make `to` name the contents of `from`, failing with EEXIST if `to` exists: a hard link, else an exclusive copy. */
async function createExclusive(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (error) {
    if (!noHardLinks.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    // COPYFILE_EXCL also fails with EEXIST when `to` exists; the copy is not atomic, but never replaces.
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
  return sa.dev === sb.dev && sa.ino === sb.ino;
}
