import { explorerFile, explorerNamesFile, type ExplorerNames, type FolderListing } from '../../src/shared/explorer-data.ts';
import { withBase } from '../../src/shared/with-base.ts';

/**
 * Where the explorer's data comes from: the folder listings and names file the build
 * wrote (src/emit/explorer-files.ts), each fetched once; a failed fetch is forgotten
 * so the next request tries again.
 */
export class ExplorerSource {
  readonly #base: string;
  readonly #fetch: (url: string) => Promise<Response>;
  readonly #files = new Map<string, Promise<unknown>>();

  constructor(base: string, fetchFn: (url: string) => Promise<Response>) {
    this.#base = base;
    this.#fetch = fetchFn;
  }

  /** The listing of `folder` (`''` for the root). */
  folder(folder: string): Promise<FolderListing> {
    return this.#load<FolderListing>(explorerFile(folder));
  }

  /** Every name of the garden, for the filter. */
  names(): Promise<ExplorerNames> {
    return this.#load<ExplorerNames>(explorerNamesFile());
  }

  #load<T>(file: string): Promise<T> {
    let pending = this.#files.get(file);
    if (!pending) {
      pending = this.#fetch(withBase(this.#base, file)).then((res) => {
        if (!res.ok) throw new Error(`Explorer: ${file} answered ${res.status}`);
        return res.json();
      });
      pending.catch(() => this.#files.delete(file));
      this.#files.set(file, pending);
    }
    return pending as Promise<T>;
  }
}
