/**
 * The dev server's in-memory garden, updated incrementally.
 *
 * 1. `open` builds the garden (worker pool, content-hash cache) and keeps every
 *    note's parse+render result, resolved links, backlinks and embed edges.
 * 2. `apply(paths)` re-reads the changed files and re-renders the changed notes
 *    plus every note whose links could now resolve differently (those naming an
 *    added, removed, (un)published or re-URLed note or attachment). It
 *    re-resolves those and the notes linking into them (anchors may have
 *    moved), updates the backlinks of every target they touch, and forgets the
 *    assembled HTML of the notes that embed them. Cost: what changed, not the garden.
 * 3. Views (`view()`) derive pages, graph.json and the report lazily from that.
 * 4. `settle()` recomputes everything, topics and layout included, with the
 *    same `deriveModel` a clean build uses (the layout of a large garden on a
 *    worker thread, so saves are applied meanwhile; a settle overtaken by a
 *    change starts over).
 * test/incremental.test.ts checks both against clean builds of the same files.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildGarden, deriveModel, LazyHtmlNote, type BuiltNote, type GardenModel } from '../build.ts';
import { sortDiagnostics } from '../diagnostics.ts';
import { backlinksOf } from '../graph/backlinks.ts';
import { buildPhraseIndex, maxMentions, mentionsIn, type PhraseIndex } from '../graph/unlinked-mentions.ts';
import type { LayoutCache, LayoutResult } from '../graph/index.ts';
import { baseName, isNotePath, nameKey, toNoteId, toNotePath } from '../shared/ids.ts';
import type { NoteJobResult } from '../compile/job.ts';
import type { Options as PoolOptions } from '../compile/pool.ts';
import { assembleNote } from '../assemble/assemble.ts';
import type { NoteGraphFacts, NoteSiteContext } from '../emit/note-data.ts';
import { buildSiteContext } from '../emit/site-context.ts';
import { renderNotes } from './render-notes.ts';
import { getHighlighter } from '../compile/render/highlighter.ts';
import { resolveNoteLinks } from '../resolve/index.ts';
import { buildLinkIndex, type LinkIndex } from '../shared/links/link-index.ts';
import { buildCheckReport } from '../report.ts';
import { assignUrls, scanGarden, type ScannedNote } from '../scan/index.ts';
import { readNote } from '../scan/read-note.ts';
import type {
  AttachmentFile,
  Backlink,
  CheckReport,
  Diagnostic,
  GraphJson,
  GraphLink,
  NoteId,
  ParsedNote,
  ResolvedLink,
  Slug,
  Topic,
} from '../shared/types.ts';
import { realPathInside } from './inside-garden.ts';

/** What one `apply` changed. */
export interface ChangeSet {
  /** Notes whose page or data may differ. */
  changed: NoteId[];
  removed: NoteId[];
  /** Notes re-parsed and re-rendered. */
  rerendered: NoteId[];
  ms: number;
}

/** The lazily derived site of the current state. */
export interface GardenView {
  notes: BuiltNote[];
  byId: Map<NoteId, BuiltNote>;
  graph: NoteGraphFacts;
  /** Title and URL of every published note. */
  info: Map<NoteId, { title: string; url: Slug }>;
  /** Series orders and recently tended notes (computed on first use). */
  site(): NoteSiteContext;
  /** Topics of the last settled layout. */
  topics: Topic[];
  graphJson(): GraphJson;
  report(): CheckReport;
  diagnostics(): Diagnostic[];
}

