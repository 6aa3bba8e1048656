/**
 * The sidebar explorer's data files (formats in src/shared/explorer-data.ts):
 * a listing per folder, so a page loads only the folders the reader opens, and
 * the names file the filter box loads on its first keystroke. No page carries
 * the tree in its HTML. Same notes, same bytes: everything is sorted.
 */
import { dirName } from '../shared/ids.ts';
import { explorerFile, explorerNamesFile, packUrl, type ExplorerNames, type FolderListing } from '../shared/explorer-data.ts';

/** What the explorer needs of a note. */
export interface ExplorerNote {
  id: string;
  title: string;
  url: string;
}

interface Folder {
  path: string;
  folders: Map<string, Folder>;
  notes: ExplorerNote[];
  count: number;
}

/** File path (without the leading `/`) -> contents of every explorer file of a garden of `notes`. */
export function explorerFiles(notes: readonly ExplorerNote[]): Map<string, string> {
  const root: Folder = { path: '', folders: new Map(), notes: [], count: 0 };
  for (const note of notes) {
    let folder = root;
    folder.count++;
    const dir = dirName(note.id);
    for (const name of dir ? dir.split('/') : []) {
      let child = folder.folders.get(name);
      if (!child) folder.folders.set(name, (child = { path: folder.path ? `${folder.path}/${name}` : name, folders: new Map(), notes: [], count: 0 }));
      folder = child;
      folder.count++;
    }
    folder.notes.push(note);
  }
  const files = new Map<string, string>();
  const names: ExplorerNames = { d: [], n: [] };
  const visit = (folder: Folder): void => {
    const subfolders = [...folder.folders.values()].sort((a, b) => compare(lastName(a.path), lastName(b.path)));
    const sorted = [...folder.notes].sort((a, b) => compare(a.title, b.title) || compare(a.url, b.url));
    const listing: FolderListing = {
      d: subfolders.map((f) => [lastName(f.path), f.count]),
      n: sorted.map((n) => [n.title, packUrl(n.url, folder.path)]),
    };
    files.set(explorerFile(folder.path).slice(1), JSON.stringify(listing));
    const index = names.d.push(folder.path) - 1;
    for (const [title, url] of listing.n) names.n.push([index, title, url]);
    for (const sub of subfolders) visit(sub);
  };
  visit(root);
  files.set(explorerNamesFile().slice(1), JSON.stringify(names));
  return files;
}

function lastName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Locale order (what readers expect of names), then code-unit order so equal-looking names still sort one way. */
function compare(a: string, b: string): number {
  return a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0);
}
