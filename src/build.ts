/**
 * The build: wires the stages in order and times them.
 * scan -> compile (worker pool, content-hash cache; HTML, texts and contexts kept in a store) ->
 * resolve -> graph -> assemble -> emit.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pLimit from 'p-limit';
import { openCache, type NoteCache } from './store/cache.ts';
import { regexTableOf, type CompileAhead } from './compile/ahead.ts';
import type { WorkerInit } from './compile/worker.ts';
import { openKeptLayout } from './incremental/kept-layout.ts';
import { deriveGardenGraph, type GardenGraph, type LayoutCache, type MentionsMemo } from './graph/index.ts';
import type { GraphNodes } from './graph/note-edges.ts';
import { startEarly, streamJobs, type EarlyWorker, type Options as PoolOptions } from './compile/pool.ts';
import type { NoteJob, NoteJobResult } from './compile/types.ts';
import { createShare, shareWords, type Share } from './store/shared-words.ts';
import { openKeptModel, type KeptModel } from './incremental/kept-model.ts';
import { openKeptMentions } from './incremental/kept-mentions.ts';
import { assembleNote, checkEmbeds, type AssembleInput } from './assemble/assemble.ts';
import { createMemoryStore } from './store/memory-store.ts';
import type { CompiledNote, NoteReader, NoteStore, TextsOnDisk } from './store/note-store.ts';
import { tryCreateSpillStore } from './store/spill-store.ts';
import { resolveGarden, resolveNoteLinks } from './resolve/index.ts';
import type { LinkIndex } from './shared/links/link-index.ts';
import type { GitDates } from './scan/git-dates.ts';
import { readKeptText, scanGarden, takeText, type ScanResult, type ScanSettings, type ScannedNote } from './scan/index.ts';
import type { AttachmentFile, CheckReport, Diagnostic, LinkContext, NoteId, ParsedNote, ResolvedLink, Slug } from './shared/types.ts';
import { buildCheckReport } from './report.ts';
import { withFilePages } from './scan/with-file-pages.ts';
import { sanitizeAttachments } from './scan/sanitize-attachments.ts';
import { openKeptSvgs } from './scan/kept-svgs.ts';
import { sortDiagnostics } from './diagnostics.ts';
import { parseSiteUrl } from './site-url.ts';
import { prepareBases } from './bases/prepare-bases.ts';
import type { ShapedNote } from './incremental/text-only.ts';
import type { TopicSettings } from './graph/topics-settings.ts';
import { graphOfKeptLinks } from './graph/kept-links-graph.ts';
import { reportOverPrevious } from './report.ts';
import { factsOverKept, modelFacts, withChangedLinks, type ModelFacts } from './incremental/derived-facts.ts';
import { embedReach, factsFit, KeptLinkIndex, orderFits, resolveOverKept, type LinkChangeBasis, type TextOnlyBasis } from './incremental/text-only-derive.ts';
import type { LinkNeighbours } from './incremental/text-only.ts';

/** Options of a build. */
export interface BuildOptions {
  garden: string;
  /** Skip the content-hash cache (cold build). */
  noCache?: boolean;
  /** Worker threads (default: all cores). */
  threads?: number;
  /** Other settings of the parse pool, e.g. its heap caps (tests shrink them). */
  pool?: Partial<PoolOptions>;
  /** Compute topics and layout. */
  layout?: boolean;
  /**
   * A scan already done for this build (the CLI scans first to check the build record). Its
   * notes' texts are released once parsed.
   */
  scan?: ScanResult;
  /** What the configuration tells the scan (ignore, publish policy, home), when this build scans. */
  scanSettings?: ScanSettings;
  /** Render HTML (default true); `trellis check` only needs facts and links. */
  render?: boolean;
  /**
   * Keep what was compiled for the caller (the dev server): the model's `kept` holds each note's
   * compiled record and the open store of their HTML, texts and contexts (on disk where a temporary
   * file can be made).
   */
  keepResults?: boolean;
  /** The build's fingerprint (src/emit/build-record.ts), with which what it keeps for the next build is tagged. */
  fingerprint?: string;
  /** A compile set up ahead by the caller (`compileAhead`), taken by a warm one-shot build. */
  ahead?: CompileAhead;
  /**
   * Each note's content hash at the previous build (its output manifest, src/incremental/output-manifest.ts):
   * a note compiled again reuses the highlighted code of that version's cache entry (src/compile/render/highlight-memo.ts).
   */
  previousHashes?: Readonly<Record<NoteId, string>>;
  /** Called with (done, total) while notes are processed. */
  onProgress?: (done: number, total: number) => void;
  /** Where the site will be served (`https://user.github.io/notes/`): note bodies link below its path. */
  url?: string;
  /** The configuration's topic names and mappings. */
  topics?: TopicSettings;
  /**
   * Called once every note is compiled, before links are resolved (src/cli.ts: the text-only
   * decision and the early search index); it may tell what it learnt of the graph.
   */
  onCompiled?: (compiled: CompiledGarden) => CompiledVerdict | void;
  /**
   * Return the model before the graph's layout is in (`model.graph.placed`, src/graph/index.ts):
   * the one-shot build goes on with its page keys while the layout worker runs.
   */
  placeLater?: boolean;
}

