/**
 * Emit stage: write the finished site to dist/, atomically.
 *
 * 1. A page and a NoteData JSON per published note (`<url>index.html`, `<url>index.json`).
 * 2. Redirect pages for aliases; list pages (tags, folders, start, search, graph, 404).
 * 3. graph.json and each note's local graph (`<url>local-graph.json`), search shards, robots.txt, the sitemap and feeds (publish-files.ts), the app bundle, attachments.
 * 4. Swap the staging folder in (write-site.ts); on any error the old site stays.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { GardenModel } from '../build.ts';
import { startSearch, type SearchRun } from './start-search.ts';
import type { PreparedSearchWorker } from '../search/build-in-worker.ts';
import { deriveAliasRedirects } from './alias-redirects.ts';
import type { AppAssets, AttachmentFile, NoteId, SiteInfo } from '../shared/types.ts';
import { buildRecordFile, type BuildRecord } from './build-record.ts';
import { publishFiles } from './publish-files.ts';
import type { FeedSettings } from '../config/types.ts';
import { noteImage } from './note-image.ts';
import { noteSummary } from './note-summary.ts';
import { graphPageFileNames, graphPageFiles } from './graph-page-files.ts';
import { localGraphFileName } from '../shared/local-graph.ts';
import { deriveListPages } from './list-pages.ts';
import { listNote, listNoteOf, withTopics, type ListNote } from './list-note.ts';
import { explorerFiles } from './explorer-files.ts';
import { explorerDir } from '../shared/explorer-data.ts';
import { toNoteData, withPlainBacklinks } from './note-data.ts';
import { writeLocalGraphFiles } from './local-graph-files.ts';
import { eachInFlight } from '../in-flight.ts';
import { openKeptNeighbourhoods } from '../incremental/kept-neighbourhoods.ts';
import type { DateSource } from './note-dates.ts';
import { forReaders } from './for-readers.ts';
import { buildSiteContext } from './site-context.ts';
import { renderListPage, renderNotePage, renderRedirectPage } from '../shared/templates/page-template.ts';
import { openSiteWriter, type SiteWriter } from './write-site.ts';
import { htmlInputHashes } from '../incremental/html-inputs.ts';
import { listPageKeys, notePageKeys } from '../incremental/note-page-key.ts';
import { writeOutputManifest, type OutputManifest } from '../incremental/output-manifest.ts';
import { pathsDigest } from '../incremental/spare-check.ts';
import { changedNotes } from '../incremental/changed-notes.ts';
import { phase } from '../timings.ts';
import {
  contextTargets,
  frameAndShapes,
  linkChange,
  linkNeighbours,
  linksKept,
  mentionSources,
  pagesToCheck,
  textOnlyChange,
  type FrameAndShapes,
  type FrameInputs,
} from '../incremental/text-only.ts';

/** Options of the emitter. */
export interface EmitOptions {
  out: string;
  site: SiteInfo;
  /** The built app: folder to copy to `_app/` and the asset URLs. */
  app?: { dir: string; assets: AppAssets };
  /** Fingerprints of the build's inputs, recorded with the report (see build-record.ts). */
  fingerprint?: string;
  quick?: string;
  /** Where notes' dates come from (default: frontmatter and git; file times only with `filesystem`). */
  dates?: DateSource;
  /** How many notes the feeds list, and whether with their whole bodies. */
  feed?: FeedSettings;
  /** The manifest of the site now in `out` (src/incremental/): its unchanged files are kept, not written again. */
  previous?: OutputManifest;
  /** Leave the replaced site for the caller to remove (its folder is `EmitResult.replaced`) rather than removing it now. */
  keepReplaced?: boolean;
  /** The build's other settings (ignore, publish policy, home, topics), as text: part of what tells the next build that only text changed. */
  settings?: string;
  /** The garden's frame and shapes, when the caller computed them once the notes were compiled (src/incremental/text-only.ts). */
  shape?: FrameAndShapes;
  /** The notes whose text alone changed since `previous`, as `textOnlyChange` found them with `shape` (the caller asked already), or undefined. */
  textChanged?: ReadonlySet<NoteId> | undefined;
  /** The search index, started by the caller into a folder beside the output (src/emit/start-search.ts); else the emitter starts it. */
  search?: SearchRun;
  /** A search worker started ahead, which has read the kept postings (src/search/build-in-worker.ts): the search the emitter starts runs on it. */
  preparedSearch?: PreparedSearchWorker;
  /**
   * The writer, opened by the caller over `previous` with `keepReplaced` while the notes compiled
   * (its staging folder made from the spare then, not after the graph stage); else the emitter opens
   * it. Given only with `previous`.
   */
  writer?: Promise<SiteWriter>;
  /** Keep the search postings beside the build cache between builds (src/search/kept-postings.ts): notes the last build indexed are not indexed again. */
  keepSearch?: boolean;
  /**
   * The caller's own work to do while the search worker may still run, after every file but the search index is written
   * (the CLI writes the build's report and facts there). If it fails, the emit fails.
   */
  meanwhile?: () => Promise<void>;
  /** Keep what each local graph file read beside the build cache (src/incremental/kept-neighbourhoods.ts): after a link change, only the files it can reach are computed. */
  keepLocalGraphs?: boolean;
}

