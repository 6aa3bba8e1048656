/**
 * The dev server's in-memory garden, updated incrementally. It composes small
 * live indexes, each kept with the build's own per-note functions:
 *
 * - garden-files.ts: notes as read and attachments (one scan on open), URLs, the link index;
 * - compiled-notes.ts: each note's parse+render result;
 * - resolved-links.ts: each note's resolved links, and who links to or embeds whom;
 * - backlinks-index.ts, mentions-index.ts: backlinks and unlinked mentions by target;
 * - assembled-pages.ts: pages with their embeds filled in, until something they show changes.
 *
 * `open` builds the garden (worker pool, content-hash cache) from one scan, and keeps of the
 * build's model what the indexes adopt and its layout. `apply(paths)` updates the indexes for what
 * changed (apply-change.ts). `view()` derives pages, graph.json and the report lazily from them
 * (garden-view.ts), with the graph stage's functions; topics and positions are the last settled
 * layout's until `settle()` computes the layout of the current notes and edges with the graph
 * stage's `layoutOfNotes`, as a clean build does (on a worker thread for a large garden, so saves
 * are applied meanwhile; a settle overtaken by a change starts over). Nothing else is derived
 * again: the indexes are kept equal to a clean build's links, backlinks and mentions by each change.
 * test/incremental.test.ts checks the view, before and after a settle, against clean builds of
 * the same files.
 */
import type { TopicSettings } from '../graph/topics-settings.ts';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildGarden, type GardenModel } from '../build.ts';
import type { Options as PoolOptions } from '../compile/pool.ts';
import { sortDiagnostics } from '../diagnostics.ts';
import { layoutOfNotes, type LayoutCache, type LayoutResult } from '../graph/index.ts';
import { layoutOfGraphJson, type PlacedLayout } from '../graph/placed-layout.ts';
import { readKeptText, scanGarden, type ScanSettings, type ScannedNote } from '../scan/index.ts';
import type { AttachmentFile, Diagnostic, NoteId, ResolvedLink } from '../shared/types.ts';
import type { NoteReader, TextsOnDisk } from '../store/note-store.ts';
import { applyChange, type ChangeSet, type LiveIndexes } from './apply-change.ts';
import { AssembledPages } from './assembled-pages.ts';
import { BacklinksIndex } from './backlinks-index.ts';
import { CompiledNotes } from './compiled-notes.ts';
import { GardenFiles } from './garden-files.ts';
import { realPathInside } from './inside-garden.ts';
import { buildGardenView, type GardenView } from './garden-view.ts';
import { MentionsIndex } from './mentions-index.ts';
import { ResolvedLinks } from './resolved-links.ts';

export type { ChangeSet } from './apply-change.ts';
export type { GardenView } from './garden-view.ts';

/** The in-memory garden of `trellis dev`. */
export class GardenState {
  readonly root: string;
  readonly #live: LiveIndexes;
  /** The last settled layout: its topics and positions show until the next settle. */
  #layout: PlacedLayout | undefined;
  #view: GardenView | undefined;
  /** Whether `#layout` is the layout of the notes and links as they are now. */
  #settled = false;
  /** Counts changes begun and finished, so that a settle can tell the garden changed under it. */
  #generation = 0;
  /** Changes being applied. */
  readonly #applying = new Set<Promise<ChangeSet>>();
  #lastApply: Promise<unknown> = Promise.resolve();
  /** The last layout, reused by `settle` while the graph's nodes, tags and edges are unchanged. */
  readonly #layoutCache: LayoutCache = lastLayoutCache();

  /** URL path note bodies link below (the site's base path, `/notes/`). */
  readonly basePath: string;
  /** The configuration's topic names and mappings. */
  readonly #topics: TopicSettings | undefined;

  private constructor(files: GardenFiles, compiled: CompiledNotes, basePath: string, topics: TopicSettings | undefined) {
    this.root = files.root;
    this.basePath = basePath;
    this.#topics = topics;
    this.#live = { files, compiled, links: new ResolvedLinks(), backlinks: new BacklinksIndex(), mentions: new MentionsIndex(), pages: new AssembledPages() };
  }

  /**
   * Build the garden and keep it in memory; `pool` sets the parse pool (tests shrink its heap caps),
   * `settings` come from the configuration.
   */
  static async open(
    garden: string,
    pool: Partial<PoolOptions> = {},
    settings: ScanSettings = {},
    basePath = '/',
    topics?: TopicSettings,
  ): Promise<GardenState> {
    const root = path.resolve(garden);
    // One scan: the build compiles the very notes the state keeps (with `keepResults` it leaves its store open for them).
    const scan = await scanGarden(root, settings);
    const files = new GardenFiles(root, scan, settings);
    const model = await buildGarden({ garden: root, scan, keepResults: true, pool, scanSettings: settings, ...(topics ? { topics } : {}) });
    const state = new GardenState(files, new CompiledNotes(model.kept!, pool), basePath, topics);
    state.#adopt(model);
    return state;
  }

