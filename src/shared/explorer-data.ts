/**
 * The sidebar explorer's data: one small JSON file per folder of the garden
 * (`_explorer/<key>.json`), loaded only when the reader opens that folder, and
 * one file of every name (`_explorer/names.json`) loaded only when the reader
 * filters. The builder writes them (src/emit/explorer-files.ts) and the app
 * reads them (web/components/garden-explorer.ts); both name files with
 * {@link explorerFile}, so a page can load the folders of its note at once,
 * without walking down from the root.
 */
import { slugifySegment } from './ids.ts';

/** Folder where the explorer's files live, below the site's base path. */
export const explorerDir = '_explorer';

/**
 * The listing of one folder. Tuples keep the files small (a 10,000-note garden's busiest folder is a few KB).
 * Invariant: sub-folders sorted by name, notes by title, both with `localeCompare`, ties by URL.
 */
export interface FolderListing {
  /** Sub-folders: `[name, number of notes below it, at any depth]`. */
  d: [name: string, count: number][];
  /** Notes: `[title, url]`, `url` written as {@link packUrl} writes it. */
  n: [title: string, url: string][];
}

/** Every folder and note name, for the filter box. Folders in tree order (each before its sub-folders, siblings as in {@link FolderListing}); notes by folder, then by title. */
export interface ExplorerNames {
  /** Folder paths; `d[0]` is the root, `''`. */
  d: string[];
  /** Notes: `[index of its folder in d, title, url]`, `url` packed as in {@link FolderListing}. */
  n: [folder: number, title: string, url: string][];
}

/** Site path (before the base path) of the listing of `folder` (`''` for the root). */
export function explorerFile(folder: string): string {
  return `/${explorerDir}/${folder === '' ? 'root' : folderKey(folder)}.json`;
}

/** Site path of the names file. */
export function explorerNamesFile(): string {
  return `/${explorerDir}/names.json`;
}

/** The URL prefix notes of `folder` usually share: its path slugified (`Linux Internals` -> `/linux-internals/`). */
export function folderUrlPrefix(folder: string): string {
  return folder === '' ? '/' : '/' + folder.split('/').map(slugifySegment).join('/') + '/';
}

/** A note's URL as stored: the last segment alone when it is the folder's prefix plus one segment, else the whole URL. */
export function packUrl(url: string, folder: string): string {
  const prefix = folderUrlPrefix(folder);
  if (!url.startsWith(prefix) || !url.endsWith('/')) return url;
  const rest = url.slice(prefix.length, -1);
  return rest === '' || rest.includes('/') ? url : rest;
}

/** The site-relative URL of a stored note URL (see {@link packUrl}). */
export function unpackUrl(packed: string, folder: string): string {
  return packed.startsWith('/') ? packed : folderUrlPrefix(folder) + packed + '/';
}

/**
 * A name for a folder's file that does not depend on how the host treats case or Unicode:
 * 64 bits of two FNV-1a hashes of its path, in hex. A garden would need billions of folders
 * for two to share one.
 */
export function folderKey(folder: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < folder.length; i++) {
    const c = folder.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The folders from the root down to `folder` itself: `a/b` -> `['', 'a', 'a/b']`. */
export function folderChain(folder: string): string[] {
  if (folder === '') return [''];
  const parts = folder.split('/');
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}
