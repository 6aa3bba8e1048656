import type { FolderListing } from '../../src/shared/explorer-data.ts';
import { unpackUrl } from '../../src/shared/explorer-data.ts';

/** One visible row of the explorer tree, in the order a reader sees them. */
export type ExplorerRow =
  | { kind: 'folder'; path: string; name: string; count: number; level: number; parent: string; expanded: boolean }
  | { kind: 'note'; url: string; name: string; level: number; parent: string };

/**
 * The rows a tree shows: the children of the root, and of every open folder whose
 * listing is loaded, depth first. Folders whose listing is missing show closed
 * (their listing is loading). `url` is site-relative (without the base path).
 */
export function explorerRows(listings: ReadonlyMap<string, FolderListing>, open: ReadonlySet<string>, root = ''): ExplorerRow[] {
  const rows: ExplorerRow[] = [];
  const visit = (folder: string, level: number): void => {
    const listing = listings.get(folder);
    if (!listing) return;
    for (const [name, count] of listing.d) {
      const path = folder ? `${folder}/${name}` : name;
      const expanded = open.has(path) && listings.has(path);
      rows.push({ kind: 'folder', path, name, count, level, parent: folder, expanded });
      if (expanded) visit(path, level + 1);
    }
    for (const [name, packed] of listing.n) rows.push({ kind: 'note', url: unpackUrl(packed, folder), name, level, parent: folder });
  };
  visit(root, 1);
  return rows;
}

/** The key a row is known by across renders: a folder's path, a note's URL. */
export function rowKey(row: ExplorerRow): string {
  return row.kind === 'folder' ? 'd:' + row.path : 'n:' + row.url;
}