/** The garden once compiled: every note (in the model's order) with its scan facts, the attachments and the store. */
export interface CompiledGarden {
  notes: ShapedNote[];
  attachments: readonly AttachmentFile[];
  store: NoteReader;
  texts: TextsOnDisk | undefined;
}

/** What `onCompiled` may tell the rest of the build. */
export interface CompiledVerdict {
  /** The layout key the garden's graph is known to have (only its text changed since the build that kept it: src/incremental/text-only.ts). */
  layoutKey?: string;
  /** Only text changed, and the previous build's facts are kept: derive over them (src/incremental/text-only-derive.ts). */
  textOnly?: TextOnlyBasis;
  /**
   * Text and links changed but no note's outline, and the previous build's facts are kept: what they
   * say where no change reaches is this build's (embed checks, unchanged sources' mentions, who links to whom).
   */
  linksOnly?: LinkChangeBasis;
}

/** What derive needs of a scanned note. */
export type SourceNote = Pick<ScannedNote, 'id' | 'url' | 'mtimeMs' | 'git' | 'size'>;

/** One published or unpublished note with everything the emitter needs. */
export interface BuiltNote {
  parsed: ParsedNote;
  url: Slug;
  publish: boolean;
  /** The assembled body HTML (computed on each read; read it once per use). */
  readonly html: string;
  mtimeMs: number;
  /** First and last commit dates, when known. */
  git?: GitDates;
}

/** The result of building a garden (before emitting). */
export interface GardenModel {
  root: string;
  notes: BuiltNote[];
  attachments: AttachmentFile[];
  /** Every note's resolved links (over kept facts, each note's resolved when first asked for: src/incremental/asked-map.ts). */
  links: ReadonlyMap<NoteId, ResolvedLink[]>;
  graph: GardenGraph;
  diagnostics: Diagnostic[];
  report: CheckReport;
  timings: Record<string, number>;
  cacheHits: number;
  /** Link diagnostics by the note they are about. */
  linkDiagnostics: Map<NoteId, Diagnostic[]>;
  /** What the next build reads when only text changed (src/incremental/derived-facts.ts), made when asked. */
  facts: () => ModelFacts;
  /** Who links to and embeds each note, when known without a pass over `links` (a model derived over kept facts). */
  neighbours?: LinkNeighbours;
  /** Where the notes' HTML, texts and link contexts are kept (src/store). */
  store: NoteReader;
  /** The hash of a note's link contexts (`CompiledNote.contextsHash`). */
  contextsHash: (id: NoteId) => string | undefined;
  /** Frees what the store holds (a one-shot build's file); the model's pages cannot be assembled after. */
  close?: () => void;
  /** Where notes' plain texts are on disk (one-shot builds): the search worker reads them there. */
  texts?: TextsOnDisk;
  /** What was compiled, in note order, and the store holding it, left open (only with `keepResults`). */
  kept?: { compiled: CompiledNote[]; store: NoteStore };
  /** A published note's body HTML with its links below `basePath` (an absolute URL for feeds). */
  assembleAt?: (id: NoteId, basePath: string) => string;
  /**
   * For each note whose content changed since the kept model was written (when it knew the note),
   * that version's content hash and the notes its links led to, resolved as they are now: where
   * they led then when no note's outline changed (src/incremental/text-only.ts, `linkChange`).
   */
  previousTargets?: Map<NoteId, { hash: string; targets: NoteId[] }>;
  /**
   * For each note whose content changed since the kept model was written (when it knew the note),
   * that version's content hash and the hash of its link contexts then (`CompiledNote.contextsHash`):
   * a text edit that left them as they were does not reach the pages the note links to (src/emit/index.ts).
   */
  previousContexts?: Map<NoteId, { hash: string; contextsHash: string; contexts?: () => readonly LinkContext[] | undefined }>;
}

