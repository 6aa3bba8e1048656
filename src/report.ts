/**
 * The link report of `trellis check --json`: broken links, ambiguous links,
 * broken anchors and orphans, with vault-relative paths.
 */
import type { CheckReport, NoteId, ParsedNote, ResolvedLink } from './shared/types.ts';

/** Build the report from parsed notes and their resolved links. */
export function buildCheckReport(notes: readonly ParsedNote[], links: ReadonlyMap<NoteId, readonly ResolvedLink[]>, orphans: readonly NoteId[]): CheckReport {
  const pathOf = new Map(notes.map((n) => [n.id, n.path]));
  const report: CheckReport = {
    notes: notes.length,
    links: 0,
    broken: [],
    ambiguous: [],
    brokenAnchors: [],
    orphans: orphans.map((id) => pathOf.get(id) ?? id),
  };
  for (const note of notes) {
    const list = links.get(note.id) ?? [];
    report.links += list.length;
    addNoteEntries(report, note, list, pathOf);
  }
  return report;
}

/**
 * The report of a garden whose links all lead where they led when `previous` was made (only text
 * changed): the entries of the notes in `changed` made again (their links moved in the source),
 * every other note's as `previous` lists them, in note order. When the changed notes' links changed
 * too (no note's outline did: every other note's links lead where they led), `linksChanged` gives the
 * garden's orphans now and how many links each note (by number) had before, and the link count follows.
 */
export function reportOverPrevious(
  notes: readonly ParsedNote[],
  links: Pick<ReadonlyMap<NoteId, readonly ResolvedLink[]>, 'get'>,
  changed: ReadonlySet<NoteId>,
  previous: CheckReport,
  linksChanged?: { orphans: readonly NoteId[]; linksBefore: (note: number) => number },
): CheckReport {
  const pathOf = new Map(notes.map((n) => [n.id, n.path]));
  const orphans = linksChanged ? linksChanged.orphans.map((id) => pathOf.get(id) ?? id) : [...previous.orphans];
  const report: CheckReport = { notes: notes.length, links: previous.links, broken: [], ambiguous: [], brokenAnchors: [], orphans };
  const [broken, ambiguous, brokenAnchors] = [bySource(previous.broken), bySource(previous.ambiguous), bySource(previous.brokenAnchors)];
  notes.forEach((note, n) => {
    if (changed.has(note.id)) {
      const list = links.get(note.id) ?? [];
      if (linksChanged) report.links += list.length - linksChanged.linksBefore(n);
      addNoteEntries(report, note, list, pathOf);
      return;
    }
    report.broken.push(...(broken.get(note.path) ?? []));
    report.ambiguous.push(...(ambiguous.get(note.path) ?? []));
    report.brokenAnchors.push(...(brokenAnchors.get(note.path) ?? []));
  });
  return report;
}

/** A report's entries by their source note's path, in their order. */
function bySource<T extends { source: string }>(entries: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const e of entries) {
    const list = out.get(e.source);
    if (list) list.push(e);
    else out.set(e.source, [e]);
  }
  return out;
}

/** Add the entries of one note's links to `report`. */
function addNoteEntries(report: CheckReport, note: ParsedNote, links: readonly ResolvedLink[], pathOf: ReadonlyMap<NoteId, string>): void {
  for (const link of links) {
    const { ref, resolution: r } = link;
    const written = ref.target + (ref.block ? `#^${ref.block}` : ref.headings.map((h) => '#' + h).join(''));
    if (r.kind === 'missing') report.broken.push({ source: note.path, line: ref.position.line, column: ref.position.column, target: written });
    if ((r.kind === 'note' || r.kind === 'self') && r.anchor && !r.anchor.found) {
      const target = r.kind === 'note' ? (pathOf.get(r.target) ?? r.target) : note.path;
      report.brokenAnchors.push({
        source: note.path,
        line: ref.position.line,
        target,
        anchor: r.anchor.kind === 'block' ? '^' + r.anchor.id : r.anchor.text,
      });
    }
    if (link.ambiguous) {
      report.ambiguous.push({
        source: note.path,
        line: ref.position.line,
        target: ref.target,
        chosen: pathOf.get(link.ambiguous[0]!) ?? link.ambiguous[0]!,
        candidates: link.ambiguous.map((c) => pathOf.get(c) ?? c),
      });
    }
  }
}
