/** `trellis new "Title"`: create a note from the template, never overwriting. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The text of a new note. */
export function noteTemplate(title: string, today: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\ntags: []\nstage: seedling\ncreated: ${today}\n---\n\n# ${title}\n\n`;
}

/** Create `garden/[folder/]Title.md`; returns the path. Refuses names that escape the garden or already exist. */
export async function createNote(garden: string, title: string, folder?: string): Promise<string> {
  const name = title.replace(/[\\/:*?"<>|#^[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!name) throw new Error('the title has no usable characters for a file name');
  const root = path.resolve(garden);
  const file = path.resolve(root, folder ?? '', `${name}.md`);
  if (!file.startsWith(root + path.sep)) throw new Error(`refusing to write outside the garden: ${file}`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, noteTemplate(title, new Date().toISOString().slice(0, 10)), { flag: 'wx' });
  return path.relative(process.cwd(), file);
}