/** What the emitter wrote. */
export interface EmitResult {
  files: number;
  notes: ListNote[];
  /** What this build changed in the site (the previous one's files kept, pages and search files written). */
  changes: { kept: number; pages: number; searchFiles: number; notesChanged?: number; textOnly?: boolean; linksOnly?: boolean };
  /** The replaced site, left with `keepReplaced`. */
  replaced?: string;
  /** The replaced site kept as the next build's staging folder (`keepReplaced`, over a previous site), or the spare to make. */
  spare?: string;
  /** The spare to make after the build, with the digest of the site's files (src/incremental/make-spare.ts). */
  spareToMake?: { dir: string; site: { dev: number; ino: number }; digest: string };
}

/** Write the site for `model`. */
export async function emitSite(model: GardenModel, options: EmitOptions): Promise<EmitResult> {
  const writer = await (options.writer ?? openSiteWriter(options.out, options.previous, options.keepReplaced));
  // The search run this emit started, waited for before a failed emit removes its folder.
  let searchStarted: Promise<SearchRun> | undefined;
  try {
    const published = model.notes.filter((n) => n.publish);
    const info = new Map(published.map((n) => [n.parsed.id, { title: n.parsed.title, url: n.url }]));
    const byId = new Map(model.notes.map((n) => [n.parsed.id, n]));
    const assets: AppAssets = options.app?.assets ?? { scripts: [], styles: [] };
    const notes: ListNote[] = [];
    const urls = new Set<string>(published.map((n) => n.url));

    const siteContext = buildSiteContext(published, (id) => model.links.get(id) ?? [], options.dates);
    // When only notes' text changed since the previous site (src/incremental/text-only.ts), only the pages
    // that text reaches are looked at; list pages, redirects, the graph's files and the explorer stay as they are.
    const shaped = options.fingerprint ? (options.shape ?? frameAndShapes(model.notes, frameInputs(options, model.attachments), options.previous)) : undefined;
    const mentions = shaped ? mentionSources(model.graph) : undefined;
    // A previous site missing files (removed by hand) is written in full, so that they are made again.
    const textChanged =
      shaped && writer.missing === 0 && options.previous
        ? 'textChanged' in options && options.shape
          ? options.textChanged
          : textOnlyChange(model.notes, shaped, options.previous)
        : undefined;
    // When text and links changed but no note's outline did, only the pages those changes reach are
    // looked at too; the others keep their files, and everything else is made as in any build.
    // A changed note whose text is the previous site's: its dates alone moved (`linkChange`).
    const textKept = (id: NoteId) => byId.get(id)?.parsed.hash === options.previous?.notes[id];
    const linksChanged = !textChanged && mentions ? linkScope(model, shaped!, options.previous, textKept) : undefined;
    const changedHere = textChanged ?? linksChanged?.changed;
    // No note's links changed either (only text and dates moved: a commit). Each changed note's links are then those of
    // its previous version, in the same order, as when only text changed: its targets are reached as then, and none lost a backlink.
    const noLinkMoved = linksChanged !== undefined && linksKept(linksChanged.changed, shaped!, options.previous!);
    const check =
      changedHere && mentions
        ? pagesToCheck(
            changedHere,
            model.neighbours ?? linkNeighbours(model.links),
            mentions,
            options.previous?.shape?.mentions,
            noLinkMoved ? undefined : linksChanged?.targets,
            textChanged || noLinkMoved ? reachedByContexts(model, changedHere, options.previous, textKept) : undefined,
          )
        : undefined;
    // Notes whose dates alone moved are among the changed ones when links may have changed (`linkChange`): the home
    // page's recently tended list may then move too, and its key (which holds that list) is looked at.
    if (linksChanged && check) for (const n of published) if (n.url === '/') check.add(n.parsed.id);
    // Then the graph is the previous site's, and so are graph.json, the graph page's files and every local graph (kept
    // below), unless files of it were removed by hand.
    const graphKept = noLinkMoved && writer.missing === 0;
    const unchecked = (n: (typeof published)[number]) => check !== undefined && !check.has(n.parsed.id);
    // A note's page and data are made again only when their inputs changed (note-page-key.ts): a
    // page kept is known from facts the model holds, without making its data or reading its backlinks' contexts.
    const pageKey = notePageKeys({
      site: options.site,
      assets,
      contextsHash: model.contextsHash,
      graph: model.graph,
      info,
      siteContext,
      bodyInputs: htmlInputHashes(byId, (id) => model.links.get(id) ?? [], options.site.basePath ?? '/'),
    });
    // The layout worker (topics, PageRank, positions) may still run: a note's page, data and key read no
    // topic (list notes take theirs once it is done, below). A build without a previous site (cold, or
    // filling the cache) of a garden that is not large writes its pages meanwhile, and the search index
    // is made on the other core once the layout is done, beside the pages: this thread derives and
    // writes pages, the other lays out and indexes (`pagesBesideWorkers`). So does a build over a
    // previous site that looks at few pages (links changed in a few notes: the layout is computed again).
    const beside = pagesBesideWorkers(published.length, options.previous !== undefined, check?.size);
    // Over a previous site, the keys are computed first (they decide which pages are kept), while the
    // layout worker may still run, in a garden of at most 20,000 notes: beside it they raised a 10k
    // build's peak by 30 MB (550 MB, a build after a change to Trellis), and a large garden's peak is set
    // by the layout worker's run. A cold build computes each key as its page is written.
    if (published.length > keysBesideLayoutMaxNotes) await model.graph.placed;
    phase('emit setup');
    const keys = options.previous ? new Map(published.flatMap((n) => (unchecked(n) ? [] : [[n, pageKey(n)] as const]))) : undefined;
    phase('page keys');
    // Otherwise topics are read, and the search worker starts, only once the layout worker is done: the
    // two beside each other would set a large garden's peak memory.
    if (!beside) await model.graph.placed;
    phase('layout wait');

    // The search index builds on its own thread: started by the caller as soon as the notes were
    // compiled (`options.search`), else here once the layout worker is done.
    const searchRun: Promise<SearchRun> = options.search
      ? Promise.resolve(options.search)
      : Promise.resolve(model.graph.placed).then(async () =>
          startSearch(published, model.store, model.texts, await writer.scratch(), {
            root: model.root,
            previous: writer.linkedHashes('_search/'),
            keep: options.keepSearch ?? false,
            ...(options.previous ? { site: { dir: path.resolve(options.out), hashes: options.previous.notes } } : {}),
            ...(options.preparedSearch ? { prepared: options.preparedSearch } : {}),
          }),
        );
    // Awaited below (and on failure, before the staging folders go); a failure meanwhile must not count as unhandled.
    searchRun.catch(() => undefined);
    if (!options.search) searchStarted = searchRun;
    // Over a previous site, when the worker indexes many notes (after a change to Trellis), the pages wait
    // for it: the index is then the largest thing the emit holds. When the last build's postings leave it
    // few notes to index, in a garden that is not large, the pages are written meanwhile, on the other
    // core; when only text changed, the pages to write are few, whatever it indexes.
    if (!beside && !textChanged) {
      const run = await searchRun;
      if (!searchBesidePages(await run.plan, published.length)) await run.outputs;
      phase('search wait');
    }
    // List notes are made without topics while the layout worker may run; they are given theirs after the pages.
    const untopicked = { outgoing: model.graph.outgoing, ...noTopics };
    // The pages kept are told apart in one pass here, and only the others go through the writes in flight: an async
    // call for each of 10k notes, most of them kept, cost a warm build's thread more than the checks.
    const reused = (n: (typeof published)[number], key: string | undefined) =>
      key !== undefined && writer.reuse(pageFile(n.url), key) && writer.reuse(dataFile(n.url), key);
    const toWrite: (typeof published)[number][] = [];
    for (const n of published) {
      if (unchecked(n)) {
        // Only text changed and it cannot reach this page: its files are kept with the rest (keepUnclaimed below).
        if (textChanged) continue;
        // Links changed elsewhere: this page's inputs did not, and its files are kept under their key.
        const [page, data] = [pageFile(n.url), dataFile(n.url)];
        const key = options.previous?.keys.get(page);
        if (key !== undefined && options.previous?.keys.get(data) === key && writer.carry(page, key, key) && writer.carry(data, key, key)) {
          notes.push(listNoteOf(n, untopicked, info, siteContext.dates));
          continue;
        }
      }
      // A key computed ahead (over a previous site) is checked now; a cold build computes each as its page is written.
      if (keys?.has(n) && reused(n, keys.get(n))) notes.push(listNoteOf(n, untopicked, info, siteContext.dates));
      else toWrite.push(n);
    }
    await eachInFlight(toWrite, 32, async (n) => {
      if (keys?.has(n)) return writePage(n, keys.get(n));
      const key = pageKey(n);
      if (reused(n, key)) notes.push(listNoteOf(n, untopicked, info, siteContext.dates));
      else await writePage(n, key);
    });
    phase('pages');
    async function writePage(n: (typeof published)[number], key?: string): Promise<void> {
      const data = withPlainBacklinks(forReaders(toNoteData(n, model.graph, info, true, siteContext), options.site));
      const image = noteImage(model.links.get(n.parsed.id) ?? []);
      const meta = { description: noteSummary(n, model.store), ...(image ? { image } : {}) };
      await writer.write(pageFile(n.url), renderNotePage(data, options.site, assets, meta), key);
      await writer.write(dataFile(n.url), JSON.stringify(data), key);
      // List pages need a few of every note's facts; the rest is dropped once written.
      notes.push(listNote(data, noTopics));
    }
    // The local graph files read only the notes' ids, titles and URLs and the links between them (not topics,
    // positions or weights): written now, while the layout worker may still run (links changed: it runs again), from
    // graph.json as it is before placement. Only text changed: they are the previous site's.
    if (!textChanged && !graphKept)
      await writeLocalGraphFiles(writer, model.graph.json, options.keepLocalGraphs ? openKeptNeighbourhoods(model.root) : undefined);
    phase('local graphs');
    // Topics (list notes, list pages) and graph.json are read from here on.
    await model.graph.placed;
    phase('layout wait');
    for (let i = 0; i < notes.length; i++) notes[i] = withTopics(notes[i]!, model.graph);
    notes.sort((a, b) => (a.id < b.id ? -1 : 1));

    // Only text changed: redirects, list pages, the graph's files and the explorer are the previous site's (kept below).
    if (!textChanged) {
      // Links changed and no note's outline (its aliases, title and URL), nor the settings (`linkScope`): the
      // redirects and the explorer are made of those alone, so the previous site's files are this site's (unless
      // files of it were removed by hand: then everything is written). An alias each for 10k notes is ~10k redirects.
      const outlineKept = linksChanged !== undefined && writer.missing === 0;
      // Redirects and list pages are written like note pages: many files in flight at once
      // (an alias each for most notes of a large garden, too many to write one by one).
      const redirects = [...deriveAliasRedirects(published, urls)];
      for (const [url] of redirects) urls.add(url);
      if (outlineKept) {
        const redirectFiles = new Set(redirects.map(([url]) => pageFile(url)));
        writer.keepUnclaimed((rel) => redirectFiles.has(rel) || rel.startsWith(`${explorerDir}/`));
      } else await eachInFlight(redirects, 32, ([url, to]) => writer.write(pageFile(url), renderRedirectPage(to, options.site)));
      const listPages = deriveListPages(notes, urls, model.graph.topics).filter((page) => {
        if (page.kind !== 'not-found' && urls.has(page.url)) return false;
        urls.add(page.url);
        return true;
      });
      // A list page is rendered again only when the page's data changed (hashing it costs less than rendering it).
      const listPageKey = listPageKeys(options.site, assets);
      await eachInFlight(listPages, 8, async (page) => {
        const file = page.kind === 'not-found' ? '404.html' : pageFile(page.url);
        const key = listPageKey(page);
        if (!writer.reuse(file, key)) await writer.write(file, renderListPage(page, options.site, assets), key);
      });

      if (graphKept) {
        const kept = new Set<string>(['graph.json', ...graphPageFileNames]);
        writer.keepUnclaimed((rel) => kept.has(rel) || rel === localGraphFileName || rel.endsWith(`/${localGraphFileName}`));
      } else {
        await writer.write('graph.json', JSON.stringify(model.graph.json));
        for (const [file, text] of Object.entries(graphPageFiles(model.graph.json))) await writer.write(file, text);
      }
      if (!outlineKept) for (const [file, text] of explorerFiles(notes)) await writer.write(file, text);
    }
    phase('lists');
    // What does not read the search index is written before it is waited for: the search worker often ends
    // after this thread's pages (a build of edited text starts it once the notes are compiled).
    // Only text changed: the sitemap (every page's URL and date) is the previous site's; `notes` holds only the pages looked at.
    const listed = textChanged ? undefined : notes;
    for (const [file, text] of Object.entries(await publishFiles(model, listed, options.site, options.feed, options.dates))) await writer.write(file, text);
    // The app's folder is named by the fingerprint of its sources and moved into place whole (src/emit/app-bundle.ts): a
    // file's path there tells its bytes, so a previous copy from the same path is kept without reading it.
    const app = options.app;
    if (app) for (const f of await listFiles(app.dir)) await writer.copy(path.posix.join('_app', f), path.join(app.dir, f), `app:${path.join(app.dir, f)}`);
    for (const a of model.attachments) {
      if (a.sanitized !== undefined) await writer.write(a.path, a.sanitized);
      else await writer.copy(a.path, a.absPath, a.mtimeMs === undefined ? undefined : `${a.size}:${a.mtimeMs}:${a.absPath}`);
    }

    if (options.fingerprint) {
      const record: BuildRecord = { fingerprint: options.fingerprint, ...(options.quick ? { quick: options.quick } : {}), basePath: options.site.basePath };
      await writer.write(buildRecordFile, JSON.stringify(record));
    }
    phase('site files');
    await options.meanwhile?.();
    phase('meanwhile');
    const run = await searchRun;
    const searchOutputs = await run.outputs;
    phase('search wait');
    await writer.adoptFrom(run.dir, searchOutputs);
    // Only text changed: every other file of the previous site is this site's (search files are listed by the search worker).
    if (textChanged) writer.keepUnclaimed((rel) => !rel.startsWith('_search/'));
    const files = writer.written;
    phase('search files');
    const replaced = await writer.commit();
    phase('commit');
    const noteHashes = Object.fromEntries(model.notes.map((n) => [n.parsed.id, n.parsed.hash]));
    const shape = shaped && mentions ? { ...shaped, mentions, ...(model.graph.layoutKey ? { layout: model.graph.layoutKey } : {}) } : undefined;
    const digest = options.fingerprint
      ? await writeOutputManifest(
          model.root,
          {
            out: path.resolve(options.out),
            fingerprint: options.fingerprint,
            ...writer.outputs(),
            notes: noteHashes,
            ...(shape ? { shape } : {}),
          },
          options.previous,
        )
      : undefined;
    phase('manifest write');
    const notesChanged = options.previous ? changedNotes(options.previous.notes, noteHashes) : undefined;
    const changes = {
      kept: writer.kept,
      pages: writer.pagesWritten,
      searchFiles: writer.searchWritten,
      ...(notesChanged !== undefined ? { notesChanged } : {}),
      ...(textChanged ? { textOnly: true } : {}),
      ...(linksChanged ? { linksOnly: true } : {}),
    };
    const outputs = writer.outputs();
    const spare = outputs.spare?.dir;
    const toMake = writer.spareToMake();
    // The digest the manifest recorded (hashed once, for a new base), or the paths hashed here.
    const spareToMake = toMake ? { ...toMake, digest: digest ?? pathsDigest(outputs.files.keys()) } : undefined;
    return { files, notes, changes, ...(replaced ? { replaced } : {}), ...(spare ? { spare } : {}), ...(spareToMake ? { spareToMake } : {}) };
  } catch (error) {
    await searchStarted?.then((run) => run.outputs).catch(() => undefined);
    await writer.abort();
    throw error;
  }
}