/** What the kept model held of a note whose content changed: its facts and the hash of its link contexts then. */
export interface PreviousNote {
  note: ParsedNote;
  contextsHash: string;
  /** Its link contexts then, in link order, read when asked for (undefined: they cannot be read). */
  contexts?: () => readonly LinkContext[] | undefined;
}

/** Build the garden model. */
export async function buildGarden(options: BuildOptions): Promise<GardenModel> {
  const { timings, lap } = stageTimer();
  const root = path.resolve(options.garden);

  const scan = options.scan ?? (await scanGarden(root, options.scanSettings));
  lap('scan');

  // Canvases and bases are pages (src/canvas/, src/bases/); the dev server (keepResults) keeps its own notes, and serves them as files for now.
  const { notes, attachments: found } = options.keepResults ? scan : withFilePages(scan);
  // The dev server sends attachments sandboxed; a site publishes SVGs cleaned of script.
  const published = options.keepResults
    ? { attachments: found, diagnostics: [] }
    : await sanitizeAttachments(found, options.noCache ? undefined : openKeptSvgs(root));
  const attachments = published.attachments;
  const { compiled, cacheHits, store, previousNotes } = await compileNotes(root, notes, options);
  lap('parse');
  let verdict: CompiledVerdict | void = undefined;
  if (options.onCompiled) {
    const shaped = compiled.map((c, i): ShapedNote => {
      const n = notes[i]!;
      return { parsed: c.note, url: n.url, publish: c.note.frontmatter.publish, mtimeMs: n.mtimeMs, ...(n.git ? { git: n.git } : {}) };
    });
    verdict = options.onCompiled({ notes: shaped, attachments, store, texts: store.texts });
  }

  const scanDiagnostics = [...scan.diagnostics, ...published.diagnostics, ...notes.flatMap((n) => n.content.diagnostics)];
  const layoutCache = options.noCache ? undefined : openKeptLayout(root);
  const mentions = options.noCache ? undefined : openKeptMentions(root);
  const model = await deriveModel(root, notes, attachments, compiled, store, scanDiagnostics, {
    layout: options.layout ?? true,
    basePath: options.url === undefined ? '/' : parseSiteUrl(options.url).basePath,
    ...(layoutCache ? { layoutCache } : {}),
    ...(mentions ? { mentions } : {}),
    ...(options.topics ? { topics: options.topics } : {}),
    ...(verdict?.layoutKey ? { layoutKey: verdict.layoutKey } : {}),
    ...(options.placeLater ? { placeLater: true } : {}),
    ...(previousNotes ? { previousNotes } : {}),
    ...(verdict?.textOnly ? { textOnly: verdict.textOnly } : {}),
    ...(verdict?.linksOnly ? { linksOnly: verdict.linksOnly } : {}),
  });
  mentions?.save(options.fingerprint);
  model.close = store.close;
  if (store.texts) model.texts = store.texts;
  model.cacheHits = cacheHits;
  if (options.keepResults) model.kept = { compiled, store };
  for (const [k, v] of Object.entries(timings)) model.timings[k] = v;
  return model;
}

