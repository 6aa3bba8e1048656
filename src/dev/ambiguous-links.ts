/**
 * After a rename: the links that the note's new name made ambiguous. When
 * other notes share the new file name, a `[[Name]]` written elsewhere now
 * matches several notes (docs/linking.md, rule 5) and may resolve to another
 * one than before. Body links carry their candidates from resolution;
 * frontmatter links are resolved here.
 */
import { baseName, nameKey } from '../shared/ids.ts';
import { buildLinkIndex } from '../shared/links/link-index.ts';
import { resolveTarget } from '../shared/links/resolve-target.ts';
import type { NoteId } from '../shared/types.ts';
import { readFrontmatterLinks } from './frontmatter-links.ts';
import type { GardenState } from './garden-state.ts';

/** A link whose target now matches the renamed note and at least one other. Lines and columns are 1-based. */
export interface AmbiguousLink {
  file: string;
  line: number;
  column: number;
  /** The link as written. */
  link: string;
}

/** Every link of the garden whose candidates include the note `id` among others, in file and position order. */
export async function findAmbiguousLinks(state: GardenState, id: NoteId): Promise<AmbiguousLink[]> {
  const view = state.view();
  const name = nameKey(baseName(id));
  if (view.notes.filter((n) => nameKey(baseName(n.parsed.id)) === name).length < 2) return [];
  const index = buildLinkIndex(
    view.notes.map((n) => ({ id: n.parsed.id, publish: true })),
    state.attachmentList().map((a) => a.path),
  );
  const out: AmbiguousLink[] = [];
  const texts = state.sources(view.notes.map((n) => n.parsed.path));
  for (const n of view.notes) {
    const text = (await texts.next()).value;
    // A note whose file changed since it was read is left to the change on its way.
    if (text === undefined) continue;
    for (const l of state.linksOf(n.parsed.id)) {
      // Frontmatter links are found below, each at its own place in the value.
      if (!l.ambiguous?.includes(id) || l.ref.syntax === 'property') continue;
      out.push({ file: n.parsed.path, line: l.ref.position.line, column: l.ref.position.column, link: text.slice(l.ref.range[0], l.ref.range[1]) });
    }
    for (const s of readFrontmatterLinks(text, name)?.strings ?? []) {
      s.links.forEach((l, i) => {
        const r = resolveTarget(index, n.parsed.id, l.target);
        if (r.kind !== 'note' || !r.candidates?.includes(id)) return;
        out.push({ file: n.parsed.path, ...lineColumn(text, s.offsets[i]!), link: s.value.slice(l.range[0], l.range[1]) });
      });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
