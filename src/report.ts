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
    for (const link of links.get(note.id) ?? []) {
      report.links++;
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
  return report;
}
