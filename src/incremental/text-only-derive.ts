/**
 * Deriving a garden where only text changed since the previous build (src/incremental/text-only.ts
 * decided it once the changed notes were compiled): every link of every note leads where it led,
 * so what the previous build derived of the links (derived-facts.ts) is this build's too. Nothing
 * here passes over every link: a note's links are resolved when a page, a feed or a changed note
 * asks for them; the link diagnostics, the report and the embeds' diagnostics of the notes the
 * change cannot reach are the previous build's.
 *
 * 1. `resolveOverKept`: links resolved when asked; diagnostics of the changed notes made again.
 * 2. `keptLinksOf`: the graph's view of the kept links (backlink sources, orphans, layout key).
 * 3. `embedReach`: the notes whose embeds' check can reach a changed note (checked again).
 * 4. `keptNeighbours`: who links to and who embeds each note, for `pagesToCheck`.
 */
import type { Diagnostic, NoteId, ParsedNote, ResolvedLink } from '../shared/types.ts';
import { buildLinkIndex, type LinkIndex } from '../shared/links/link-index.ts';
import type { TargetMemo } from '../shared/links/resolve-link.ts';
import { resolveNoteLinks } from '../resolve/index.ts';
import type { KeptLinks } from '../graph/kept-links-graph.ts';
import { AskedMap } from './asked-map.ts';
import { keptTarget, orderOf, type DerivedFacts } from './derived-facts.ts';
import type { LinkNeighbours } from './text-only.ts';

/** What a build where only text changed derives over: the changed notes and the previous build's facts and report. */
export interface TextOnlyBasis {
  changed: ReadonlySet<NoteId>;
  facts: DerivedFacts;
  report: import('../shared/types.ts').CheckReport;
}

/** Whether `facts` number the notes as `notes` are ordered (the same notes, in the same order, each with as many links). */
export function factsFit(facts: DerivedFacts, notes: readonly ParsedNote[]): boolean {
  if (facts.links.length !== notes.length) return false;
  for (let i = 0; i < notes.length; i++) if (facts.links[i]!.length !== notes[i]!.links.length) return false;
  return facts.order === orderOf(notes.map((n) => n.id));
}

/** The resolve stage over kept facts: links resolved when asked for, diagnostics by note (the changed notes' made now), in note order. */
export function resolveOverKept(
  notes: readonly ParsedNote[],
  attachments: readonly string[],
  basis: TextOnlyBasis,
): { index: LinkIndex; links: ReadonlyMap<NoteId, ResolvedLink[]>; diagnostics: Diagnostic[]; diagnosticsByNote: Map<NoteId, Diagnostic[]> } {
  const index = buildLinkIndex(
    notes.map((n) => ({ id: n.id, publish: n.frontmatter.publish })),
    attachments,
  );
  const byId = new Map(notes.map((n) => [n.id, n]));
  const memo: TargetMemo = new Map();
  const made = new Map<NoteId, Diagnostic[]>();
  const links = new AskedMap(
    notes.map((n) => n.id),
    (id) => {
      const r = resolveNoteLinks(byId.get(id)!, index, byId, memo);
      made.set(id, r.diagnostics);
      return r.links;
    },
  );
  const kept = new Map(basis.facts.linkDiagnostics);
  const diagnostics: Diagnostic[] = [];
  const diagnosticsByNote = new Map<NoteId, Diagnostic[]>();
  for (const n of notes) {
    if (basis.changed.has(n.id)) links.get(n.id);
    const list = basis.changed.has(n.id) ? made.get(n.id)! : (kept.get(n.id) ?? []);
    diagnosticsByNote.set(n.id, list);
    diagnostics.push(...list);
  }
  return { index, links, diagnostics, diagnosticsByNote };
}

/** What the graph stage reads of the kept links (`graphOfKeptLinks`), for the published notes among `notes`. */
export function keptLinksOf(notes: readonly ParsedNote[], facts: DerivedFacts, layoutKey: string | undefined): KeptLinks {
  const backlinkSources = new Map<NoteId, NoteId[]>();
  const numberOf = new Map(notes.map((n, i) => [n.id, i]));
  facts.links.forEach((codes, s) => {
    const source = notes[s]!;
    if (!source.frontmatter.publish) return;
    for (const code of codes) {
      const t = keptTarget(s, code);
      if (t?.kind !== 'note' || !notes[t.note]!.frontmatter.publish) continue;
      const target = notes[t.note]!.id;
      const list = backlinkSources.get(target);
      if (!list) backlinkSources.set(target, [source.id]);
      else if (list[list.length - 1] !== source.id) list.push(source.id);
    }
  });
  return {
    backlinkSources,
    orphans: [...facts.orphans],
    linkedOf: (id) => {
      const s = numberOf.get(id);
      if (s === undefined) return [];
      return (facts.links[s] ?? []).flatMap((code) => {
        const t = keptTarget(s, code);
        return t && t.kind !== 'self' ? [notes[t.note]!.id] : [];
      });
    },
    ...(layoutKey ? { layoutKey } : {}),
  };
}

/** Who links to and who embeds each note (`targetOf` in text-only.ts: a self link counts), from the kept links and the notes' own. */
export function keptNeighbours(notes: readonly ParsedNote[], facts: DerivedFacts): LinkNeighbours {
  const linkers = new Map<NoteId, NoteId[]>();
  const embedders = new Map<NoteId, NoteId[]>();
  const targets = new Map<NoteId, NoteId[]>();
  const push = (map: Map<NoteId, NoteId[]>, key: NoteId, value: NoteId) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  facts.links.forEach((codes, s) => {
    const source = notes[s]!;
    codes.forEach((code, i) => {
      const t = keptTarget(s, code);
      if (!t) return;
      const target = notes[t.note]!.id;
      push(linkers, target, source.id);
      push(targets, source.id, target);
      if (source.links[i]!.kind === 'embed') push(embedders, target, source.id);
    });
  });
  return { linkers: (id) => linkers.get(id) ?? [], embedders: (id) => embedders.get(id) ?? [], targets: (id) => targets.get(id) ?? [] };
}

/** The notes whose embeds' check can reach one of `changed`: the changed notes and every note embedding one of these, at any depth. */
export function embedReach(changed: ReadonlySet<NoteId>, neighbours: LinkNeighbours): Set<NoteId> {
  const reach = new Set<NoteId>();
  const todo = [...changed];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (reach.has(id)) continue;
    reach.add(id);
    todo.push(...neighbours.embedders(id));
  }
  return reach;
}