/** Options of `deriveModel`. */
export interface DeriveOptions {
  /** Compute topics and layout. */
  layout: boolean;
  /** Reuse layouts of unchanged graphs. */
  layoutCache?: LayoutCache;
  /** Reuse the unlinked mentions of notes whose inputs are unchanged. */
  mentions?: MentionsMemo;
  /** The site's base path, which note bodies link below (default `/`). */
  basePath?: string;
  /** The configuration's topic names and mappings. */
  topics?: TopicSettings;
  /** The layout key the graph is known to have (see `CompiledVerdict`). */
  layoutKey?: string;
  /** Do not wait for the layout (see `BuildOptions.placeLater`). */
  placeLater?: boolean;
  /** The previous build's facts of the notes whose content changed (their links then: `GardenModel.previousTargets`; their link contexts: `previousContexts`). */
  previousNotes?: readonly PreviousNote[];
  /** Only text changed since the build whose facts these are: derive over them (src/incremental/text-only-derive.ts). */
  textOnly?: TextOnlyBasis;
  /**
   * Text and links changed since the build whose facts these are, but no note's outline: embeds no
   * change reaches are not checked again, unchanged sources' mentions are carried, backlinks and
   * neighbours come from the kept numbers with the changed notes' links made again.
   */
  linksOnly?: LinkChangeBasis;
}

/**
 * Everything after parse+render: resolve, graph, assemble, report. Pure over
 * its inputs; the dev server calls it with its compiled notes, so an
 * incremental rebuild and a clean build share this code.
 */