/**
 * The notes whose text and links changed since `previous`, when no note's outline did (`linkChange`),
 * with the notes each linked to in the version `previous` describes; undefined when that version of
 * a changed note is not known (the kept model's facts of it are not the previous site's).
 */
function linkScope(
  model: GardenModel,
  shaped: FrameAndShapes,
  previous: OutputManifest | undefined,
  textKept: (id: NoteId) => boolean,
): { changed: Set<NoteId>; targets: Map<NoteId, NoteId[]> } | undefined {
  if (!model.previousTargets || !previous) return undefined;
  const changed = linkChange(model.notes, shaped, previous);
  if (!changed) return undefined;
  const targets = new Map<NoteId, NoteId[]>();
  for (const id of changed) {
    // Its dates alone moved (its text is the previous site's, so are its links): it links where it did.
    if (textKept(id)) {
      targets.set(id, []);
      continue;
    }
    const was = model.previousTargets.get(id);
    if (!was || was.hash !== previous.notes[id]) return undefined;
    targets.set(id, was.targets);
  }
  return { changed, targets };
}

/**
 * For the notes of `changed` (only their text changed since `previous`) whose version there the
 * kept model knows (`previousContexts`), the notes their link contexts reach: none when the hash of
 * their contexts is as it was; else the targets of the links whose context changed, compared link
 * by link (`contextTargets`), so that an edit of a note's last paragraph does not make again the
 * page of a hub it links to in its first.
 */
