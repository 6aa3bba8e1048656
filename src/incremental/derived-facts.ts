/**
 * What a build derived of the garden's structure, kept beside the cache for the next build
 * (docs/architecture.md, "A warm build of edited text"): where every link leads, the orphans, and
 * the diagnostics of each note's links and embeds. When only text changed, every link of every
 * note leads where it led, so the next build reads these instead of resolving every link, deriving
 * the graph and checking every note's embeds (src/incremental/text-only-derive.ts).
 */
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, NoteId, Resolution, ResolvedLink } from '../shared/types.ts';
import { cacheDir } from '../store/cache.ts';
import { codeFingerprint } from '../version.ts';

/**
 * The kept facts. Notes are numbered in the model's order (`order` is the digest of their ids in
 * it); each link is one number: a `note` resolution the target's number, an `unpublished` one
 * -3 minus it, `self` -2, anything else -1.
 */
export interface DerivedFacts {
  /** The code that derived them (src/version.ts). */
  code: string;
  /** The build fingerprint of the site they belong to (its build record's). */
  fingerprint: string;
  order: string;
  /** Each note's links, in the model's note order and each note's link order. */
  links: number[][];
  /** The links that are embeds, as [note number, its embeds' link numbers], for the notes with any. */
  embeds: [number, number[]][];
  orphans: NoteId[];
  /** Each note's link diagnostics (the resolve stage's), for the notes that have any. */
  linkDiagnostics: [NoteId, Diagnostic[]][];
  /** What checking each published note's embeds reported, for the notes where it reported anything. */
  embedDiagnostics: [NoteId, Diagnostic[]][];
}

/** The facts of a model, before they are given the fingerprint of the site they belong to. */
export type ModelFacts = Omit<DerivedFacts, 'code' | 'fingerprint'>;

const self = -2;
const none = -1;

/** The digest of the notes' ids in their order. */
export function orderOf(ids: readonly NoteId[]): string {
  const h = createHash('sha256');
  // One string hashed once (the same bytes as two updates an id, 20k of them at 10k notes, in every warm build).
  if (ids.length > 0) h.update(`${ids.join('\u0000')}\u0000`);
  return h.digest('base64url');
}

/** The facts of a fully derived model: its notes' ids in order, their resolved links, orphans and diagnostics. */
export function modelFacts(
  ids: readonly NoteId[],
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
  orphans: readonly NoteId[],
  linkDiagnostics: ReadonlyMap<NoteId, readonly Diagnostic[]>,
  embedDiagnostics: ReadonlyMap<NoteId, readonly Diagnostic[]>,
): ModelFacts {
  const numberOf = new Map(ids.map((id, i) => [id, i]));
  return {
    order: orderOf(ids),
    links: ids.map((id) => linkCodes(links.get(id) ?? [], numberOf)),
    embeds: ids.flatMap((id, n) => {
      const embeds = embedIndexes(links.get(id) ?? []);
      return embeds.length > 0 ? [[n, embeds] as [number, number[]]] : [];
    }),
    orphans: [...orphans],
    linkDiagnostics: nonEmpty(linkDiagnostics),
    embedDiagnostics: nonEmpty(embedDiagnostics),
  };
}

/** A note's links as kept: one number each (see `DerivedFacts`), notes numbered by `numberOf`. */
export function linkCodes(links: readonly ResolvedLink[], numberOf: ReadonlyMap<NoteId, number>): number[] {
  const encode = (r: Resolution): number => {
    if (r.kind === 'note') return numberOf.get(r.target) ?? none;
    if (r.kind === 'unpublished') {
      const n = numberOf.get(r.target);
      return n === undefined ? none : -3 - n;
    }
    return r.kind === 'self' ? self : none;
  };
  return links.map((l) => encode(l.resolution));
}

/** The link numbers of a note's embeds. */
export function embedIndexes(links: readonly ResolvedLink[]): number[] {
  return links.flatMap((l, i) => (l.ref.kind === 'embed' ? [i] : []));
}