export async function deriveModel(
  root: string,
  sources: readonly SourceNote[],
  attachments: readonly AttachmentFile[],
  compiled: readonly CompiledNote[],
  store: NoteReader,
  scanDiagnostics: readonly Diagnostic[],
  options: DeriveOptions,
): Promise<GardenModel> {
  const { timings, lap } = stageTimer();
  const attachmentPaths = attachments.map((a) => a.path);
  const parsed = compiled.map((c) => c.note);
  // Only text changed (src/incremental/text-only-derive.ts): the previous build's facts of the links are this build's.
  const textOnly = options.textOnly && factsFit(options.textOnly.facts, parsed, options.textOnly.changed) ? options.textOnly : undefined;
  // Text and links changed, no outline: what the previous build found where no change reaches is this build's (embed checks, mentions).
  const linksOnly = !textOnly && options.linksOnly && orderFits(options.linksOnly.facts, parsed) ? options.linksOnly : undefined;
  // With the previous report too, a build of changed links resolves only the links pages and changed notes ask for (its
  // graph's edges come from the kept numbers, its report from the previous one); every other note's lead where they led.
  const overKept = textOnly ?? (linksOnly?.report ? linksOnly : undefined);
  const resolved = overKept ? resolveOverKept(parsed, attachmentPaths, overKept) : resolveGarden(parsed, attachmentPaths);
  // Who links to and embeds whom, from the kept numbers (with the changed notes' links as they resolve now, when links changed).
  const keptFacts =
    textOnly?.facts ??
    (linksOnly
      ? withChangedLinks(
          linksOnly.facts,
          parsed.map((p) => p.id),
          linksOnly.changed,
          resolved.links,
        )
      : undefined);
  const keptLinks = keptFacts ? new KeptLinkIndex(parsed, keptFacts) : undefined;
  const previousTargets = options.previousNotes && !textOnly ? targetsOf(options.previousNotes, resolved.index, parsed) : undefined;
  const previousContexts = options.previousNotes
    ? new Map(
        options.previousNotes.map((p) => [p.note.id, { hash: p.note.hash, contextsHash: p.contextsHash, ...(p.contexts ? { contexts: p.contexts } : {}) }]),
      )
    : undefined;
  lap('resolve');

  const urlOf = new Map(sources.map((n) => [n.id, n.url]));
  const published = parsed.filter((p) => p.frontmatter.publish);
  const graphNotes = published.map((note) => ({ note, url: urlOf.get(note.id)! }));
  const graph = textOnly
    ? graphOfKeptLinks(
        graphNotes,
        resolved.links,
        store,
        {
          ...keptLinks!.keptLinks(textOnly.facts.orphans, options.layoutKey),
          // Kept by the build of the previous site (tagged with its fingerprint): the unchanged sources' mentions are its.
          ...(options.mentions?.builtBy === textOnly.facts.fingerprint ? { carryMentionsBut: textOnly.changed } : {}),
        },
        options.mentions,
      )
    : await deriveGardenGraph(graphNotes, resolved.links, store, {
        layout: options.layout,
        ...(options.layoutCache ? { cache: options.layoutCache } : {}),
        ...(options.mentions ? { mentions: options.mentions } : {}),
        // Kept by the build of the previous site: the mentions of the sources whose text did not change are its.
        ...(linksOnly && options.mentions?.builtBy === linksOnly.facts.fingerprint ? { carryMentionsBut: linksOnly.changed } : {}),
        // A page's backlinks from the numbers: a link build looks at hundreds of pages, each of whose sources' links would be read.
        ...(linksOnly ? { knownBacklinks: keptLinks!.knownBacklinks() } : {}),
        ...(linksOnly?.report ? { edgesOf: (nodes: GraphNodes) => keptLinks!.edgesOf(nodes) } : {}),
        ...(options.topics ? { topics: options.topics } : {}),
        ...(options.layoutKey ? { layoutKey: options.layoutKey } : {}),
        ...(options.placeLater ? { placeLater: true } : {}),
      });
  lap('graph');

  const diagnostics: Diagnostic[] = [...scanDiagnostics, ...parsed.flatMap((p) => p.diagnostics), ...resolved.diagnostics];
  const byId = new Map(
    compiled.map((c) => [c.note.id, { parsed: c.note, nonce: c.nonce, embeds: c.embeds, url: urlOf.get(c.note.id), contextsHash: c.contextsHash }]),
  );
  const sourceOf = new Map(sources.map((n) => [n.id, n]));
  // Embeds are checked now; a page's HTML is assembled each time it is read (pages with
  // transclusions are large, and holding every one would be a large part of a large garden's heap).
  // Bases list other notes' properties: drawn now that every note is resolved (src/bases/).
  const bases = prepareBases(
    {
      notes: parsed,
      urlOf: (id) => urlOf.get(id),
      fileOf: (id) => sourceOf.get(id),
      attachments,
      links: resolved.links,
      index: resolved.index,
      now: Date.now(),
    },
    diagnostics,
  );
  const assembleInput: AssembleInput = {
    notes: byId,
    links: resolved.links,
    store,
    ...(options.basePath ? { basePath: options.basePath } : {}),
    ...(bases ? { bases } : {}),
  };
  const assemble = pageAssembler(assembleInput);
  // Each published note's embeds are checked, by the note whose check reports them; when only text (or text
  // and links, no outline) changed, only those of the notes whose embeds reach a changed note, the others' are the previous build's.
  const neighbours = keptLinks?.neighbours();
  const embedBasis = textOnly ?? linksOnly;
  const reach = embedBasis ? embedReach(embedBasis.changed, neighbours!) : undefined;
  const keptEmbeds = embedBasis ? new Map(embedBasis.facts.embedDiagnostics) : undefined;
  const embedDiagnostics = new Map<NoteId, Diagnostic[]>();
  const notes = parsed.map((p) => {
    if (p.frontmatter.publish) {
      let found = reach && !reach.has(p.id) ? (keptEmbeds!.get(p.id) ?? []) : undefined;
      if (!found) checkEmbeds(p.id, assembleInput, (found = []));
      if (found.length > 0) embedDiagnostics.set(p.id, found);
      diagnostics.push(...found);
    }
    return new LazyHtmlNote(p, urlOf.get(p.id)!, sourceOf.get(p.id), assemble);
  });
  lap('assemble');

  const linkReport = linksOnly?.report;
  const report = textOnly
    ? reportOverPrevious(parsed, resolved.links, textOnly.changed, textOnly.report)
    : linkReport
      ? reportOverPrevious(parsed, resolved.links, linksOnly!.changed, linkReport, {
          orphans: graph.orphans,
          linksBefore: (n) => linksOnly!.facts.links[n]!.length,
        })
      : buildCheckReport(parsed, resolved.links, graph.orphans);
  sortDiagnostics(diagnostics);
  const facts = (): ModelFacts =>
    textOnly
      ? factsOverKept(textOnly.facts, resolved.diagnosticsByNote, embedDiagnostics)
      : linkReport
        ? factsOverKept({ ...keptFacts!, orphans: graph.orphans }, resolved.diagnosticsByNote, embedDiagnostics)
        : modelFacts(
            parsed.map((p) => p.id),
            resolved.links,
            graph.orphans,
            resolved.diagnosticsByNote,
            embedDiagnostics,
          );
  return {
    root,
    notes,
    attachments: [...attachments],
    links: resolved.links,
    linkDiagnostics: resolved.diagnosticsByNote,
    facts,
    ...(neighbours ? { neighbours } : {}),
    graph,
    diagnostics,
    report,
    timings,
    cacheHits: 0,
    store,
    contextsHash: (id) => byId.get(id)?.contextsHash,
    assembleAt: rebasedAssembler(assembleInput),
    ...(previousTargets ? { previousTargets } : {}),
    ...(previousContexts ? { previousContexts } : {}),
  };
}