  /** The garden as a site, derived lazily from the current state. */
  view(): GardenView {
    return (this.#view ??= buildGardenView({ ...this.#live, layout: this.#layout, basePath: this.basePath }));
  }

  /**
   * The view with topics and positions computed for the notes and links as they are now (a clean
   * build's); computes the layout when stale. The layout of a large garden runs on a worker thread,
   * so changes may be applied meanwhile: the layout of a garden that changed while it was computed
   * is not adopted, and the garden is settled again.
   */
  async settle(): Promise<GardenView> {
    for (;;) {
      if (this.#settled) return this.view();
      // Never snapshot a garden halfway through a change.
      if (this.#applying.size > 0) {
        await Promise.allSettled([...this.#applying]);
        continue;
      }
      const generation = this.#generation;
      const view = this.view();
      const published = view.notes.filter((n) => n.publish).map((n) => n.parsed);
      const layout = await layoutOfNotes(published, view.edgesOf, { cache: this.#layoutCache, ...(this.#topics ? { topics: this.#topics } : {}) });
      if (generation !== this.#generation || this.#applying.size > 0) continue;
      this.#layout = layout;
      this.#settled = true;
      this.#view = undefined;
      return this.view();
    }
  }

  /** Whether topics and layout are those of the notes and links as they are now. */
  get settled(): boolean {
    return this.#settled;
  }

  /** Let go of the compiled notes' file; the state may not be read after. */
  close(): void {
    this.#live.compiled.close();
  }

  /** Plain text of note `id`'s body, as compiled (search). */
  text(id: NoteId): string {
    return this.#live.compiled.text(id);
  }

  /** Where search reads the notes' texts: the compiled notes, and the opening build's file of texts for another thread. */
  searchTexts(): { store: NoteReader; texts: TextsOnDisk | undefined } {
    const { compiled } = this.#live;
    return { store: compiled, texts: compiled.texts };
  }

  /** The scanned note at a garden-relative path (its hash, and its text when it was read since the garden opened). */
  note(rel: string): ScannedNote | undefined {
    return this.#live.files.note(rel);
  }

  /**
   * The text of the note at a garden-relative path, as the state has it: kept for a note read since
   * the garden opened, else read from its file (the opening build let its text go). Undefined when
   * there is no such note, or its file no longer holds what the state has or now leads out of the
   * garden through a symbolic link (a change on its way).
   */
  async source(rel: string): Promise<string | undefined> {
    return this.#source(rel, await fs.realpath(this.root));
  }

  /** `source` of each of `rels`, in their order, with a few files read ahead at a time (a rename reads every note). */
  async *sources(rels: readonly string[]): AsyncGenerator<string | undefined> {
    const realRoot = await fs.realpath(this.root);
    const ahead: Promise<string | undefined>[] = [];
    let next = 0;
    for (;;) {
      while (ahead.length < sourcesAhead && next < rels.length) ahead.push(this.#source(rels[next++]!, realRoot));
      const text = ahead.shift();
      if (text === undefined) return;
      yield await text;
    }
  }

  /** `source`, with the garden's real path: a file read must lie inside it once symbolic links are followed, as every file the server reads. */
  async #source(rel: string, realRoot: string): Promise<string | undefined> {
    const note = this.#live.files.note(rel);
    if (!note) return undefined;
    if (note.content.text !== undefined) return note.content.text;
    const real = await realPathInside(realRoot, note.absPath);
    return real === undefined ? undefined : await readKeptText({ ...note, absPath: real }).catch(() => undefined);
  }

  /** Garden-relative paths of every note and attachment the state holds. */
  knownPaths(): string[] {
    return this.#live.files.knownPaths();
  }

  /** Attachments of the garden. */
  attachmentList(): AttachmentFile[] {
    return this.#live.files.attachments();
  }

  /** Diagnostics of the given notes (parse, links, embeds), without deriving the whole garden. */
  diagnosticsFor(ids: readonly NoteId[]): Diagnostic[] {
    const view = this.view();
    const out: Diagnostic[] = [];
    for (const id of ids) {
      const n = view.byId.get(id);
      if (!n) continue;
      out.push(...n.parsed.diagnostics, ...this.#live.links.diagnosticsOf(id));
      if (n.publish) void n.html;
      out.push(...(this.#live.pages.peek(id)?.diagnostics ?? []));
    }
    return sortDiagnostics(out);
  }

  /** Resolved links of a note. */
  linksOf(id: NoteId): readonly ResolvedLink[] {
    return this.#live.links.of(id);
  }

  /** Apply changes to the given absolute or garden-relative paths (created, modified or deleted). */
  async apply(paths: readonly string[]): Promise<ChangeSet> {
    this.#generation++;
    // One change at a time: a change waiting for a worker thread must not interleave with another.
    const running = this.#lastApply.then(() =>
      applyChange(this.#live, paths, () => {
        this.#view = undefined;
        this.#settled = false;
      }),
    );
    this.#lastApply = running.catch(() => undefined);
    this.#applying.add(running);
    try {
      return await running;
    } finally {
      this.#applying.delete(running);
      this.#generation++;
    }
  }

  /**
   * Take over the opening build's links, backlinks and layout, and find the mentions. Nothing else of
   * the model is kept: its graph.json (every link again, as objects), its mentions by target and its
   * outgoing links are what the indexes and the view hold of their own.
   */
  #adopt(model: GardenModel): void {
    const { files, compiled, links, backlinks, mentions, pages } = this.#live;
    links.adopt(model.links, model.linkDiagnostics);
    backlinks.adopt(model.graph.backlinks);
    mentions.rebuild({ note: (id) => compiled.parsed(id), text: compiled.text, links: links.all, info: compiled.publishedInfo(files) });
    pages.clear();
    this.#layout = layoutOfGraphJson(model.graph.json);
    this.#settled = true;
    this.#view = undefined;
  }
}

/** Files `GardenState.sources` reads at once. */
const sourcesAhead = 16;

/** A layout cache that keeps the last layout only. */
function lastLayoutCache(): LayoutCache {
  let last: { key: string; value: LayoutResult } | undefined;
  return { get: (key) => (last?.key === key ? last.value : undefined), set: (key, value) => void (last = { key, value }) };
}
