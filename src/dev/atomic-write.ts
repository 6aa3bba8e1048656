/** Atomic file writes: a temporary file in the same folder, then rename. */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Write `text` to `abs` atomically, creating folders as needed. */
export async function writeFileAtomic(abs: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(abs), { recursive: true });
  // A short dot-name: hidden from the garden's watcher, and within the 255-byte limit even beside the longest note name.
  const tmp = path.join(path.dirname(abs), `.trellis-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, text, { flag: 'wx' });
    await fs.rename(tmp, abs);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}
