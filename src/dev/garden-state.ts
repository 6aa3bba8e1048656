/**
 * The dev server's in-memory garden: every note's parse+render result kept
 * between changes, so a save re-renders only what it touches.
 *
 * 1. `open` does a normal build (worker pool, content-hash cache) and keeps its results.
 * 2. `apply(paths)` re-reads the changed files, reassigns URLs, and re-renders
 *    the changed notes plus every note whose links could resolve differently
 *    (those naming an added, removed, renamed, (un)published or re-URLed note
 *    or attachment).
 * 3. Derived data (links, backlinks, graph, embeds) is recomputed by the same
 *    `deriveModel` a clean build uses; topics and layout are recomputed after
 *    a quiet period (`settle`), keeping the previous picture meanwhile.
 * So after `settle()` the model equals a clean build of the same files.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { deriveModel, type GardenModel } from '../build.ts';
import { baseName, isNotePath, nameKey, toNoteId, toNotePath } from '../ids.ts';
import { runNoteJob, type NoteJobResult } from '../parse/job.ts';
import { getHighlighter } from '../render/highlighter.ts';
import { buildLinkIndex } from '../resolve/link-index.ts';
import { buildGarden } from '../build.ts';
import { readNote } from '../scan/read-note.ts';
import { assignUrls, scanGarden, type ScannedNote } from '../scan/index.ts';
import type { AttachmentFile, Diagnostic, NoteId } from '../types.ts';
import { randomBytes } from 'node:crypto';

/** What one `apply` changed. */
export interface ChangeSet {
  /** Notes whose page or data may differ (re-rendered, or backlinks/embeds changed). */
  changed: NoteId[];
  removed: NoteId[];
  /** Notes re-parsed and re-rendered. */
  rerendered: NoteId[];
  ms: number;
}

/** The in-memory garden of `trellis dev`. */
export class GardenState {
  readonly root: string;
  private notes = new Map<string, ScannedNote>();
  private results = new Map<NoteId, NoteJobResult>();
  private attachments = new Map<string, AttachmentFile>();
  private otherDiagnostics: Diagnostic[] = [];
  private nonce = randomBytes(8).toString('hex');
  private current!: GardenModel;
  private layoutDirty = false;

  private constructor(root: string) {
    this.root = root;
  }

  /** Build the garden and keep it in memory. */
  static async open(garden: string): Promise<GardenState> {
    const state = new GardenState(path.resolve(garden));
    const scan = await scanGarden(state.root);
    for (const n of scan.notes) state.notes.set(n.path, n);
    for (const a of scan.attachments) state.attachments.set(a.path, a);
    state.otherDiagnostics = scan.diagnostics.filter((d) => d.ruleId !== 'duplicate-slug');
    const model = await buildGarden({ garden: state.root, keepResults: true });
    for (const r of model.results ?? []) state.results.set(r.note.id, r);
    state.current = model;
    return state;
  }

  /** The current model (topics and layout may lag until `settle`). */
  get model(): GardenModel {
    return this.current;
  }

  /** Whether topics and layout are behind the links. */
  get needsSettle(): boolean {
    return this.layoutDirty;
  }

