/**
 * Deriving a garden where only text changed since the previous build (src/incremental/text-only.ts
 * decided it once the changed notes were compiled): every link of every note leads where it led,
 * so what the previous build derived of the links (derived-facts.ts) is this build's too. Nothing
 * here passes over every link: a note's links are resolved when a page, a feed or a changed note
 * asks for them; the link diagnostics, the report and the embeds' diagnostics of the notes the
 * change cannot reach are the previous build's.
 *
 * 1. `resolveOverKept`: links resolved when asked; diagnostics of the changed notes made again.
 * 2. `KeptLinkIndex`: who links to and embeds each note, from the kept numbers: the graph's view
 *    of the kept links (backlink sources, mention keys) and `pagesToCheck`'s neighbours.
 *    A build of changed links (`LinkChangeBasis`, with the changed notes' numbers made again) takes
 *    the graph's edges from them too (`edgesOf`), so it resolves only the links pages ask for.
 * 3. `embedReach`: the notes whose embeds' check can reach a changed note (checked again).
 */
import type { CheckReport, Diagnostic, NoteId, ParsedNote, ResolvedLink } from '../shared/types.ts';
import { buildLinkIndex, type LinkIndex } from '../shared/links/link-index.ts';
import type { TargetMemo } from '../shared/links/resolve-link.ts';
import { resolveNoteLinks } from '../resolve/index.ts';
import type { KeptLinks } from '../graph/kept-links-graph.ts';
import type { KnownBacklinks, SourceLinks } from '../graph/backlinks.ts';
import { edgesFrom, type GraphNodes, type NoteEdge } from '../graph/note-edges.ts';
import { AskedMap } from './asked-map.ts';
import { keptTarget, keptTargetNumber, orderOf, type DerivedFacts } from './derived-facts.ts';
import type { LinkNeighbours } from './text-only.ts';

/** What a build where only text changed derives over: the changed notes and the previous build's facts and report. */
export interface TextOnlyBasis {
  changed: ReadonlySet<NoteId>;
  facts: DerivedFacts;
  report: CheckReport;
}

/**
 * What a build where text and links changed but no note's outline derives over (text-only.ts,
 * `linkChange`): every unchanged note's links lead where they led and its embeds are the ones it had,
 * so the embeds' check of a note whose embeds reach no changed note (through unchanged notes) finds
 * what it found; only those are taken from the kept facts (`embedReach` over their numbers).
 */
export interface LinkChangeBasis {
  changed: ReadonlySet<NoteId>;
  facts: DerivedFacts;
  /**
   * The report of the build the facts are from: with it, the links of the notes no change reaches are
   * not resolved at all (`resolveOverKept`, the edges from the kept numbers, `reportOverPrevious`).
   */
  report?: CheckReport;
}

/** Whether `facts` number the notes as `notes` are ordered (the same notes in the same order), whatever their links now. */
export function orderFits(facts: DerivedFacts, notes: readonly ParsedNote[]): boolean {
  return facts.links.length === notes.length && facts.order === orderOf(notes.map((n) => n.id));
}

/**
 * Whether `facts` number the notes as `notes` are ordered: the same notes in the same order, and
 * each changed note with as many links (an unchanged note has the content, and so the links, it
 * had; the others' links are not read for this, they are parsed only when asked for).
 */
export function factsFit(facts: DerivedFacts, notes: readonly ParsedNote[], changed: ReadonlySet<NoteId>): boolean {
  if (!orderFits(facts, notes)) return false;
  return notes.every((n, i) => !changed.has(n.id) || facts.links[i]!.length === n.links.length);
}

