import type { GraphJson, NoteData, NoteId } from '../../src/shared/types.ts';
import {
  graphTopicsFileName,
  localGraphFileName,
  withTopics,
  type GraphTopicsFile,
  type LocalGraphJson,
  type ShownLocalGraph,
} from '../../src/shared/local-graph.ts';
import { resolveTheme, themeStorageKey, type Theme } from '../../src/shared/theme.ts';

/** The page on screen: a note (known once its data is loaded or read from the page) or any other page. */
export type PageState = { kind: 'note'; id: NoteId; url: string; title: string } | { kind: 'other'; url: string };

/** Depths the local graph offers, in hops from the current note. */
export type GraphDepth = 1 | 2 | 3;

/** All shared state of the reading app; replaced, never mutated, on each change. */
export interface GardenState {
  /** Site base path, starting and ending with `/`. */
  basePath: string;
  page: PageState;
  theme: Theme;
  search: { open: boolean; query: string };
  localGraph: { open: boolean; depth: GraphDepth };
}

/** What the store needs from the browser; injected so tests can run without one. */
export interface StoreEnvironment {
  fetch: (url: string) => Promise<Response>;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  systemDark: boolean;
  /** Whether the local graph starts open for a reader who never chose (the site's configuration). */
  localGraphOpen?: boolean;
}

const localGraphKey = 'trellis-local-graph';

/**
 * How long a local graph waits for the garden's topics file (graph-topics.json, loaded once a
 * visit) before it is drawn without topics; when the file comes later, the graph is drawn again
 * with them. The note's own file is a few KB, the topics file tens: on a slow connection the
 * graph shows first.
 */
export const topicsWaitMs = 300;

/**
 * The single store of the reading app, owned by `<garden-app>` and provided to
 * every component with @lit/context. Holds the state plus the actions that
 * change it, and caches fetched note and graph data. Emits `change` after
 * every state change.
 */
export class GardenStore extends EventTarget {
  #state: GardenState;
  readonly #env: StoreEnvironment;
  readonly #notes = new Map<string, Promise<NoteData>>();
  #graph?: Promise<GraphJson>;
  /** Each note's local graph file, and the graph shown from it with the topics known when it was asked for. */
  readonly #localFiles = new Map<string, Promise<LocalGraphJson>>();
  readonly #localGraphs = new Map<string, Promise<ShownLocalGraph>>();
  #topics?: Promise<GraphTopicsFile | undefined>;
  #topicsFile?: GraphTopicsFile;
  /** A local graph was shown without topics that may still come. */
  #shownWithout = false;

