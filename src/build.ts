/**
 * The build: wires the stages in order and times them.
 * scan -> parse+render (worker pool, content-hash cache) -> resolve -> graph -> assemble -> emit.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openCache, openLayoutCache } from './store/cache.ts';
import { deriveGardenGraph, type GardenGraph, type LayoutCache } from './graph/index.ts';
import { runJobs, type Options as PoolOptions } from './compile/pool.ts';
import type { NoteJob, NoteJobResult } from './compile/job.ts';
import { createShare, shareWords } from './store/shared-words.ts';
import { assembleNote, checkEmbeds, type AssembleInput } from './assemble/assemble.ts';
import { tryCreateBlockSpill, unpackBlocks, type BlockSpill } from './store/spill.ts';
import { resolveGarden } from './resolve/index.ts';
import type { GitDates } from './scan/git-dates.ts';
import { scanGarden, type ScanResult, type ScannedNote } from './scan/index.ts';
import type { AttachmentFile, CheckReport, Diagnostic, NoteId, ParsedNote, ResolvedLink, Slug } from './shared/types.ts';
import { buildCheckReport } from './report.ts';
import { withFilePages } from './scan/with-file-pages.ts';
import { sortDiagnostics } from './diagnostics.ts';
import { prepareBases } from './bases/prepare-bases.ts';

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
   * A scan already done for this build (the CLI scans first to check the build record). Unless
   * `keepResults` is set, its notes' texts are released once parsed.
   */
  scan?: ScanResult;
  /** Render HTML (default true); `trellis check` only needs facts and links. */
  render?: boolean;
  /** Keep each note's parse+render result on the model (for the dev server). */
  keepResults?: boolean;
  /** Called with (done, total) while notes are processed. */
  onProgress?: (done: number, total: number) => void;
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
  links: Map<NoteId, ResolvedLink[]>;
  graph: GardenGraph;
  diagnostics: Diagnostic[];
  report: CheckReport;
  timings: Record<string, number>;
  cacheHits: number;
  /** Link diagnostics by the note they are about. */
  linkDiagnostics: Map<NoteId, Diagnostic[]>;
  /** Frees what the model keeps outside the heap (the spilled HTML); its pages cannot be assembled after. */
  close?: () => void;
  /** Where notes' plain texts were spilled to disk (one-shot builds): the search worker reads them there. */
  texts?: Pick<BlockSpill, 'fd' | 'textRef'>;
  /** Per-note parse+render results, in note order (only with `keepResults`). */
  results?: NoteJobResult[];
}

/** Build the garden model. */
export async function buildGarden(options: BuildOptions): Promise<GardenModel> {
  const { timings, lap } = stageTimer();
  const root = path.resolve(options.garden);

  const scan = options.scan ?? (await scanGarden(root));
  lap('scan');

  // Canvases and bases are pages (src/canvas/, src/bases/); the dev server (keepResults) keeps its own notes, and serves them as files for now.
  const { notes, attachments } = options.keepResults ? scan : withFilePages(scan);
  const { results, cacheHits, spill } = await compileNotes(root, notes, options);
  lap('parse');

  const scanDiagnostics = [...scan.diagnostics, ...notes.flatMap((n) => n.content.diagnostics)];
  const layoutCache = options.noCache ? undefined : openLayoutCache(root);
  const model = await deriveModel(root, notes, attachments, results, scanDiagnostics, {
    layout: options.layout ?? true,
    ...(layoutCache ? { layoutCache } : {}),
    ...(spill ? { spill } : {}),
  });
  if (spill) {
    model.close = spill.close;
    model.texts = spill;
  }
  model.cacheHits = cacheHits;
  if (options.keepResults) model.results = results;
  for (const [k, v] of Object.entries(timings)) model.timings[k] = v;
  return model;
}

/** Options of `deriveModel`. */
export interface DeriveOptions {
  /** Compute topics and layout. */
  layout: boolean;
  /** Reuse layouts of unchanged graphs. */
  layoutCache?: LayoutCache;
  /** Where the results' spilled block HTML is read back from. */
  spill?: BlockSpill;
}

/**
 * Everything after parse+render: resolve, graph, assemble, report. Pure over
 * its inputs; the dev server calls it with its in-memory results, so an
 * incremental rebuild and a clean build share this code.
 */
