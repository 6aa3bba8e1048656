/**
 * The dev server's compiled notes: each note's parse+render result, and the
 * re-rendering of the notes a change touched (render-notes.ts: short notes on
 * this thread, long ones on the parse pool).
 */
import { randomBytes } from 'node:crypto';
import type { NoteJobResult } from '../compile/types.ts';
import type { Options as PoolOptions } from '../compile/pool.ts';
import { getHighlighter } from '../compile/render/highlighter.ts';
import { katexTypesetter } from '../compile/render/katex.ts';
import { resultReader } from '../store/memory-store.ts';
import type { NoteReader } from '../store/note-store.ts';
import type { NoteId, ParsedNote, Slug } from '../shared/types.ts';
import type { GardenFiles } from './garden-files.ts';
import { renderNotes } from './render-notes.ts';

/** Title and URL of each published note, by id. */
export type PublishedInfo = Map<NoteId, { title: string; url: Slug }>;

/** Parse+render results of the garden's notes; read as a store by the same stages a build runs. */
export class CompiledNotes implements NoteReader {
  #results = new Map<NoteId, NoteJobResult>();
  /** One nonce for the server's life: the link and embed placeholders of every note rendered here carry it. */
  readonly #nonce = randomBytes(8).toString('hex');
  readonly #pool: Partial<PoolOptions>;

  /** Keep `results` (of a build); `pool` sets the parse pool for long notes. */
  constructor(results: Iterable<NoteJobResult>, pool: Partial<PoolOptions>) {
    for (const r of results) this.#results.set(r.note.id, r);
    this.#pool = pool;
  }

  /** The result of note `id`, if it was compiled. */
  get(id: NoteId): NoteJobResult | undefined {
    return this.#results.get(id);
  }

  /** The parsed note `id`. */
  parsed(id: NoteId): ParsedNote | undefined {
    return this.#results.get(id)?.note;
  }

  /** Read as a store: blocks, outline, text and link contexts of the results kept here (store/memory-store.ts). */
  readonly #reader = resultReader((id) => this.#results.get(id));
  readonly blocks = this.#reader.blocks;
  readonly outline = this.#reader.outline;
  readonly text = this.#reader.text;
  readonly context = this.#reader.context;

  /** Every parsed note, in no particular order. */
  *parsedNotes(): IterableIterator<ParsedNote> {
    for (const r of this.#results.values()) yield r.note;
  }

  /** Every parsed note, by id (what resolving links checks anchors against). */
  parsedById(): Map<NoteId, ParsedNote> {
    return new Map([...this.#results.values()].map((r) => [r.note.id, r.note]));
  }

  /** Forget a removed note. */
  delete(id: NoteId): void {
    this.#results.delete(id);
  }

  /** Title and URL of every published note (publish as its parsed frontmatter says), in note order. */
  publishedInfo(files: GardenFiles): PublishedInfo {
    const info: PublishedInfo = new Map();
    for (const n of files.notes()) {
      const r = this.#results.get(n.id);
      if (r && r.note.frontmatter.publish) info.set(n.id, { title: r.note.title, url: n.url });
    }
    return info;
  }

  /** Parse and render notes `ids` from their current text. */
  async render(ids: readonly NoteId[], files: GardenFiles): Promise<void> {
    if (ids.length === 0) return;
    const ctx = { nonce: this.#nonce, highlighter: await getHighlighter(), math: katexTypesetter };
    const byId = new Map([...files.notes()].map((n) => [n.id, n]));
    const jobs = ids.flatMap((id) => byId.get(id) ?? []).map((n) => ({ path: n.path, id: n.id, hash: n.hash, text: n.content.text! }));
    const results = await renderNotes(jobs, ctx, this.#pool);
    // A long note saved again while a worker rendered it is left to the change that read the newer text.
    for (const r of results) {
      const scanned = files.note(r.note.path);
      if (scanned?.hash !== r.note.hash) continue;
      // Whether a note is published is the scan's decision (it applies the configured policy).
      r.note.frontmatter.publish = scanned.content.publish;
      this.#results.set(r.note.id, r);
    }
  }
}
