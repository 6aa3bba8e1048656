/**
 * The dev server's compiled notes: what the model keeps of each note (its facts, in memory), its
 * HTML, text and link contexts, and the re-rendering of the notes a change touched
 * (render-notes.ts: short notes on this thread, long ones on the parse pool).
 *
 * The opening build's HTML, texts and contexts stay in that build's store, on disk where a
 * temporary file can be made (store/spill-store.ts): at 100k notes they are gigabytes. A note
 * rendered again here keeps its result in memory, in place of the store's: a session edits few
 * notes, and the store's file does not grow with every save.
 */
import { randomBytes } from 'node:crypto';
import type { NoteJobResult } from '../compile/types.ts';
import type { Options as PoolOptions } from '../compile/pool.ts';
import { getHighlighter } from '../compile/render/highlighter.ts';
import { katexTypesetter } from '../compile/render/katex.ts';
import { resultReader } from '../store/memory-store.ts';
import { compiledNote, type CompiledNote, type NoteReader, type NoteStore, type TextsOnDisk } from '../store/note-store.ts';
import type { NoteId, ParsedNote, Slug } from '../shared/types.ts';
import type { GardenFiles } from './garden-files.ts';
import { renderNotes } from './render-notes.ts';

/** Title and URL of each published note, by id. */
export type PublishedInfo = Map<NoteId, { title: string; url: Slug }>;

/** The garden's compiled notes; read as a store by the same stages a build runs. */
export class CompiledNotes implements NoteReader {
  readonly #notes = new Map<NoteId, CompiledNote>();
  /** The opening build's store. */
  readonly #built: NoteStore;
  /** Results of the notes rendered since the opening build. */
  readonly #rendered = new Map<NoteId, NoteJobResult>();
  /** One nonce for the server's life: the link and embed placeholders of every note rendered here carry it. */
  readonly #nonce = randomBytes(8).toString('hex');
  readonly #pool: Partial<PoolOptions>;

  /** Keep a build's compiled notes and their open `store`; `pool` sets the parse pool for long notes. */
  constructor(built: { compiled: readonly CompiledNote[]; store: NoteStore }, pool: Partial<PoolOptions>) {
    for (const c of built.compiled) this.#notes.set(c.note.id, c);
    this.#built = built.store;
    this.#pool = pool;
  }

  /** What the model keeps of note `id`, if it was compiled. */
  get(id: NoteId): CompiledNote | undefined {
    return this.#notes.get(id);
  }

  /** The parsed note `id`. */
  parsed(id: NoteId): ParsedNote | undefined {
    return this.#notes.get(id)?.note;
  }

  /** Read as a store: a note rendered here from its result, any other from the opening build's store. */
  readonly #fresh = resultReader((id) => this.#rendered.get(id));
  #reader(id: NoteId): NoteReader {
    return this.#rendered.has(id) ? this.#fresh : this.#built;
  }
  readonly blocks: NoteReader['blocks'] = (id) => this.#reader(id).blocks(id);
  readonly outline: NoteReader['outline'] = (id) => this.#reader(id).outline(id);
  readonly text: NoteReader['text'] = (id, maxBytes) => this.#reader(id).text(id, maxBytes);
  readonly context: NoteReader['context'] = (id, link) => this.#reader(id).context(id, link);

  /**
   * Where the opening build's store keeps the notes' texts on disk, for another thread (the search worker): the notes
   * rendered since are not there (their texts are read from this store).
   */
  get texts(): TextsOnDisk | undefined {
    const built = this.#built.texts;
    return built && { fd: built.fd, refOf: (id) => (this.#rendered.has(id) ? undefined : built.refOf(id)) };
  }

  /** Every parsed note, in no particular order. */
  *parsedNotes(): IterableIterator<ParsedNote> {
    for (const c of this.#notes.values()) yield c.note;
  }

  /** Every parsed note, by id (what resolving links checks anchors against). */
  parsedById(): Map<NoteId, ParsedNote> {
    return new Map([...this.#notes.values()].map((c) => [c.note.id, c.note]));
  }

  /** Forget a removed note. */
  delete(id: NoteId): void {
    this.#notes.delete(id);
    this.#rendered.delete(id);
  }

  /** Let go of the opening build's store (its file); nothing may be read after. */
  close(): void {
    this.#built.close();
  }

  /** Title and URL of every published note (publish as its parsed frontmatter says), in note order. */
  publishedInfo(files: GardenFiles): PublishedInfo {
    const info: PublishedInfo = new Map();
    for (const n of files.notes()) {
      const c = this.#notes.get(n.id);
      if (c && c.note.frontmatter.publish) info.set(n.id, { title: c.note.title, url: n.url });
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
      this.#rendered.set(r.note.id, r);
      this.#notes.set(r.note.id, compiledNote(r));
    }
  }
}