export async function deriveModel(
  root: string,
  sources: readonly SourceNote[],
  attachments: readonly AttachmentFile[],
  results: readonly NoteJobResult[],
  scanDiagnostics: readonly Diagnostic[],
  options: DeriveOptions,
): Promise<GardenModel> {
  const { timings, lap } = stageTimer();
  const attachmentPaths = attachments.map((a) => a.path);
  const parsed = results.map((r) => r.note);
  const resolved = resolveGarden(parsed, attachmentPaths);
  lap('resolve');

  const urlOf = new Map(sources.map((n) => [n.id, n.url]));
  const published = parsed.filter((p) => p.frontmatter.publish);
  const graph = await deriveGardenGraph(
    published.map((note) => ({ note, url: urlOf.get(note.id)! })),
    resolved.links,
    { layout: options.layout, ...(options.layoutCache ? { cache: options.layoutCache } : {}) },
  );
  lap('graph');

  const diagnostics: Diagnostic[] = [...scanDiagnostics, ...parsed.flatMap((p) => p.diagnostics), ...resolved.diagnostics];
  const byId = new Map(results.map((r) => [r.note.id, { parsed: r.note, rendered: r.rendered, url: urlOf.get(r.note.id) }]));
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
  const assembleInput: AssembleInput = { notes: byId, links: resolved.links, ...(bases ? { bases } : {}), ...(options.spill ? { spill: options.spill } : {}) };
  const assemble = pageAssembler(assembleInput);
  const notes = parsed.map((p) => {
    if (p.frontmatter.publish) checkEmbeds(p.id, assembleInput, diagnostics);
    return new LazyHtmlNote(p, urlOf.get(p.id)!, sourceOf.get(p.id), assemble);
  });
  lap('assemble');

  const report = buildCheckReport(parsed, resolved.links, graph.orphans);
  sortDiagnostics(diagnostics);
  return {
    root,
    notes,
    attachments: [...attachments],
    links: resolved.links,
    linkDiagnostics: resolved.diagnosticsByNote,
    graph,
    diagnostics,
    report,
    timings,
    cacheHits: 0,
  };
}

/** The assembler of a one-shot build's pages. Kept apart from `deriveModel` so it holds only what it needs (not the scanned sources' text). */
function pageAssembler(input: AssembleInput): (id: NoteId) => string {
  return (id) => assembleNote(id, input, []);
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

async function compileNotes(
  root: string,
  notes: readonly ScannedNote[],
  options: BuildOptions,
): Promise<{ results: NoteJobResult[]; cacheHits: number; spill?: BlockSpill }> {
  const cache = options.noCache ? undefined : await openCache(root);
  const render = options.render ?? true;
  // Rendered HTML and plain text go to disk as results arrive, unless the caller keeps the results (dev).
  const spill = render && !options.keepResults ? tryCreateBlockSpill() : undefined;
  const results = new Array<NoteJobResult>(notes.length);
  // One copy of each repeated word (tags, headings, link targets) for all results; dropped with this call.
  const share = createShare();
  /**
   * Keep note `i`'s result, found in the cache or just parsed. A one-shot build (the one that
   * spills) moves its HTML, plain text and link contexts to disk, and needs the note's source
   * text no more: let it go now, not after the last note. A build that keeps HTML in memory
   * unpacks the packed blocks a spilling build cached.
   */
  const keep = (i: number, result: NoteJobResult) => {
    shareWords(result, share);
    results[i] = result;
    if (spill) {
      spill.put(result.rendered);
      result.note = spill.putText(result.note);
      spill.putContexts(result.note);
      notes[i]!.content.text = undefined;
    } else unpackBlocks(result.rendered);
  };
  const misses: number[] = [];
  const writes: Promise<void>[] = [];
  await Promise.all(
    notes.map(async (n, i) => {
      const hit = await cache?.get(n.id, n.hash);
      if (hit) keep(i, hit);
      else misses.push(i);
    }),
  );
  misses.sort((a, b) => a - b);
  const total = notes.length;
  const cacheHits = total - misses.length;
  options.onProgress?.(cacheHits, total);
  if (misses.length > 0) {
    const jobs: NoteJob[] = misses.map((i) => ({ path: notes[i]!.path, id: notes[i]!.id, hash: notes[i]!.hash, text: notes[i]!.content.text! }));
    const init = {
      nonce: randomBytes(8).toString('hex'),
      render,
      pack: spill !== undefined,
    };
    await runJobs(
      jobs,
      init,
      { ...options.pool, ...(options.threads ? { threads: options.threads } : {}) },
      {
        onProgress: (done) => options.onProgress?.(cacheHits + done, total),
        onResult: (k, result) => {
          const note = notes[misses[k]!]!;
          // Fact-only results (check) are not cached: a later build needs the HTML too; nor are notes
          // given up for this run's time or memory limits. The cache serialises the result before
          // this returns, so it may be spilled right after.
          if (cache && render && !result.givenUp) writes.push(cache.set(note.id, note.hash, result));
          keep(misses[k]!, result);
          if (spill) jobs[k]!.text = '';
        },
      },
    );
    await Promise.all(writes);
  }
  if (render) await cache?.prune();
  return { results, cacheHits, ...(spill ? { spill } : {}) };
}
