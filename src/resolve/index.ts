/**
 * Resolve stage: every link of every note against the link index.
 *
 * 1. Index notes by path and file name, attachments by path and name.
 * 2. Resolve each link (docs/linking.md): exact path, name, path suffix,
 *    relative; rank duplicates and report ambiguity.
 * 3. Check heading and block anchors against the target's facts.
 * 4. Report broken links, broken anchors and ambiguous links as diagnostics.
 */
import { ruleIds } from '../constants.ts';
import type { Diagnostic, NoteId, ParsedNote, ResolvedLink } from '../shared/types.ts';
import { buildLinkIndex, type LinkIndex } from '../shared/links/link-index.ts';
import { checkAnchor, resolveLink, type TargetMemo } from '../shared/links/resolve-link.ts';

/** The resolve stage's output. */
export interface ResolveResult {
  index: LinkIndex;
  /** Links per source note, in source order. */
  links: Map<NoteId, ResolvedLink[]>;
  diagnostics: Diagnostic[];
  /** The same diagnostics, by the note whose link they are about. */
  diagnosticsByNote: Map<NoteId, Diagnostic[]>;
}

/** Resolve every link of `notes` (all notes, published or not). */
export function resolveGarden(notes: readonly ParsedNote[], attachments: readonly string[]): ResolveResult {
  const index = buildLinkIndex(
    notes.map((n) => ({ id: n.id, publish: n.frontmatter.publish })),
    attachments,
  );
  const byId = new Map(notes.map((n) => [n.id, n]));
  const links = new Map<NoteId, ResolvedLink[]>();
  const diagnostics: Diagnostic[] = [];
  const diagnosticsByNote = new Map<NoteId, Diagnostic[]>();
  // Most targets are written by many notes: each is looked up once (where the linking note does not matter).
  const memo: TargetMemo = new Map();
  for (const note of notes) {
    const r = resolveNoteLinks(note, index, byId, memo);
    links.set(note.id, r.links);
    diagnostics.push(...r.diagnostics);
    diagnosticsByNote.set(note.id, r.diagnostics);
  }
  return { index, links, diagnostics, diagnosticsByNote };
}

/** Resolve the links of one note, checking anchors against the target notes' facts. */
export function resolveNoteLinks(
  note: ParsedNote,
  index: LinkIndex,
  byId: ReadonlyMap<NoteId, ParsedNote>,
  memo?: TargetMemo,
): { links: ResolvedLink[]; diagnostics: Diagnostic[] } {
  const out: ResolvedLink[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const ref of note.links) {
    const { resolution, ambiguous } = resolveLink(index, note.id, ref, memo);
    let r = resolution;
    const where = () => ({ file: note.path, line: ref.position.line, column: ref.position.column });
    if ((r.kind === 'note' || r.kind === 'self') && r.anchor) {
      const target = r.kind === 'note' ? byId.get(r.target)! : note;
      const anchor = checkAnchor(r.anchor, target.headings, target.blocks, ref.headings);
      r = { ...r, anchor };
      if (!anchor.found) {
        const what = anchor.kind === 'block' ? `block \`^${anchor.id}\`` : `heading \`${anchor.text}\``;
        diagnostics.push({
          ...where(),
          ruleId: anchor.kind === 'block' ? ruleIds.missingBlock : ruleIds.missingHeading,
          severity: 'warning',
          reason: `Cannot find ${what} in \`${target.path}\``,
        });
      }
    }
    if (r.kind === 'missing') {
      const written = ref.target + (ref.block ? `#^${ref.block}` : ref.headings.map((h) => '#' + h).join(''));
      diagnostics.push({
        ...where(),
        ruleId: ref.kind === 'embed' && /\.\w+$/.test(ref.target) && !/\.md$/i.test(ref.target) ? ruleIds.missingAttachment : ruleIds.missingNote,
        severity: 'warning',
        reason: `Cannot find \`${written}\``,
      });
    }
    if (ambiguous) {
      diagnostics.push({
        ...where(),
        ruleId: ruleIds.ambiguousLink,
        severity: 'info',
        reason: `\`${ref.target}\` matches ${ambiguous.length} notes; chose \`${ambiguous[0]}\` (under the linking note's folder first, then the shortest path, as Obsidian does). Write a longer path to choose: ${ambiguous.map((c) => `\`${c}\``).join(', ')}`,
      });
    }
    out.push(ambiguous ? { source: note.id, ref, resolution: r, ambiguous } : { source: note.id, ref, resolution: r });
  }
  return { links: out, diagnostics };
}
