/**
 * Which names a note (or a folder on its path) may have when `trellis dev`
 * creates or renames it. We follow Obsidian: it refuses a file name containing
 * any of `* " \ / < > : | ?` ("File name cannot contain any of the following
 * characters"), the characters Windows forbids, so a garden stays usable on
 * every system; and names with `# ^ [ ] |` could never be reached by a
 * wiki-link (they split it into target, heading, block and alias).
 * See docs/linking.md, "Renaming and creating notes".
 */

/** A name that `trellis dev` will not give a note or folder; the message says why. */
export class NoteNameError extends Error {}

/** Characters Obsidian refuses in file names, in the order its message lists them. */
const forbidden = ['*', '"', '\\', '/', '<', '>', ':', '|', '?'];
/** Characters that split a wiki-link, so a note named with them cannot be linked. */
const linkBreaking = ['#', '^', '[', ']', '|'];
/** File systems (ext4, APFS, NTFS) limit one path segment to 255 bytes (NTFS: 255 UTF-16 units, never fewer bytes' worth). */
const maxSegmentBytes = 255;

/**
 * Why `name` (one path segment, without `.md` for a note) cannot be used, or
 * undefined when it can.
 * @param ext the extension the file will get (`.md` for a note, '' for a folder), counted in the length limit
 */
export function nameProblem(name: string, ext = '.md'): string | undefined {
  if (name.trim() === '') return 'the name is empty';
  if (name === '.' || name === '..') return `a note or folder cannot be named “${name}”`;
  if (name.startsWith('.')) return 'a name cannot start with a dot (hidden files are not part of the garden)';
  const bad = forbidden.filter((c) => name.includes(c));
  if (bad.length > 0) return `a note name cannot contain any of ${forbidden.join(' ')} (Obsidian refuses them in file names); it contains ${bad.join(' ')}`;
  const breaking = linkBreaking.filter((c) => name.includes(c));
  if (breaking.length > 0)
    return `a note name cannot contain any of ${linkBreaking.join(' ')} (a wiki-link to it would not work); it contains ${breaking.join(' ')}`;
  // Control characters (newlines, tabs, NUL) make names that cannot be typed into a link.
  if (/\p{Cc}/u.test(name)) return 'a name cannot contain control characters (newlines, tabs)';
  if (name !== name.trim()) return 'a name cannot start or end with a space (links trim their target, so they could not reach it)';
  const bytes = Buffer.byteLength(name + ext, 'utf8');
  if (bytes > maxSegmentBytes) return `the file name is ${bytes} bytes long; file systems allow at most ${maxSegmentBytes}`;
  return undefined;
}