  constructor(basePath: string, page: PageState, env: StoreEnvironment) {
    super();
    this.#env = env;
    const stored = readStorage(env.storage, localGraphKey);
    const [open, depth] = stored?.split(':') ?? [];
    const d = Number(depth);
    this.#state = {
      basePath,
      page,
      theme: resolveTheme(readStorage(env.storage, themeStorageKey), env.systemDark),
      search: { open: false, query: '' },
      localGraph: { open: stored ? open === 'open' : (env.localGraphOpen ?? false), depth: d === 2 || d === 3 ? d : 1 },
    };
  }

  /** The current state. */
  get state(): GardenState {
    return this.#state;
  }

  /** Load the data of the note at a page path (`/a/b/`, base path included), cached per path; rejects when there is none. */
  loadNote(pagePath: string): Promise<NoteData> {
    const path = pagePath.endsWith('/') ? pagePath : pagePath + '/';
    let pending = this.#notes.get(path);
    if (!pending) {
      pending = this.#fetchJson<NoteData>(path + 'index.json');
      pending.catch(() => this.#notes.delete(path));
      this.#notes.set(path, pending);
    }
    return pending;
  }

  /** Load graph.json once; later calls share the same promise. */
  loadGraph(): Promise<GraphJson> {
    if (!this.#graph) {
      this.#graph = this.#fetchJson<GraphJson>(this.#state.basePath + 'graph.json');
      this.#graph.catch(() => (this.#graph = undefined));
    }
    return this.#graph;
  }

  /**
   * Load the local graph of the note at a page path (base path included, as `loadNote`), cached per
   * path, with the garden's topics (graph-topics.json, loaded once beside the first one: the local
   * graph files carry none). Without the topics file the graph is shown without topics; when it
   * comes after `topicsWaitMs`, the store forgets the graphs shown without it and emits `change`,
   * so they are asked for (and drawn) again, from the files already loaded.
   */
  loadLocalGraph(pagePath: string): Promise<ShownLocalGraph> {
    const path = pagePath.endsWith('/') ? pagePath : pagePath + '/';
    let shown = this.#localGraphs.get(path);
    if (!shown) {
      let file = this.#localFiles.get(path);
      if (!file) {
        file = this.#fetchJson<LocalGraphJson>(path + localGraphFileName);
        file.catch(() => this.#localFiles.delete(path));
        this.#localFiles.set(path, file);
      }
      shown = Promise.all([file, this.#topicsSoon()]).then(([graph, topics]) => {
        if (!topics) this.#shownWithout = true;
        return withTopics(graph, topics);
      });
      shown.catch(() => this.#localGraphs.delete(path));
      this.#localGraphs.set(path, shown);
    }
    return shown;
  }

  /** The topics file if it is loaded, or comes within `topicsWaitMs`; else undefined. */
  #topicsSoon(): Promise<GraphTopicsFile | undefined> {
    if (this.#topicsFile) return Promise.resolve(this.#topicsFile);
    const late = new Promise<undefined>((resolve) => setTimeout(resolve, topicsWaitMs, undefined));
    return Promise.race([this.#loadTopics(), late]);
  }

  /** The garden's topics file, loaded once; undefined when it cannot be (tried again on the next call). */
  #loadTopics(): Promise<GraphTopicsFile | undefined> {
    if (!this.#topics) {
      const pending: Promise<GraphTopicsFile | undefined> = this.#fetchJson<GraphTopicsFile>(this.#state.basePath + graphTopicsFileName).then(
        (file) => {
          // Forgotten meanwhile (forgetData): a newer load decides.
          if (this.#topics !== pending) return file;
          this.#topicsFile = file;
          if (this.#shownWithout) {
            this.#shownWithout = false;
            this.#localGraphs.clear();
            this.dispatchEvent(new Event('change'));
          }
          return file;
        },
        () => {
          if (this.#topics === pending) this.#topics = undefined;
          return undefined;
        },
      );
      this.#topics = pending;
    }
    return this.#topics;
  }

  /**
   * Drop the cached note and graph data; the dev server calls this when the garden changed. Emits
   * `change`, so what shows that data (the local graph beside the note) loads it again.
   */
  forgetData(): void {
    this.#notes.clear();
    this.#localFiles.clear();
    this.#localGraphs.clear();
    this.#topics = undefined;
    this.#topicsFile = undefined;
    this.#shownWithout = false;
    this.#graph = undefined;
    this.dispatchEvent(new Event('change'));
  }

  /** Record the page now on screen. */
  setPage(page: PageState): void {
    this.#set({ page });
  }

  /** Switch the theme and remember the choice. */
  setTheme(theme: Theme): void {
    writeStorage(this.#env.storage, themeStorageKey, theme);
    this.#set({ theme });
  }

  /** Follow a change of the system colour scheme, unless the reader chose a theme explicitly. */
  setSystemDark(dark: boolean): void {
    const stored = readStorage(this.#env.storage, themeStorageKey);
    this.#set({ theme: resolveTheme(stored, dark) });
  }

  /** Open the search dialog, optionally with a query. */
  openSearch(query = this.#state.search.query): void {
    this.#set({ search: { open: true, query } });
  }

  /** Close the search dialog, keeping the last query for next time. */
  closeSearch(query = this.#state.search.query): void {
    this.#set({ search: { open: false, query } });
  }

  /** Show or hide the local graph and choose its depth; remembered across pages and visits. */
  setLocalGraph(open: boolean, depth: GraphDepth = this.#state.localGraph.depth): void {
    writeStorage(this.#env.storage, localGraphKey, `${open ? 'open' : 'closed'}:${depth}`);
    this.#set({ localGraph: { open, depth } });
  }

  async #fetchJson<T>(url: string): Promise<T> {
    const response = await this.#env.fetch(url);
    if (!response.ok) throw new Error(`Store: ${url} answered ${response.status}`);
    return (await response.json()) as T;
  }

  #set(patch: Partial<GardenState>): void {
    this.#state = { ...this.#state, ...patch };
    this.dispatchEvent(new Event('change'));
  }
}

function readStorage(storage: StoreEnvironment['storage'], key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeStorage(storage: StoreEnvironment['storage'], key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage can be full or disabled (private mode); the choice then lasts for this page only.
  }
}