/** The notes each of `previous` (facts of an earlier build) links to, resolved against this build's `index` and `notes`. */
function targetsOf(previous: readonly PreviousNote[], index: LinkIndex, notes: readonly ParsedNote[]): Map<NoteId, { hash: string; targets: NoteId[] }> {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const targets = new Map<NoteId, { hash: string; targets: NoteId[] }>();
  for (const { note: was } of previous) {
    // A note whose outline changed may link to a heading its target no longer has: only where links lead is read here.
    const list: NoteId[] = [];
    for (const l of resolveNoteLinks(was, index, byId).links) {
      const r = l.resolution;
      if (r.kind === 'note' || r.kind === 'unpublished') list.push(r.target);
    }
    targets.set(was.id, { hash: was.hash, targets: list });
  }
  return targets;
}

/** The assembler of a one-shot build's pages. Kept apart from `deriveModel` so it holds only what it needs (not the scanned sources' text). */
function pageAssembler(input: AssembleInput): (id: NoteId) => string {
  return (id) => assembleNote(id, input, []);
}

/** An assembler of a note's HTML below another base path (feeds: the site's absolute URL); held apart like `pageAssembler`. */
function rebasedAssembler(input: AssembleInput): (id: NoteId, basePath: string) => string {
  return (id, basePath) => assembleNote(id, { ...input, basePath }, []);
}

/**
 * A note of a model whose page HTML is assembled when read. `html` is a getter of the class,
 * not of each note: an object literal with its own getter is a dictionary-mode object (0.4 KB
 * of property table a note).
 */
export class LazyHtmlNote implements BuiltNote {
  readonly parsed: ParsedNote;
  readonly url: Slug;
  readonly publish: boolean;
  readonly mtimeMs: number;
  readonly git?: GitDates;
  readonly #assemble: (id: NoteId) => string;

  /** `assemble` gives a published note's page HTML; it is shared by every note of a model. */
  constructor(parsed: ParsedNote, url: Slug, source: { mtimeMs: number; git?: GitDates | undefined } | undefined, assemble: (id: NoteId) => string) {
    this.parsed = parsed;
    this.url = url;
    this.publish = parsed.frontmatter.publish;
    this.mtimeMs = source?.mtimeMs ?? 0;
    if (source?.git) this.git = source.git;
    this.#assemble = assemble;
  }

  get html(): string {
    return this.publish ? this.#assemble(this.parsed.id) : '';
  }
}

/** Stage timings: `lap(name)` records the milliseconds since the previous lap. */
function stageTimer(): { timings: Record<string, number>; lap: (name: string) => void } {
  const timings: Record<string, number> = {};
  let t = performance.now();
  return {
    timings,
    lap(name) {
      const now = performance.now();
      timings[name] = Math.round(now - t);
      t = now;
    },
  };
}

/**
 * Compile every note, from the cache or on the worker pool, into `store`: a store on disk, or in
 * memory where no temporary file can be made. Each scanned note's text goes once it is compiled,
 * not after the last note (the dev server reads a note's file again when it needs its source).
 */
