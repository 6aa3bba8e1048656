/**
 * The graph's edge rule (src/graph/note-edges.ts) over notes parsed and resolved as a build does: one edge per
 * published target in link order, self-links and links to unpublished or missing notes left out, and each edge's
 * kinds in first-seen order, as one of four frozen lists shared by every edge (a garden's edges are kept for every
 * note by the graph stage and the dev server).
 */
import { describe, expect, it } from 'vitest';
import { parseNote as parse } from '../src/compile/parse/index.ts';
import { edgeKinds, noteEdges } from '../src/graph/note-edges.ts';
import { resolveGarden } from '../src/resolve/index.ts';
import { toNoteId, toNotePath } from '../src/shared/ids.ts';
import type { NoteId, ParsedNote } from '../src/shared/types.ts';

function parseNote(file: string, text: string): ParsedNote {
  const p = toNotePath(file);
  return parse({ path: p, id: toNoteId(p), hash: text }, text).note;
}

describe('noteEdges', () => {
  const notes = [
    parseNote('A.md', '# A\n\n[[B]] then ![[B]]; ![[C]] then [[C]] and [[C#Top]]; [[D]] twice: [[D]]; [[A]], [[Hidden]], [[Nowhere]]. ![[E]]\n'),
    parseNote('B.md', '# B\n\n[[A]] and ![[A]]\n'),
    parseNote('C.md', '# C\n\n## Top\n'),
    parseNote('D.md', '# D\n'),
    parseNote('E.md', '# E\n'),
    parseNote('Hidden.md', '---\npublish: false\n---\n# Hidden\n'),
  ];
  const nodes = new Set(notes.filter((n) => n.frontmatter.publish).map((n) => n.id));
  const links = resolveGarden(notes, []).links;
  const edgesOf = (id: string) => noteEdges(id as NoteId, links.get(id as NoteId) ?? [], nodes);

  it('makes one edge per published target, in link order, with its kinds in first-seen order', () => {
    expect(nodes.has('Hidden' as NoteId)).toBe(false);
    expect(edgesOf('A')).toEqual([
      { target: 'B', kinds: ['link', 'embed'] },
      { target: 'C', kinds: ['embed', 'link'] },
      { target: 'D', kinds: ['link'] },
      { target: 'E', kinds: ['embed'] },
    ]);
    expect(edgesOf('Hidden')).toEqual([]);
  });

  it('shares one frozen list for each combination of kinds', () => {
    const [b, c, d, e] = edgesOf('A');
    expect(b!.kinds).toBe(edgeKinds.linkEmbed);
    expect(c!.kinds).toBe(edgeKinds.embedLink);
    expect(d!.kinds).toBe(edgeKinds.link);
    expect(e!.kinds).toBe(edgeKinds.embed);
    expect(edgesOf('B')[0]!.kinds).toBe(edgeKinds.linkEmbed);
    for (const list of Object.values(edgeKinds)) expect(Object.isFrozen(list)).toBe(true);
  });
});