  /** Apply changes to the given absolute or garden-relative paths (created, modified or deleted). */
  async apply(paths: readonly string[]): Promise<ChangeSet> {
    const t0 = performance.now();
    const before = this.indexSnapshot();
    const oldModel = this.current;
    const touched = new Set<NoteId>();
    const removed: NoteId[] = [];
    for (const p of paths) {
      const rel = this.relative(p);
      if (rel === undefined) continue;
      const abs = path.join(this.root, rel);
      const st = await fs.stat(abs).catch(() => undefined);
      if (isNotePath(rel)) {
        const notePath = toNotePath(rel);
        if (!st?.isFile()) {
          if (this.notes.delete(notePath)) {
            removed.push(toNoteId(notePath));
            this.results.delete(toNoteId(notePath));
          }
          continue;
        }
        const content = await readNote(abs, notePath);
        if (content.text === undefined) {
          this.notes.delete(notePath);
          this.results.delete(toNoteId(notePath));
          continue;
        }
        const prev = this.notes.get(notePath);
        if (prev && prev.hash === content.hash) continue;
        this.notes.set(notePath, { path: notePath, id: toNoteId(notePath), absPath: abs, hash: content.hash, size: content.size, mtimeMs: content.mtimeMs, content, url: prev?.url ?? ('/' as never) });
        touched.add(toNoteId(notePath));
      } else if (st?.isFile()) {
        this.attachments.set(rel, { path: rel, absPath: abs, size: st.size });
      } else {
        this.attachments.delete(rel);
      }
    }
    const sorted = [...this.notes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.notes = new Map(sorted.map((n) => [n.path, n]));
    const urlDiagnostics = assignUrls(sorted);

    const after = this.indexSnapshot();
    const affectedKeys = diffKeys(before, after);
    const rerender = new Set<NoteId>(touched);
    if (affectedKeys.size > 0) {
      for (const r of this.results.values()) {
        if (r.note.links.some((l) => l.target !== '' && affectedKeys.has(targetKey(l.target)))) rerender.add(r.note.id);
      }
    }
    await this.render([...rerender]);

    this.current = this.derive(urlDiagnostics, false);
    this.layoutDirty = true;
    const changed = changedNotes(oldModel, this.current, rerender);
    return { changed, removed, rerendered: [...rerender], ms: Math.round(performance.now() - t0) };
  }

  /** Recompute topics and layout so the model equals a clean build. */
  settle(): GardenModel {
    const urlDiagnostics = assignUrls([...this.notes.values()]);
    this.current = this.derive(urlDiagnostics, true);
    this.layoutDirty = false;
    return this.current;
  }

  /** The text and hash of a note, for the editor. */
  note(rel: string): ScannedNote | undefined {
    return this.notes.get(rel);
  }

  private derive(urlDiagnostics: Diagnostic[], layout: boolean): GardenModel {
    const sources = [...this.notes.values()];
    const results = sources.map((n) => this.results.get(n.id)!);
    const attachments = [...this.attachments.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    const diagnostics = [...this.otherDiagnostics, ...urlDiagnostics, ...sources.flatMap((n) => n.content.diagnostics)];
    const model = deriveModel(this.root, sources, attachments, results, diagnostics, { layout });
    if (!layout) carryLayout(this.current, model);
    return model;
  }

  private async render(ids: NoteId[]): Promise<void> {
    if (ids.length === 0) return;
    const sources = [...this.notes.values()];
    const ctx = {
      index: buildLinkIndex(sources.map((n) => ({ id: n.id, publish: n.content.publish })), [...this.attachments.keys()]),
      urls: new Map(sources.filter((n) => n.content.publish).map((n) => [n.id, n.url])),
      nonce: this.nonce,
      highlighter: await getHighlighter(),
    };
    const byId = new Map(sources.map((n) => [n.id, n]));
    for (const id of ids) {
      const n = byId.get(id);
      if (!n) continue;
      this.results.set(id, runNoteJob({ path: n.path, id: n.id, hash: n.hash, text: n.content.text! }, ctx));
    }
  }

  /** Name key -> what that name resolves to today, for every note and attachment. */
  private indexSnapshot(): Map<string, string> {
    const snap = new Map<string, string>();
    const add = (key: string, value: string) => snap.set(key, (snap.get(key) ?? '') + '\u0000' + value);
    for (const n of this.notes.values()) add(nameKey(baseName(n.id)), `${n.id}\u0001${n.content.publish}\u0001${n.url}`);
    for (const a of this.attachments.keys()) add(nameKey(baseName(a)), a);
    return snap;
  }

  private relative(p: string): string | undefined {
    const abs = path.resolve(this.root, p);
    const rel = path.relative(this.root, abs);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    const posix = rel.split(path.sep).join('/').normalize('NFC');
    if (posix.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')) return undefined;
    return posix;
  }
}

/** The name key a written target is looked up under. */
function targetKey(target: string): string {
  return nameKey(baseName(target.replace(/\\/g, '/')).replace(/\.md$/i, ''));
}

function diffKeys(before: Map<string, string>, after: Map<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const [k, v] of before) if (after.get(k) !== v) keys.add(k);
  for (const k of after.keys()) if (!before.has(k)) keys.add(k);
  return keys;
}

/** Keep topics and positions of the previous model while the new one has none. */
function carryLayout(prev: GardenModel | undefined, next: GardenModel): void {
  if (!prev) return;
  const old = new Map(prev.graph.json.notes.map((n) => [n.id, n]));
  next.graph.json.topics = prev.graph.json.topics ?? [];
  next.graph.topics = prev.graph.topics;
  for (const n of next.graph.json.notes) {
    const o = old.get(n.id);
    if (!o) continue;
    if (o.topic !== undefined) {
      n.topic = o.topic;
      next.graph.topicOf.set(n.id, o.topic);
    }
    if (o.x !== undefined && o.y !== undefined) Object.assign(n, { x: o.x, y: o.y });
    if (o.weight !== undefined) n.weight = o.weight;
  }
}

/** Notes whose output may differ between two models: re-rendered ones, and those whose backlinks or embeds changed. */
function changedNotes(prev: GardenModel, next: GardenModel, rerendered: Set<NoteId>): NoteId[] {
  const out = new Set<NoteId>(rerendered);
  const prevHtml = new Map(prev.notes.map((n) => [n.parsed.id, n]));
  for (const n of next.notes) {
    const p = prevHtml.get(n.parsed.id);
    if (!p || p.html !== n.html || p.url !== n.url || p.publish !== n.publish) out.add(n.parsed.id);
  }
  for (const [id, list] of next.graph.backlinks) if (JSON.stringify(list) !== JSON.stringify(prev.graph.backlinks.get(id) ?? [])) out.add(id);
  for (const id of prev.graph.backlinks.keys()) if (!next.graph.backlinks.has(id)) out.add(id);
  return [...out].sort();
}