function reachedByContexts(
  model: GardenModel,
  changed: ReadonlySet<NoteId>,
  previous: OutputManifest | undefined,
  textKept: (id: NoteId) => boolean,
): Map<NoteId, Set<NoteId>> | undefined {
  if (!model.previousContexts || !previous) return undefined;
  const reached = new Map<NoteId, Set<NoteId>>();
  for (const id of changed) {
    // Its text is the previous site's (its dates alone moved): every context of its links is as it was.
    if (textKept(id)) {
      reached.set(id, new Set());
      continue;
    }
    const was = model.previousContexts.get(id);
    if (!was || was.hash !== previous.notes[id]) continue;
    if (was.contextsHash === model.contextsHash(id)) {
      reached.set(id, new Set());
      continue;
    }
    const then = was.contexts?.();
    if (then)
      reached.set(
        id,
        contextTargets(id, model.links.get(id) ?? [], (i) => model.store.context(id, i), then),
      );
  }
  return reached;
}

/** The largest garden whose page keys are computed while the layout worker runs (see `emitSite`). */
export const keysBesideLayoutMaxNotes = 20_000;

/**
 * Whether a build of `notes` published notes writes its pages while the layout worker runs, and then
 * beside the search worker, whatever it indexes (see `emitSite`): a build without a previous site
 * (`overPrevious` false: cold, or filling the cache) of at most 20,000 notes: on the 10k bench garden
 * such builds finish sooner and peak at 440-490 MB as before. Over a previous site the
 * build holds the previous site's manifest and kept model too: after a change to Trellis (every page
 * and the whole index made again), the same schedule took a 10k build from 595 to 609-623 MB, over
 * the 600 MB target (docs/performance.md). So over a previous site only a build that `looked` at
 * few pages (`fewPages`: a change of a few notes' text or links) writes them beside the workers.
 */