/**
 * The kept facts with the links and embeds of the `changed` notes (by number) as they resolve now
 * (`links`): what a build of changed links knows of every link without resolving the others.
 */
export function withChangedLinks(
  facts: DerivedFacts,
  ids: readonly NoteId[],
  changed: ReadonlySet<NoteId>,
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
): DerivedFacts {
  const numberOf = new Map(ids.map((id, i) => [id, i]));
  const numbers = [...changed].flatMap((id) => numberOf.get(id) ?? []);
  const next = [...facts.links];
  const embeds = new Map(facts.embeds);
  for (const n of numbers) {
    const list = links.get(ids[n]!) ?? [];
    next[n] = linkCodes(list, numberOf);
    const found = embedIndexes(list);
    if (found.length > 0) embeds.set(n, found);
    else embeds.delete(n);
  }
  return { ...facts, links: next, embeds: [...embeds].sort((a, b) => a[0] - b[0]) };
}

/**
 * The facts of a model derived over `kept` (only text changed): the links, embeds and orphans are
 * the kept ones; the diagnostics are this build's (the changed notes' made again).
 */
export function factsOverKept(
  kept: ModelFacts,
  linkDiagnostics: ReadonlyMap<NoteId, readonly Diagnostic[]>,
  embedDiagnostics: ReadonlyMap<NoteId, readonly Diagnostic[]>,
): ModelFacts {
  return {
    order: kept.order,
    links: kept.links,
    embeds: kept.embeds,
    orphans: kept.orphans,
    linkDiagnostics: nonEmpty(linkDiagnostics),
    embedDiagnostics: nonEmpty(embedDiagnostics),
  };
}

/** The lists of `map` that are not empty, as pairs. */
function nonEmpty(map: ReadonlyMap<NoteId, readonly Diagnostic[]>): [NoteId, Diagnostic[]][] {
  return [...map].flatMap(([id, list]) => (list.length > 0 ? [[id, [...list]] as [NoteId, Diagnostic[]]] : []));
}

/** The number of the note link `code` (as kept) of note number `source` leads to, or -1 (as `keptTarget`, without an object: passes over every link use it). */
export function keptTargetNumber(source: number, code: number): number {
  if (code >= 0) return code;
  if (code === self) return source;
  if (code <= -3) return -3 - code;
  return -1;
}

/** Where link `code` (as kept) of note number `source` leads: a note's number and whether the resolution was `note` (published), or undefined. */
export function keptTarget(source: number, code: number): { note: number; kind: 'note' | 'unpublished' | 'self' } | undefined {
  const note = keptTargetNumber(source, code);
  if (note < 0) return undefined;
  return { note, kind: code >= 0 ? 'note' : code === self ? 'self' : 'unpublished' };
}

function factsFile(gardenRoot: string): string {
  return `${cacheDir(gardenRoot)}-derived.json`;
}

/** The kept facts of the site built with `fingerprint` by this code, when they are the last build's. */
export function readDerivedFacts(gardenRoot: string, fingerprint: string): DerivedFacts | undefined {
  try {
    const facts = JSON.parse(readFileSync(factsFile(gardenRoot), 'utf8')) as DerivedFacts;
    return facts.fingerprint === fingerprint && facts.code === codeFingerprint() ? facts : undefined;
  } catch {
    return undefined;
  }
}

/** Keep the facts of a finished build (the site built with `fingerprint`). */
export async function writeDerivedFacts(gardenRoot: string, fingerprint: string, facts: ModelFacts): Promise<void> {
  const file = factsFile(gardenRoot);
  const value: DerivedFacts = {
    order: facts.order,
    links: facts.links,
    embeds: facts.embeds,
    orphans: facts.orphans,
    linkDiagnostics: facts.linkDiagnostics,
    embedDiagnostics: facts.embedDiagnostics,
    code: codeFingerprint(),
    fingerprint,
  };
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(value));
  await fs.rename(tmp, file);
}