async function compileNotes(
  root: string,
  notes: readonly ScannedNote[],
  options: BuildOptions,
): Promise<{ compiled: CompiledNote[]; cacheHits: number; store: NoteStore; previousNotes?: PreviousNote[] }> {
  const cache = options.noCache ? undefined : await openCache(root);
  const render = options.render ?? true;
  const pool = { ...options.pool, ...(options.threads ? { threads: options.threads } : {}) };
  const warm = cache !== undefined && render && !options.keepResults;
  const ahead = warm ? options.ahead?.take() : undefined;
  const spill = ahead ? ahead.spill : render ? tryCreateSpillStore() : undefined;
  const init: WorkerInit = ahead
    ? ahead.init
    : {
        nonce: randomBytes(8).toString('hex'),
        render,
        pack: spill !== undefined,
        ...(cache && render ? { regexTable: regexTableOf(root), keepCode: true } : {}),
      };
  // On a warm one-shot build, a note the scan read (its file stamp changed) most likely needs
  // compiling: a worker starts loading its modules now, while the kept model and cache are read
  // (or started before the scan: `compileAhead`).
  const early = ahead ? ahead.early : warm && notes.some((n) => n.content.text !== undefined) ? startEarly(init, pool) : undefined;
  try {
    return await compileFrom(root, notes, options, { cache, spill, init, pool, ...(early ? { early } : {}) });
  } finally {
    await early?.close();
  }
}