export function pagesBesideWorkers(notes: number, overPrevious: boolean, looked?: number): boolean {
  if (notes > keysBesideLayoutMaxNotes) return false;
  return !overPrevious || (looked !== undefined && looked <= fewPages(notes));
}

/**
 * The most pages a build over a previous site may look at and still write them beside the layout
 * worker: a link change in a few notes of the 10k bench garden looks at 100-400. Such a build writes
 * few pages, and its search worker indexes only the changed notes, so the three beside each other
 * hold little more than the layout worker alone.
 */
export function fewPages(notes: number): number {
  return Math.max(500, Math.floor(notes / 10));
}

/** Topics as list notes are made before the layout worker is done: none yet (`withTopics` gives them after). */
const noTopics = { topicOf: new Map<NoteId, number>(), subtopicOf: new Map<NoteId, number>() };

/**
 * Whether the search worker, which will index `indexed` of the garden's `notes`, may run while the
 * pages are written: only when it indexes few notes (at most 500, or 5 %: a warm build) in a garden
 * of at most 100,000 notes, the largest the memory targets cover. The worker holds every note's postings even when it
 * indexes few (it merges the kept ones): at 100k notes, beside the page writer, warm builds peaked at 4.36 GB when the
 * builder held every note's stages as a cold build does (the fifth session), and at 1.38-1.45 GB now, where the target
 * for a build is 3 GB (docs/performance-history.md, "Twenty-ninth session").
 */
export function searchBesidePages(indexed: number, notes: number): boolean {
  return notes <= 100_000 && indexed <= Math.max(500, Math.floor(notes / 20));
}

/** What the frame of the garden's shape (text-only.ts) is made of besides the notes: the emitter's settings and the attachments. */
export function frameInputs(options: Pick<EmitOptions, 'settings' | 'site' | 'app' | 'dates' | 'feed'>, attachments: readonly AttachmentFile[]): FrameInputs {
  const settings = JSON.stringify([options.settings ?? '', options.site, options.app?.assets ?? null, options.dates ?? null, options.feed ?? null]);
  return { settings, dates: options.dates, attachments };
}

/** Every file below `dir`, as relative POSIX paths. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

function pageFile(url: string): string {
  return decodeURIComponent(url).replace(/^\//, '') + 'index.html';
}

function dataFile(url: string): string {
  return decodeURIComponent(url).replace(/^\//, '') + 'index.json';
}