/** The in-memory garden of `trellis dev`. */
export class GardenState {
  readonly root: string;
  private notes = new Map<string, ScannedNote>();
  private results = new Map<NoteId, NoteJobResult>();
  private attachments = new Map<string, AttachmentFile>();
  private walkDiagnostics: Diagnostic[] = [];
  private urlDiagnostics: Diagnostic[] = [];
  private readonly nonce = randomBytes(8).toString('hex');
  private linkIndex: LinkIndex | undefined;
  private links = new Map<NoteId, ResolvedLink[]>();
  private resolveDiagnostics = new Map<NoteId, Diagnostic[]>();
  /** target -> notes with a resolved link or embed to it (any kind that names it). */
  private incoming = new Map<NoteId, Set<NoteId>>();
  /** target -> notes that embed it (transclusion), self-embeds included. */
  private embedders = new Map<NoteId, Set<NoteId>>();
  private backlinks = new Map<NoteId, Backlink[]>();
  private phrases: PhraseIndex = { next: new Map(), targets: [] };
  /** source -> the unlinked mentions it contains, and target -> sources mentioning it. */
  private mentionsBySource = new Map<NoteId, [NoteId, Backlink][]>();
  private mentionSources = new Map<NoteId, Set<NoteId>>();
  private html = new Map<NoteId, { html: string; diagnostics: Diagnostic[] }>();
  private layout: GardenModel['graph'] | undefined;
  private currentView: GardenView | undefined;
  private settledModel: GardenModel | undefined;
  /** Counts changes begun and finished, so that a settle can tell the garden changed under it. */
  private generation = 0;
  /** Changes being applied. */
  private readonly applying = new Set<Promise<ChangeSet>>();
  private lastApply: Promise<unknown> = Promise.resolve();
  /** The last layout, reused by `settle` while the graph's nodes, tags and edges are unchanged. */
  private readonly layoutCache: LayoutCache = (() => {
    let last: { key: string; value: LayoutResult } | undefined;
    return { get: (key) => (last?.key === key ? last.value : undefined), set: (key, value) => void (last = { key, value }) };
  })();

  private constructor(
    root: string,
    private readonly pool: Partial<PoolOptions>,
  ) {
    this.root = root;
  }

  /** URL path note bodies link below (the site's base path, `/notes/`). */
  basePath = '/';

  /** Build the garden and keep it in memory; `pool` sets the parse pool (tests shrink its heap caps). */
  static async open(garden: string, pool: Partial<PoolOptions> = {}, basePath = '/'): Promise<GardenState> {
    const state = new GardenState(path.resolve(garden), pool);
    state.basePath = basePath;
    const scan = await scanGarden(state.root);
    for (const n of scan.notes) state.notes.set(n.path, n);
    for (const a of scan.attachments) state.attachments.set(a.path, a);
    state.walkDiagnostics = scan.diagnostics.filter((d) => d.ruleId !== 'duplicate-slug');
    state.urlDiagnostics = scan.diagnostics.filter((d) => d.ruleId === 'duplicate-slug');
    const model = await buildGarden({ garden: state.root, keepResults: true, pool });
    for (const r of model.results ?? []) state.results.set(r.note.id, r);
    state.adoptModel(model);
    return state;
  }

  /** The garden as a site, derived lazily from the current state. */
  view(): GardenView {
    return (this.currentView ??= this.buildView());
  }

  /**
   * A full model (topics and layout included) equal to a clean build; computes it when
   * stale. The layout of a large garden runs on a worker thread, so changes may be
   * applied meanwhile: a model of a garden that changed while it was derived is not
   * adopted, and the garden is settled again.
   */
  async settle(): Promise<GardenModel> {
    for (;;) {
      if (this.settledModel) return this.settledModel;
      // Never snapshot a garden halfway through a change.
      if (this.applying.size > 0) {
        await Promise.allSettled([...this.applying]);
        continue;
      }
      const generation = this.generation;
      const sources = [...this.notes.values()];
      const results = sources.map((n) => this.results.get(n.id)!);
      const diagnostics = [...this.walkDiagnostics, ...this.urlDiagnostics, ...sources.flatMap((n) => n.content.diagnostics)];
      const model = await deriveModel(this.root, sources, this.sortedAttachments(), results, diagnostics, { layout: true, layoutCache: this.layoutCache });
      if (generation !== this.generation || this.applying.size > 0) continue;
      this.adoptModel(model);
      return model;
    }
  }

  /** Whether topics and layout lag behind the links. */
  get settled(): boolean {
    return this.settledModel !== undefined;
  }