/** The resolve stage over kept facts: links resolved when asked for, diagnostics by note (the changed notes' made now), in note order. */
export function resolveOverKept(
  notes: readonly ParsedNote[],
  attachments: readonly string[],
  basis: Pick<TextOnlyBasis, 'changed' | 'facts'>,
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

/**
 * Who links to each note, from the kept link numbers: every link's source by its target (a link
 * to itself counting), in source order, as arrays of note numbers (one pass over the numbers; a
 * map of lists by id cost ~0.1 s at 10k notes).
 */
export class KeptLinkIndex {
  readonly #notes: readonly ParsedNote[];
  readonly #facts: DerivedFacts;
  readonly #numberOf: Map<NoteId, number>;
  /** Where each target's sources start in `#sources` (target t: `#start[t]` to `#start[t + 1]`). */
  readonly #start: Int32Array;
  readonly #sources: Int32Array;
  /** The kind of each of `#sources`' links: 1 an embed, 2 a `note` resolution (a published target), bits. */
  readonly #kinds: Uint8Array;
  /** The link numbers of each note's embeds, for the notes with any. */
  readonly #embeds: ReadonlyMap<number, ReadonlySet<number>>;

  constructor(notes: readonly ParsedNote[], facts: DerivedFacts) {
    this.#notes = notes;
    this.#facts = facts;
    this.#numberOf = new Map(notes.map((n, i) => [n.id, i]));
    // Plain loops over the numbers, no object per link: ~75k links at 10k notes, in every warm build.
    const links = facts.links;
    const start = new Int32Array(notes.length + 1);
    for (let s = 0; s < links.length; s++) {
      const codes = links[s] ?? [];
      for (let i = 0; i < codes.length; i++) {
        const t = keptTargetNumber(s, codes[i]!);
        if (t >= 0) start[t + 1]!++;
      }
    }
    for (let t = 0; t < notes.length; t++) start[t + 1]! += start[t]!;
    const at = start.slice(0, notes.length);
    const embeds = new Map(facts.embeds.map(([s, list]) => [s, new Set(list)]));
    this.#embeds = embeds;
    const sources = new Int32Array(start[notes.length]!);
    const kinds = new Uint8Array(start[notes.length]!);
    for (let s = 0; s < links.length; s++) {
      const codes = links[s] ?? [];
      const embedded = embeds.get(s);
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i]!;
        const t = keptTargetNumber(s, code);
        if (t < 0) continue;
        const k = at[t]!++;
        sources[k] = s;
        // A code of 0 or more is a `note` resolution (keptTarget).
        kinds[k] = (embedded?.has(i) ? 1 : 0) | (code >= 0 ? 2 : 0);
      }
    }
    this.#sources = sources;
    this.#kinds = kinds;
    this.#start = start;
  }

  /** Who embeds each note, and where each note's links lead (`LinkNeighbours`, for `pagesToCheck`). */
  neighbours(): LinkNeighbours {
    return {
      embedders: (id) => this.#embeddersOf(id),
      targets: (id) => this.#targetsOf(id, (kind) => kind !== undefined),
    };
  }

  /** What the graph stage reads of the kept links (`graphOfKeptLinks`), for the published notes. */
  keptLinks(orphans: readonly NoteId[], layoutKey: string | undefined): KeptLinks {
    return {
      backlinks: this.knownBacklinks(),
      orphans: [...orphans],
      linkedOf: (id) => this.#targetsOf(id, (kind) => kind === 'note' || kind === 'unpublished'),
      ...(layoutKey ? { layoutKey } : {}),
    };
  }

  /** Each published target's published sources with a `note` link to it, each once, in note order, and each source's links as backlinks read them. */
  knownBacklinks(): KnownBacklinks {
    const notes = this.#notes;
    const published = notes.filter((n) => n.frontmatter.publish).map((n) => n.id);
    const sources = new AskedMap(published, (id) => {
      const t = this.#numberOf.get(id)!;
      const out: NoteId[] = [];
      for (let k = this.#start[t]!; k < this.#start[t + 1]!; k++) {
        const source = notes[this.#sources[k]!]!;
        if ((this.#kinds[k]! & 2) === 0 || !source.frontmatter.publish || out[out.length - 1] === source.id) continue;
        out.push(source.id);
      }
      return out;
    });
    // A source's links from its kept numbers: a page's backlinks read its sources' links without resolving them.
    return { sources, linksOf: (id) => this.#linksOf(id) };
  }

  /**
   * The graph's edges from `id` (`noteEdges`' rule) from the kept numbers: its `note` links to other
   * published notes (`nodes`), one edge per target in link order, with the kinds of its links to it.
   */
  edgesOf(nodes: GraphNodes): (id: NoteId) => NoteEdge[] {
    return (id) => (this.#numberOf.has(id) ? edgesFrom(id, this.#linksOf(id), nodes) : []);
  }

  /** The links of note `id` as backlinks and edges read them (`SourceLinks`), from its kept numbers. */
  #linksOf(id: NoteId): SourceLinks {
    const s = this.#numberOf.get(id)!;
    const codes = this.#facts.links[s] ?? [];
    const embeds = this.#embeds.get(s);
    return {
      count: codes.length,
      kind: (i) => (embeds?.has(i) ? 'embed' : 'link'),
      target: (i) => {
        const t = keptTarget(s, codes[i]!);
        return t?.kind === 'note' ? this.#notes[t.note]!.id : undefined;
      },
    };
  }

  /** The sources of the embeds of `id` (kind bit 1), in source order. */
  #embeddersOf(id: NoteId): NoteId[] {
    const t = this.#numberOf.get(id);
    if (t === undefined) return [];
    const out: NoteId[] = [];
    for (let k = this.#start[t]!; k < this.#start[t + 1]!; k++) if ((this.#kinds[k]! & 1) !== 0) out.push(this.#notes[this.#sources[k]!]!.id);
    return out;
  }

  /** Where the links of `id` lead whose kind `keep` takes, in link order. */
  #targetsOf(id: NoteId, keep: (kind: 'note' | 'unpublished' | 'self' | undefined) => boolean): NoteId[] {
    const s = this.#numberOf.get(id);
    if (s === undefined) return [];
    const out: NoteId[] = [];
    for (const code of this.#facts.links[s] ?? []) {
      const t = keptTarget(s, code);
      if (t && keep(t.kind)) out.push(this.#notes[t.note]!.id);
    }
    return out;
  }
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
