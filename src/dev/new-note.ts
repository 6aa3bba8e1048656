/** `trellis new "Title"` and New note in `trellis dev`: create a note from the template, never overwriting. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { nameProblem, NoteNameError } from './note-name.ts';

/** The text of a new note. */
export function noteTemplate(title: string, today: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\ntags: []\nstage: seedling\ncreated: ${today}\n---\n\n# ${title}\n\n`;
}

/**
 * The garden-relative path `[folder/]Title.md` of a new note, with exactly the title (trimmed) as its name.
 * Throws NoteNameError for a name Obsidian refuses (see note-name.ts) rather than making up a different one.
 */
export function newNotePath(title: string, folder?: string): string {
  const name = title.trim();
  const problem = nameProblem(name);
  if (problem) throw new NoteNameError(`Cannot create “${name}”: ${problem}`);
  const folders = (folder ?? '').split('/').filter((s) => s !== '');
  for (const segment of folders) {
    const bad = nameProblem(segment, '');
    if (bad) throw new NoteNameError(`Cannot create a note in the folder “${folder}”: ${bad}`);
  }
  return [...folders, `${name}.md`].join('/');
}

/**
 * Create `garden/[folder/]Title.md`; returns the path (relative to the working folder). Throws NoteNameError
 * for a refused name, an error for a path outside the garden, and EEXIST when the file exists.
 */
export async function createNote(garden: string, title: string, folder?: string): Promise<string> {
  const rel = newNotePath(title, folder);
  const root = path.resolve(garden);
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) throw new Error(`refusing to write outside the garden: ${file}`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  // `wx`: the create fails if anything (a note, or the same name in another case on a case-insensitive disk) is there.
  await fs.writeFile(file, noteTemplate(title.trim(), new Date().toISOString().slice(0, 10)), { flag: 'wx' });
  return path.relative(process.cwd(), file);
}