  /** The scanned note at a garden-relative path (text and hash), for the editor. */
  note(rel: string): ScannedNote | undefined {
    return this.notes.get(rel);
  }

  /** Garden-relative paths of every note and attachment the state holds. */
  knownPaths(): string[] {
    return [...this.notes.keys(), ...this.attachments.keys()];
  }

  /** Attachments of the garden. */
  attachmentList(): AttachmentFile[] {
    return this.sortedAttachments();
  }

  /** Diagnostics of the given notes (parse, links, embeds), without deriving the whole garden. */
  diagnosticsFor(ids: readonly NoteId[]): Diagnostic[] {
    const view = this.view();
    const out: Diagnostic[] = [];
    for (const id of ids) {
      const n = view.byId.get(id);
      if (!n) continue;
      out.push(...n.parsed.diagnostics, ...(this.resolveDiagnostics.get(id) ?? []));
      if (n.publish) void n.html;
      out.push(...(this.html.get(id)?.diagnostics ?? []));
    }
    return sortDiagnostics(out);
  }

  /** Resolved links of a note. */
  linksOf(id: NoteId): readonly ResolvedLink[] {
    return this.links.get(id) ?? [];
  }

  /** Apply changes to the given absolute or garden-relative paths (created, modified or deleted). */
  async apply(paths: readonly string[]): Promise<ChangeSet> {
    this.generation++;
    // One change at a time: a change waiting for a worker thread must not interleave with another.
    const running = this.lastApply.then(() => this.applyNow(paths));
    this.lastApply = running.catch(() => undefined);
    this.applying.add(running);
    try {
      return await running;
    } finally {
      this.applying.delete(running);
      this.generation++;
    }
  }

