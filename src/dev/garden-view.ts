/**
 * The dev server's garden as a site, derived lazily from its live indexes:
 * pages, graph facts, graph.json, the link report and diagnostics. Outgoing
 * links, orphans and graph.json come from the graph stage's functions
 * (note-edges.ts, orphans.ts, graph-json.ts), as in a build.
 */
import { LazyHtmlNote, type BuiltNote } from '../build.ts';
import { lazyBases } from '../bases/lazy-bases.ts';
import { sortDiagnostics } from '../diagnostics.ts';
import type { NoteGraphFacts, NoteSiteContext } from '../emit/note-data.ts';
import { buildSiteContext } from '../emit/site-context.ts';
import { graphJsonLinks, toGraphJson } from '../graph/graph-json.ts';
import type { PlacedLayout } from '../graph/placed-layout.ts';
import { noteEdges, outgoingOf, type NoteEdge } from '../graph/note-edges.ts';
import { findOrphans } from '../graph/orphans.ts';
import { buildCheckReport } from '../report.ts';
import type { CheckReport, Diagnostic, GraphJson, NoteId, Slug, Topic } from '../shared/types.ts';
import type { AssembledPages } from './assembled-pages.ts';
import type { BacklinksIndex } from './backlinks-index.ts';
import type { CompiledNotes } from './compiled-notes.ts';
import type { GardenFiles } from './garden-files.ts';
import type { MentionsIndex } from './mentions-index.ts';
import type { ResolvedLinks } from './resolved-links.ts';

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
  /** A note's edges to published notes (`noteEdges`' rule): what graph.json's links and the layout are made of. */
  edgesOf(id: NoteId): readonly NoteEdge[];
  report(): CheckReport;
  diagnostics(): Diagnostic[];
}

/** The live indexes a view reads, and the last settled layout (topics and positions). */
export interface ViewSources {
  files: GardenFiles;
  compiled: CompiledNotes;
  links: ResolvedLinks;
  backlinks: BacklinksIndex;
  mentions: MentionsIndex;
  pages: AssembledPages;
  layout: PlacedLayout | undefined;
  /** The site's base path, which note bodies link below. */
  basePath: string;
}

/** A view of the garden as it is now. */
export function buildGardenView({ files, compiled, links, backlinks, mentions, pages, layout, basePath }: ViewSources): GardenView {
  const scanned = [...files.notes()];
  const byResult = new Map(
    scanned
      .flatMap((n) => compiled.get(n.id) ?? [])
      .map((c) => [c.note.id, { parsed: c.note, nonce: c.nonce, embeds: c.embeds, url: files.note(c.note.path)?.url }]),
  );
  const bases = lazyBases(() => ({
    notes: [...byResult.values()].map((r) => r.parsed),
    urlOf: (id) => files.note(compiled.parsed(id)?.path ?? '')?.url,
    fileOf: (id) => files.note(compiled.parsed(id)?.path ?? ''),
    attachments: files.attachments(),
    links: links.all,
    index: files.linkIndex(),
    now: Date.now(),
  }));
  const assembleInput = { notes: byResult, links: links.all, store: compiled, basePath, bases: bases.render };
  const html = (id: NoteId) => pages.get(id, assembleInput).html;
  // A note read but not yet rendered (a change still on a worker thread) is left out until it is.
  const notes: BuiltNote[] = scanned.flatMap((n) => {
    const c = compiled.get(n.id);
    return c ? [new LazyHtmlNote(c.note, n.url, n, html)] : [];
  });
  const byId = new Map(notes.map((n) => [n.parsed.id, n]));
  const info = compiled.publishedInfo(files);
  const edges = new Map<NoteId, NoteEdge[]>();
  const edgesOf = (id: NoteId): NoteEdge[] => {
    let list = edges.get(id);
    if (!list) edges.set(id, (list = noteEdges(id, links.of(id), info)));
    return list;
  };
  const order = files.order();
  const graph: NoteGraphFacts = {
    backlinks: backlinks.lists,
    unlinkedMentions: { get: (id) => mentions.of(id, order) },
    outgoing: { get: (id) => (info.has(id) ? outgoingOf(edgesOf(id)) : undefined) },
    topicOf: { get: (id) => (info.has(id) ? layout?.topicOf.get(id) : undefined) },
    subtopicOf: { get: (id) => (info.has(id) ? layout?.subtopicOf.get(id) : undefined) },
  };
  const published = notes.filter((n) => n.publish);
  const publishedIds = published.map((n) => n.parsed.id);
  const parsedList = notes.map((n) => n.parsed);
  let siteContext: NoteSiteContext | undefined;
  return {
    notes,
    byId,
    graph,
    info,
    site: () => (siteContext ??= buildSiteContext(notes, (id) => links.of(id))),
    topics: layout?.topics ?? [],
    graphJson: () =>
      toGraphJson(
        published.map((n) => ({ note: n.parsed, url: n.url })),
        graphJsonLinks(publishedIds, edgesOf),
        layout,
      ),
    edgesOf,
    report: () => buildCheckReport(parsedList, links.all, findOrphans(publishedIds, edgesOf)),
    diagnostics: () => {
      const all = files.diagnostics();
      for (const p of parsedList) all.push(...p.diagnostics, ...links.diagnosticsOf(p.id));
      for (const id of publishedIds) all.push(...pages.get(id, assembleInput).diagnostics);
      all.push(...bases.diagnostics());
      return sortDiagnostics(all);
    },
  };
}
