import type { ExplorerNames, FolderListing } from '../../src/shared/explorer-data.ts';
import { fold } from './explorer-keys.ts';

/** The tree a filter shows: listings of the folders on the way to each match, and which of them are open. */
export interface FilteredTree {
  listings: Map<string, FolderListing>;
  open: Set<string>;
  /** Notes and folders whose name contains the query. */
  matches: number;
  /** Notes listed (at most `limit`; the rest are counted in `matches` only). */
  shown: number;
}

/**
 * Filter the garden's names by `query` (a part of a name, case and accents ignored).
 * A matching note is shown inside its folders, opened; a matching folder is shown
 * with all its contents, closed unless a note in it matches. At most `limit`
 * matching notes are revealed, in tree order.
 */
export function filterTree(names: ExplorerNames, query: string, limit = 300): FilteredTree {
  const want = fold(query.trim());
  const listings = new Map<string, FolderListing>();
  const open = new Set<string>();
  const counts = subtreeCounts(names);
  let matches = 0;
  let shown = 0;
  const listing = (folder: string): FolderListing => {
    let l = listings.get(folder);
    if (!l) listings.set(folder, (l = { d: [], n: [] }));
    return l;
  };
  /** Make `folder` reachable from the root; `openIt` opens it and its ancestors. */
  const reach = (folder: string, openIt: boolean): void => {
    let path = folder;
    while (path !== '') {
      const cut = path.lastIndexOf('/');
      const parent = cut < 0 ? '' : path.slice(0, cut);
      const name = path.slice(cut + 1);
      const l = listing(parent);
      if (!l.d.some(([n]) => n === name)) l.d.push([name, counts.get(path) ?? 0]);
      if (openIt) open.add(path);
      path = parent;
    }
    listing('');
  };
  // Folders whose own name matches are listed whole: their listings come from every name.
  const whole = new Set<string>();
  for (const folder of names.d) {
    if (folder === '') continue;
    const parent = folder.slice(0, Math.max(0, folder.lastIndexOf('/')));
    if (whole.has(parent)) whole.add(folder);
    else if (fold(folder.slice(folder.lastIndexOf('/') + 1)).includes(want)) {
      matches++;
      whole.add(folder);
      reach(folder, false);
    }
  }
  for (const folder of whole) {
    const l = listing(folder);
    for (const sub of names.d)
      if (sub.startsWith(folder + '/') && !sub.slice(folder.length + 1).includes('/')) l.d.push([sub.slice(folder.length + 1), counts.get(sub) ?? 0]);
  }
  for (const [index, title, url] of names.n) {
    const folder = names.d[index] ?? '';
    const hit = fold(title).includes(want);
    if (hit) matches++;
    if (whole.has(folder)) {
      listing(folder).n.push([title, url]);
      // A matching note inside a matching folder is shown too: its folders open.
      if (hit && shown < limit) {
        shown++;
        reach(folder, true);
      }
      continue;
    }
    if (!hit || shown >= limit) continue;
    shown++;
    reach(folder, true);
    listing(folder).n.push([title, url]);
  }
  // Sub-folders arrive in the order they are reached: sort them as the build sorts listings.
  for (const l of listings.values()) l.d.sort((a, b) => order(a[0], b[0]));
  return { listings, open, matches, shown };
}

function order(a: string, b: string): number {
  return a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Notes below each folder, at any depth. */
function subtreeCounts(names: ExplorerNames): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [index] of names.n) {
    let path = names.d[index] ?? '';
    while (path !== '') {
      counts.set(path, (counts.get(path) ?? 0) + 1);
      const cut = path.lastIndexOf('/');
      path = cut < 0 ? '' : path.slice(0, cut);
    }
  }
  return counts;
}