/** The rest of `compileNotes`, with its cache, store, worker settings and early worker. */
async function compileFrom(
  root: string,
  notes: readonly ScannedNote[],
  options: BuildOptions,
  setup: { cache: NoteCache | undefined; spill: ReturnType<typeof tryCreateSpillStore>; init: WorkerInit; pool: Partial<PoolOptions>; early?: EarlyWorker },
): Promise<{ compiled: CompiledNote[]; cacheHits: number; store: NoteStore; previousNotes?: PreviousNote[] }> {
  const { cache, spill, init, pool, early } = setup;
  const render = init.render;
  const hashes = cache && render ? options.previousHashes : undefined;
  const hashBefore = (n: ScannedNote) => (hashes && Object.hasOwn(hashes, n.id) ? hashes[n.id] : undefined);
  // A note compiled again reads the highlighted code of its version at the previous build from that version's cache entry (removed by this build's prune, after).
  const jobOf = (n: ScannedNote, text: string): NoteJob => {
    const hash = hashBefore(n);
    return { path: n.path, id: n.id, hash: n.hash, text, ...(hash !== undefined ? { previous: cache!.fileOf(n.id, hash) } : {}) };
  };
  const base = spill ?? createMemoryStore();
  const total = notes.length;
  const writes: Promise<void>[] = [];
  // Results are kept once the store is open (`ready.keep`); until then (the first run below) they wait here.
  const ready: { keep?: (i: number, result: NoteJobResult) => void } = {};
  const waiting: [number, NoteJobResult][] = [];
  const run = (indexes: readonly number[], jobs: NoteJob[], onProgress?: (done: number) => void) =>
    streamJobs(
      jobs,
      init,
      pool,
      {
        ...(onProgress ? { onProgress } : {}),
        onResult: (k, result) => {
          const i = indexes[k]!;
          const note = notes[i]!;
          // Fact-only results (check) are not cached: a later build needs the HTML too; nor are notes
          // given up for this run's time or memory limits. The cache serialises the result before
          // this returns, so the store may take it apart right after.
          if (cache && render && !result.givenUp) writes.push(cache.set(note.id, note.hash, result));
          if (ready.keep) ready.keep(i, result);
          else waiting.push([i, result]);
          jobs[k]!.text = '';
        },
      },
      early,
    );
  // The notes the scan read (their file stamps changed) most likely changed: when they are few, they
  // go to the early parse worker now, so that it compiles them while this thread reads the kept model.
  // A note read whose content is what the previous build compiled (only touched, or racy: src/incremental/kept-scan.ts) is most likely in the kept model.
  const read = early ? notes.flatMap((n, i) => (n.content.text !== undefined && hashBefore(n) !== n.hash ? [i] : [])) : [];
  // Only over a scan that trusted some notes' stamps (the CLI's kept scan): a scan of its own reads every note.
  const first = read.length <= speculativeNotes && read.length < notes.length ? read : [];
  const firstRun =
    first.length > 0
      ? run(
          first,
          first.map((i) => jobOf(notes[i]!, notes[i]!.content.text!)),
        )
      : undefined;
  // Awaited below, after the kept model is read; a failure meanwhile must not count as unhandled.
  firstRun?.catch(() => undefined);
  // The compiled garden kept by the previous build (src/incremental/kept-model.ts): unchanged notes are read from it, not from their cache entries.
  const kept = cache && render && !options.keepResults ? openKeptModel(root) : undefined;
  const noteStore = kept ? kept.over(base) : base;
  const compiled = new Array<CompiledNote>(notes.length);
  // One copy of each repeated word (tags, headings, link targets) for all results; dropped with this call.
  const share = createShare();
  const keep = (i: number, result: NoteJobResult) => {
    // Whether a note is published is the scan's decision (it applies the configured policy); compiled results know the note only.
    result.note.frontmatter.publish = notes[i]!.content.publish;
    shareWords(result, share);
    compiled[i] = noteStore.put(result);
    kept?.add(notes[i]!.hash, result, compiled[i]);
    takeText(notes[i]!);
  };
  ready.keep = keep;
  for (const [i, result] of waiting.splice(0)) keep(i, result);
  const sent = new Set(first);
  const misses: number[] = [];
  // Notes in the kept model are taken here, synchronously; the others are looked up in the cache, all at once.
  const lookups: number[] = [];
  for (let i = 0; i < notes.length; i++) {
    if (sent.has(i)) continue;
    const n = notes[i]!;
    const model = kept?.take(n.id, n.hash);
    if (!model) {
      lookups.push(i);
      continue;
    }
    cache!.keep(n.id, n.hash);
    model.note.frontmatter.publish = n.content.publish;
    compiled[i] = shareCompiled(model, share);
    takeText(n);
  }
  // A few files open at a time: a whole garden's lookups at once run out of file descriptors past
  // ~20k notes (the process's limit), and every read that fails is a note compiled again.
  const files = pLimit(filesAtOnce);
  await Promise.all(
    lookups.map((i) =>
      files(async () => {
        const n = notes[i]!;
        const hit = await cache?.get(n.id, n.hash);
        if (hit) keep(i, hit);
        else misses.push(i);
      }),
    ),
  );
  misses.sort((a, b) => a - b);
  const cacheHits = total - misses.length - first.length;
  options.onProgress?.(cacheHits, total);
  await firstRun;
  if (misses.length > 0) {
    // A note the scan trusted from its kept record has no text yet: read now.
    const text = async (n: ScannedNote) => n.content.text ?? (await readKeptText(n));
    const jobs = await Promise.all(misses.map((i) => files(async () => jobOf(notes[i]!, await text(notes[i]!)))));
    await run(misses, jobs, (done) => options.onProgress?.(cacheHits + first.length + done, total));
  }
  await Promise.all(writes);
  if (render) await cache?.prune();
  kept?.save();
  // What the notes not taken from the model (most likely changed) were at the last build, when they are few.
  const previousNotes = kept && total - kept.taken <= maxPreviousNotes ? changedSince(notes, kept) : undefined;
  return { compiled, cacheHits, store: noteStore, ...(previousNotes ? { previousNotes } : {}) };
}

/** Cache entries or notes read at once by `compileFrom` (libuv reads four at a time). */
const filesAtOnce = 64;

/** Most notes not taken from the kept model whose previous facts a build reads (a link build's scope: src/incremental/text-only.ts). */
const maxPreviousNotes = 1000;

/** The previous facts of the notes whose content changed since the kept model was written, with the hash of their link contexts then. */
function changedSince(notes: readonly ScannedNote[], kept: KeptModel): PreviousNote[] {
  const out: PreviousNote[] = [];
  for (const n of notes) {
    const was = kept.was(n.id);
    if (was && was.note.hash !== n.hash) out.push(was);
  }
  return out;
}

/** Most notes a warm build sends to its early worker before reading the kept model (more were likely only touched: src/build.ts). */
const speculativeNotes = 64;

/** A compiled note read from the kept model, its words shared as a result's are. */
function shareCompiled(compiled: CompiledNote, share: Share): CompiledNote {
  const rendered = { nonce: compiled.nonce, blocks: [], embeds: [] };
  shareWords({ note: compiled.note, rendered, text: '', contexts: [] }, share, true);
  return { ...compiled, nonce: rendered.nonce };
}