  private async applyNow(paths: readonly string[]): Promise<ChangeSet> {
    const t0 = performance.now();
    const before = this.indexSnapshot();
    const touched = new Set<NoteId>();
    const removed: NoteId[] = [];
    let structural = false;
    const realRoot = await fs.realpath(this.root);
    for (const p of paths) {
      const rel = this.relative(p);
      if (rel === undefined) continue;
      const abs = path.join(this.root, rel);
      // Only what is inside the garden once symlinks are followed is read: a link leading out counts as deleted.
      const real = await realPathInside(realRoot, abs);
      const st = real === undefined ? undefined : await fs.stat(real).catch(() => undefined);
      if (isNotePath(rel)) {
        const notePath = toNotePath(rel);
        const id = toNoteId(notePath);
        const content = real !== undefined && st?.isFile() ? await readNote(real, notePath) : undefined;
        if (!content || content.text === undefined) {
          if (this.notes.delete(notePath)) {
            removed.push(id);
            this.results.delete(id);
            structural = true;
          }
          continue;
        }
        const prev = this.notes.get(notePath);
        if (prev && prev.hash === content.hash) continue;
        if (!prev || prev.content.publish !== content.publish || prev.content.permalink !== content.permalink) structural = true;
        this.notes.set(notePath, {
          path: notePath,
          id,
          absPath: abs,
          hash: content.hash,
          size: content.size,
          mtimeMs: content.mtimeMs,
          content,
          url: prev?.url ?? ('/' as Slug),
          ...(prev?.git ? { git: prev.git } : {}),
        });
        touched.add(id);
      } else {
        const had = this.attachments.has(rel);
        if (st?.isFile()) this.attachments.set(rel, { path: rel, absPath: abs, size: st.size });
        else this.attachments.delete(rel);
        if (had !== this.attachments.has(rel)) structural = true;
      }
    }
    if (touched.size === 0 && removed.length === 0 && !structural) return { changed: [], removed: [], rerendered: [], ms: Math.round(performance.now() - t0) };

    const rerender = new Set<NoteId>(touched);
    // Notes whose links may resolve differently now: compiled output does not depend on other
    // notes, so they are resolved again, not compiled again.
    const relinked = new Set<NoteId>();
    if (structural) {
      const sorted = [...this.notes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      this.notes = new Map(sorted.map((n) => [n.path, n]));
      this.urlDiagnostics = assignUrls(sorted);
      this.linkIndex = undefined;
      const affected = diffKeys(before, this.indexSnapshot());
      if (affected.size > 0) {
        for (const r of this.results.values()) {
          if (r.note.links.some((l) => l.target !== '' && affected.has(targetKey(l.target)))) relinked.add(r.note.id);
        }
      }
    }
    const oldHeadings = new Map([...rerender].map((id) => [id, anchorsOf(this.results.get(id)?.note)]));
    const oldNames = new Map([...rerender].map((id) => [id, namesOf(this.results.get(id)?.note)]));
    await this.render([...rerender]);
    const namesChanged = structural || [...rerender].some((id) => namesOf(this.results.get(id)?.note) !== oldNames.get(id));

    // Re-resolve the re-rendered notes, and the notes linking into any note whose anchors changed.
    const reresolve = new Set<NoteId>([...rerender, ...relinked]);
    for (const id of [...rerender, ...removed]) {
      if (anchorsOf(this.results.get(id)?.note) === oldHeadings.get(id) && !removed.includes(id)) continue;
      for (const s of this.incoming.get(id) ?? []) reresolve.add(s);
    }
    for (const id of removed) reresolve.add(id);
    const targets = this.resolve([...reresolve]);
    const changed = new Set<NoteId>([...rerender, ...reresolve].filter((id) => this.results.has(id)));
    for (const t of this.updateBacklinks(targets)) changed.add(t);
    for (const t of namesChanged ? this.rebuildMentions() : this.updateMentions([...reresolve])) changed.add(t);
    for (const id of this.forgetHtml([...reresolve, ...removed])) changed.add(id);

    this.currentView = undefined;
    this.settledModel = undefined;
    return {
      changed: [...changed].filter((id) => this.results.has(id)).sort(),
      removed: removed.sort(),
      rerendered: [...rerender].filter((id) => this.results.has(id)).sort(),
      ms: Math.round(performance.now() - t0),
    };
  }

  /** Take over a full model's derived data (after open or settle). */
  private adoptModel(model: GardenModel): void {
    this.links = new Map(model.links);
    this.resolveDiagnostics = new Map(model.linkDiagnostics);
    this.incoming = new Map();
    this.embedders = new Map();
    for (const [source, list] of this.links) this.index(source, list, +1);
    this.backlinks = new Map(model.graph.backlinks);
    this.rebuildMentions();
    this.html = new Map();
    this.layout = model.graph;
    this.settledModel = model;
    this.currentView = undefined;
  }

  private index_(): LinkIndex {
    this.linkIndex ??= buildLinkIndex(
      [...this.notes.values()].map((n) => ({ id: n.id, publish: n.content.publish })),
      [...this.attachments.keys()],
    );
    return this.linkIndex;
  }

  private async render(ids: NoteId[]): Promise<void> {
    if (ids.length === 0) return;
    const ctx = { nonce: this.nonce, highlighter: await getHighlighter() };
    const byId = new Map([...this.notes.values()].map((n) => [n.id, n]));
    const jobs = ids.flatMap((id) => byId.get(id) ?? []).map((n) => ({ path: n.path, id: n.id, hash: n.hash, text: n.content.text! }));
    const results = await renderNotes(jobs, ctx, this.pool);
    // A long note saved again while a worker rendered it is left to the change that read the newer text.
    for (const r of results) if (this.notes.get(r.note.path)?.hash === r.note.hash) this.results.set(r.note.id, r);
  }

  /** Re-resolve the links of `ids`; returns every target whose backlinks may have changed. */
  private resolve(ids: NoteId[]): Set<NoteId> {
    const byId = new Map([...this.results.values()].map((r) => [r.note.id, r.note]));
    const index = this.index_();
    const targets = new Set<NoteId>();
    for (const id of ids) {
      const old = this.links.get(id);
      if (old) {
        for (const t of noteTargets(old)) targets.add(t);
        this.index(id, old, -1);
      }
      const note = byId.get(id);
      if (!note) {
        this.links.delete(id);
        this.resolveDiagnostics.delete(id);
        continue;
      }
      const r = resolveNoteLinks(note, index, byId);
      this.links.set(id, r.links);
      this.resolveDiagnostics.set(id, r.diagnostics);
      this.index(id, r.links, +1);
      for (const t of noteTargets(r.links)) targets.add(t);
    }
    return targets;
  }

  /** Add (+1) or remove (-1) a source's links from the incoming and embedder indexes. */
  private index(source: NoteId, list: readonly ResolvedLink[], sign: 1 | -1): void {
    for (const l of list) {
      const r = l.resolution;
      const target = r.kind === 'note' || r.kind === 'unpublished' ? r.target : r.kind === 'self' ? source : undefined;
      if (!target) continue;
      const maps = l.ref.kind === 'embed' ? [this.incoming, this.embedders] : [this.incoming];
      for (const map of maps) {
        const set = map.get(target) ?? new Set<NoteId>();
        if (sign > 0) set.add(source);
        else set.delete(source);
        if (set.size) map.set(target, set);
        else map.delete(target);
      }
    }
  }

  /** Recompute the backlinks of `targets`; returns those whose list changed. */
  private updateBacklinks(targets: Set<NoteId>): NoteId[] {
    const info = this.publishedInfo();
    const order = new Map([...this.notes.values()].map((n, i) => [n.id, i]));
    const changed: NoteId[] = [];
    for (const t of targets) {
      const sources = [...(this.incoming.get(t) ?? [])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      const list = info.has(t) ? backlinksOf(t, sources, this.links, info) : [];
      const before = this.backlinks.get(t) ?? [];
      if (list.length) this.backlinks.set(t, list);
      else this.backlinks.delete(t);
      if (JSON.stringify(before) !== JSON.stringify(list)) changed.push(t);
    }
    return changed;
  }

  /** Recompute every note's unlinked mentions (titles or aliases changed); returns the targets mentioned before or after. */
  private rebuildMentions(): NoteId[] {
    const before = new Set(this.mentionSources.keys());
    const info = this.publishedInfo();
    const published = [...this.results.values()].filter((r) => info.has(r.note.id)).map((r) => r.note);
    this.phrases = buildPhraseIndex(published.map((n) => ({ id: n.id, title: n.title, aliases: n.frontmatter.aliases })));
    this.mentionsBySource = new Map();
    this.mentionSources = new Map();
    for (const n of published) this.setMentions(n.id, mentionsIn(n.id, info.get(n.id)!, n.text, this.links.get(n.id) ?? [], this.phrases));
    return [...new Set([...before, ...this.mentionSources.keys()])];
  }

  /** Recompute the mentions in the given sources; returns the targets whose mentions changed. */
  private updateMentions(sources: NoteId[]): NoteId[] {
    const info = this.publishedInfo();
    const targets = new Set<NoteId>();
    for (const s of sources) {
      for (const [t] of this.mentionsBySource.get(s) ?? []) targets.add(t);
      const note = this.results.get(s)?.note;
      const list = note && info.has(s) ? mentionsIn(s, info.get(s)!, note.text, this.links.get(s) ?? [], this.phrases) : [];
      this.setMentions(s, list);
      for (const [t] of list) targets.add(t);
    }
    return [...targets];
  }

  private setMentions(source: NoteId, list: [NoteId, Backlink][]): void {
    for (const [t] of this.mentionsBySource.get(source) ?? []) {
      const set = this.mentionSources.get(t);
      set?.delete(source);
      if (set && set.size === 0) this.mentionSources.delete(t);
    }
    if (list.length) this.mentionsBySource.set(source, list);
    else this.mentionsBySource.delete(source);
    for (const [t] of list) {
      const set = this.mentionSources.get(t) ?? new Set<NoteId>();
      set.add(source);
      this.mentionSources.set(t, set);
    }
  }

  /** Forget assembled HTML of `ids` and of every note embedding them, transitively; returns them all. */
  private forgetHtml(ids: NoteId[]): NoteId[] {
    const seen = new Set<NoteId>();
    const queue = [...ids];
    while (queue.length) {
      const id = queue.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      this.html.delete(id);
      for (const e of this.embedders.get(id) ?? []) queue.push(e);
    }
    return [...seen];
  }

  private buildView(): GardenView {
    const urlOf = new Map([...this.notes.values()].map((n) => [n.id, n.url]));
    const byResult = new Map([...this.results.values()].map((r) => [r.note.id, { parsed: r.note, rendered: r.rendered, url: urlOf.get(r.note.id) }]));
    const assemble = (id: NoteId) => {
      let entry = this.html.get(id);
      if (!entry) {
        const diagnostics: Diagnostic[] = [];
        entry = { html: assembleNote(id, { notes: byResult, links: this.links, basePath: this.basePath }, diagnostics), diagnostics };
        this.html.set(id, entry);
      }
      return entry;
    };
    const html = (id: NoteId) => assemble(id).html;
    // A note read but not yet rendered (a change still on a worker thread) is left out until it is.
    const notes: BuiltNote[] = [...this.notes.values()]
      .filter((n) => this.results.has(n.id))
      .map((n) => new LazyHtmlNote(this.results.get(n.id)!.note, n.url, n, html));
    const byId = new Map(notes.map((n) => [n.parsed.id, n]));
    const info = this.publishedInfo();
    const links = this.links;
    const outgoingMemo = new Map<NoteId, NoteId[]>();
    const outgoing = {
      get(id: NoteId): NoteId[] | undefined {
        if (!info.has(id)) return undefined;
        let list = outgoingMemo.get(id);
        if (!list) outgoingMemo.set(id, (list = outgoingOf(id, links.get(id) ?? [], info)));
        return list;
      },
    };
    const layoutTopics = this.layout?.topicOf;
    const topicOf = { get: (id: NoteId) => (info.has(id) ? layoutTopics?.get(id) : undefined) };
    const order = new Map([...this.notes.values()].map((n, i) => [n.id, i]));
    const mentionsBySource = this.mentionsBySource;
    const mentionSources = this.mentionSources;
    const unlinkedMentions = {
      get(id: NoteId): Backlink[] | undefined {
        const sources = [...(mentionSources.get(id) ?? [])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
        const list = sources.flatMap((s) => (mentionsBySource.get(s) ?? []).filter(([t]) => t === id).map(([, e]) => e)).slice(0, maxMentions);
        return list.length ? list : undefined;
      },
    };
    const graph: NoteGraphFacts = { backlinks: this.backlinks, unlinkedMentions, outgoing, topicOf };
    const published = notes.filter((n) => n.publish);
    const parsedList = notes.map((n) => n.parsed);
    const orphans = () =>
      published
        .filter((n) => (outgoing.get(n.parsed.id)?.length ?? 0) === 0 && !hasPublishedIncoming(n.parsed.id, this.links, this.incoming, info))
        .map((n) => n.parsed.id);
    let siteContext: NoteSiteContext | undefined;
    return {
      notes,
      byId,
      graph,
      info,
      site: () => (siteContext ??= buildSiteContext(notes, (id) => this.links.get(id) ?? [])),
      topics: this.layout?.topics ?? [],
      graphJson: () =>
        graphJsonOf(
          published.map((n) => n.parsed),
          urlOf,
          this.links,
          info,
          this.layout,
        ),
      report: () => buildCheckReport(parsedList, this.links, orphans()),
      diagnostics: () => {
        const all = [...this.walkDiagnostics, ...this.urlDiagnostics, ...[...this.notes.values()].flatMap((n) => n.content.diagnostics)];
        for (const p of parsedList) all.push(...p.diagnostics, ...(this.resolveDiagnostics.get(p.id) ?? []));
        for (const n of published) all.push(...assemble(n.parsed.id).diagnostics);
        return sortDiagnostics(all);
      },
    };
  }

  private publishedInfo(): Map<NoteId, { title: string; url: Slug }> {
    const info = new Map<NoteId, { title: string; url: Slug }>();
    for (const n of this.notes.values()) {
      const r = this.results.get(n.id);
      if (r && r.note.frontmatter.publish) info.set(n.id, { title: r.note.title, url: n.url });
    }
    return info;
  }

  private sortedAttachments(): AttachmentFile[] {
    return [...this.attachments.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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

/** What a note contributes to the phrase index of unlinked mentions. */
function namesOf(note: ParsedNote | undefined): string {
  return note ? `${note.frontmatter.publish}\u0001${note.title}\u0001${note.frontmatter.aliases.join('\u0002')}` : '';
}

/** A fingerprint of a note's link targets inside it: headings and block ids. */
function anchorsOf(note: ParsedNote | undefined): string {
  if (!note) return '';
  return (
    note.headings.map((h) => `${h.depth}\u0001${h.text}\u0001${h.id}\u0001${h.line}`).join('\u0000') +
    '\u0002' +
    note.blocks.map((b) => `${b.id}\u0001${b.line}`).join('\u0000') +
    '\u0002' +
    note.frontmatter.publish +
    '\u0002' +
    note.title
  );
}

function noteTargets(list: readonly ResolvedLink[]): NoteId[] {
  const out: NoteId[] = [];
  for (const l of list) if (l.resolution.kind === 'note') out.push(l.resolution.target);
  return out;
}

/** Distinct published targets of a note's links, in link order (as the graph's out-neighbours). */
function outgoingOf(source: NoteId, list: readonly ResolvedLink[], info: ReadonlyMap<NoteId, unknown>): NoteId[] {
  const out = new Set<NoteId>();
  for (const l of list) {
    const r = l.resolution;
    if (r.kind === 'note' && r.target !== source && info.has(r.target)) out.add(r.target);
  }
  return [...out];
}

function hasPublishedIncoming(
  id: NoteId,
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
  incoming: ReadonlyMap<NoteId, Set<NoteId>>,
  info: ReadonlyMap<NoteId, unknown>,
): boolean {
  for (const s of incoming.get(id) ?? []) {
    if (s === id || !info.has(s)) continue;
    if ((links.get(s) ?? []).some((l) => l.resolution.kind === 'note' && l.resolution.target === id)) return true;
  }
  return false;
}

/** graph.json from resolved links, with topics and positions of the last settled layout. */
function graphJsonOf(
  published: readonly ParsedNote[],
  urlOf: ReadonlyMap<NoteId, Slug>,
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
  info: ReadonlyMap<NoteId, unknown>,
  layout: GardenModel['graph'] | undefined,
): GraphJson {
  const old = new Map((layout?.json.notes ?? []).map((n) => [n.id, n]));
  const pairs = new Map<string, { source: NoteId; target: NoteId; kinds: GraphLink['kind'][] }>();
  for (const p of published) {
    for (const l of links.get(p.id) ?? []) {
      const r = l.resolution;
      if (r.kind !== 'note' || r.target === p.id || !info.has(r.target)) continue;
      const key = `${p.id}\u0000${r.target}`;
      const pair = pairs.get(key) ?? { source: p.id, target: r.target, kinds: [] };
      if (!pair.kinds.includes(l.ref.kind)) pair.kinds.push(l.ref.kind);
      pairs.set(key, pair);
    }
  }
  return {
    version: 1,
    notes: published.map((note) => {
      const o = old.get(note.id);
      return {
        id: note.id,
        path: note.path,
        title: note.title,
        url: urlOf.get(note.id)!,
        tags: note.tags,
        aliases: note.frontmatter.aliases,
        ...(o?.topic !== undefined ? { topic: o.topic } : {}),
        ...(o?.x !== undefined && o.y !== undefined ? { x: o.x, y: o.y } : {}),
        ...(o?.weight !== undefined ? { weight: o.weight } : {}),
      };
    }),
    links: [...pairs.values()].flatMap((p) => p.kinds.map((kind) => ({ source: p.source, target: p.target, kind }))),
    topics: layout?.json.topics ?? [],
  };
}
