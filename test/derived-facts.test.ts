/**
 * What a build keeps of its links for the next one (src/incremental/derived-facts.ts), the map that
 * makes a value when asked (src/incremental/asked-map.ts), and the derive over kept facts
 * (src/incremental/text-only-derive.ts) against the full derive of the same notes.
 */
import { describe, expect, it } from 'vitest';
import { AskedMap } from '../src/incremental/asked-map.ts';
import { keptTarget, modelFacts, withChangedLinks, type DerivedFacts } from '../src/incremental/derived-facts.ts';
import { factsFit, KeptLinkIndex, resolveOverKept } from '../src/incremental/text-only-derive.ts';
import { linkNeighbours } from '../src/incremental/text-only.ts';
import { resolveGarden } from '../src/resolve/index.ts';
import { buildCheckReport, reportOverPrevious } from '../src/report.ts';
import type { Backlink, NoteId, ParsedNote, Slug } from '../src/shared/types.ts';
import { backlinkLinkNumber, deriveBacklinks, lazyBacklinks } from '../src/graph/backlinks.ts';
import { noteEdges } from '../src/graph/note-edges.ts';
import { parseNote as parse } from '../src/compile/parse/index.ts';
import { toNoteId, toNotePath } from '../src/shared/ids.ts';

/** The facts of one note, parsed from `text`. */
function parseNote(file: string, text: string): ParsedNote {
  const p = toNotePath(file);
  return parse({ path: p, id: toNoteId(p), hash: text }, text).note;
}

/** A small garden: links to notes, to itself, to an unpublished note, to nothing, an embed and a missing heading. */
function garden(): ParsedNote[] {
  const notes = [
    parseNote('A.md', '# A\n\nSee [[B]], [[A#Top]], [[Hidden]], [[Nowhere]] and ![[B]].\n'),
    parseNote('B.md', '# B\n\nBack to [[A]] and [[B#Missing]].\n'),
    parseNote('Hidden.md', '---\npublish: false\n---\n# Hidden\n\nLinks [[A]].\n'),
    parseNote('C.md', '# C\n\n![[A]]\n'),
  ];
  notes[2]!.frontmatter.publish = false;
  return notes;
}

function factsOf(notes: ParsedNote[]): DerivedFacts {
  const resolved = resolveGarden(notes, []);
  return {
    code: 'test',
    fingerprint: 'test',
    ...modelFacts(
      notes.map((n) => n.id),
      resolved.links,
      [],
      resolved.diagnosticsByNote,
      new Map(),
    ),
  };
}

describe('kept facts of the links', () => {
  it('number each link by where it leads, and read back as the same targets', () => {
    const notes = garden();
    const resolved = resolveGarden(notes, []);
    const facts = factsOf(notes);
    notes.forEach((n, s) => {
      const codes = facts.links[s]!;
      expect(codes).toHaveLength(n.links.length);
      resolved.links.get(n.id)!.forEach((l, i) => {
        const t = keptTarget(s, codes[i]!);
        const r = l.resolution;
        if (r.kind === 'note' || r.kind === 'unpublished') expect(t).toEqual({ note: notes.findIndex((x) => x.id === r.target), kind: r.kind });
        else if (r.kind === 'self') expect(t).toEqual({ note: s, kind: 'self' });
        else expect(t).toBeUndefined();
      });
    });
    const none = new Set<NoteId>();
    const b = new Set(['B' as NoteId]);
    expect(factsFit(facts, notes, none)).toBe(true);
    // Another order of the same notes, or a changed note with another number of links, does not fit.
    expect(factsFit(facts, [...notes].reverse(), none)).toBe(false);
    const changed = garden();
    changed[1] = parseNote('B.md', '# B\n\nBack to [[A]].\n');
    expect(factsFit(facts, changed, b)).toBe(false);
    // The links of a note not changed are not read for it (they are parsed when asked for).
    const unread = garden();
    Object.defineProperty(unread[0]!, 'links', {
      get: () => {
        throw new Error('read');
      },
    });
    expect(factsFit(facts, unread, b)).toBe(true);
  });

  it('give the same neighbours, backlink sources, diagnostics and report as resolving every link', () => {
    const notes = garden();
    const resolved = resolveGarden(notes, []);
    const facts = factsOf(notes);
    const full = linkNeighbours(resolved.links);
    const index = new KeptLinkIndex(notes, facts);
    const kept = index.neighbours();
    for (const n of notes) {
      expect([...kept.embedders(n.id)].sort()).toEqual([...full.embedders(n.id)].sort());
      expect([...kept.targets(n.id)].sort()).toEqual([...full.targets(n.id)].sort());
    }
    const known = index.keptLinks([], undefined).backlinks;
    const sources = known.sources;
    // Published sources with a link to a published target: A and B link to each other, C embeds A; Hidden is not published.
    expect(Object.fromEntries(sources)).toEqual({ A: ['B', 'C'], B: ['A'], C: [] });
    expect(index.keptLinks([], undefined).linkedOf('A' as NoteId)).toEqual(['B', 'Hidden', 'B']);
    // Backlinks over those sources are the ones derived from every link: C has none (undefined, not an empty list).
    const info = new Map(notes.filter((n) => n.frontmatter.publish).map((n) => [n.id, { title: n.title, url: `/${n.id}/` as Slug }]));
    const contextOf = () => undefined;
    const derived = deriveBacklinks(resolved.links, info, contextOf);
    const asked = lazyBacklinks(resolved.links, info, contextOf, Infinity, known);
    // Each from the same link of the same source, with its kind: read from the kept numbers, not resolved.
    const entries = (list: readonly Backlink[] | undefined) => list?.map((b) => [b.source, b.kind, backlinkLinkNumber(b)]);
    for (const n of notes) expect(entries(asked.get(n.id))).toEqual(entries(derived.get(n.id)));
    expect(entries(asked.get('A' as NoteId))).toEqual([
      ['B', 'link', 0],
      ['C', 'embed', 0],
    ]);
    expect(asked.size).toBe(derived.size);
    // B's text changed (its link moved): its diagnostics are made again, the others' are the kept ones.
    const edited = garden();
    edited[1] = parseNote('B.md', '# B\n\nWords before. Back to [[A]] and [[B#Missing]].\n');
    const basis = { changed: new Set(['B' as NoteId]), facts, report: buildCheckReport(notes, resolved.links, []) };
    const over = resolveOverKept(edited, [], basis);
    const again = resolveGarden(edited, []);
    expect(over.diagnostics).toEqual(again.diagnostics);
    expect(reportOverPrevious(edited, over.links, basis.changed, basis.report)).toEqual(buildCheckReport(edited, again.links, []));
    // Only the notes asked for were resolved: B (changed), then A when a page asks.
    expect((over.links as AskedMap<NoteId, unknown>).made).toBe(1);
    expect(over.links.get('A' as NoteId)).toEqual(again.links.get('A' as NoteId));
  });

  it("with a changed note's links made again, give what its new links give", () => {
    const notes = garden();
    const facts = factsOf(notes);
    // B's links changed: it no longer links A, embeds C, and links Hidden and itself.
    const edited = garden();
    edited[1] = parseNote('B.md', '# B\n\n![[C]], [[Hidden]] and [[B]].\n');
    const resolved = resolveGarden(edited, []);
    const ids = edited.map((n) => n.id);
    const updated = withChangedLinks(facts, ids, new Set(['B' as NoteId]), resolved.links);
    expect(updated).toEqual({
      ...facts,
      ...modelFacts(ids, resolved.links, [], resolved.diagnosticsByNote, new Map()),
      linkDiagnostics: facts.linkDiagnostics,
    });
    const index = new KeptLinkIndex(edited, updated);
    const full = linkNeighbours(resolved.links);
    const kept = index.neighbours();
    for (const n of edited) {
      expect([...kept.embedders(n.id)].sort()).toEqual([...full.embedders(n.id)].sort());
      expect([...kept.targets(n.id)].sort()).toEqual([...full.targets(n.id)].sort());
    }
    const info = new Map(edited.filter((n) => n.frontmatter.publish).map((n) => [n.id, { title: n.title, url: `/${n.id}/` as Slug }]));
    const derived = deriveBacklinks(resolved.links, info, () => undefined);
    const asked = lazyBacklinks(resolved.links, info, () => undefined, Infinity, index.knownBacklinks());
    const entries = (list: readonly Backlink[] | undefined) => list?.map((b) => [b.source, b.kind, backlinkLinkNumber(b)]);
    for (const n of edited) expect(entries(asked.get(n.id))).toEqual(entries(derived.get(n.id)));
    expect(entries(asked.get('C' as NoteId))).toEqual([['B', 'embed', 0]]);
    expect(entries(asked.get('A' as NoteId))).toEqual([['C', 'embed', 0]]);

    // The graph's edges from the numbers are the ones noteEdges makes of every resolved link: published
    // targets only, no self-link, one edge per target with its kinds (A links and embeds B).
    const nodes = new Set(edited.filter((n) => n.frontmatter.publish).map((n) => n.id));
    const edgesOf = index.edgesOf(nodes);
    for (const n of edited) expect(edgesOf(n.id), n.id).toEqual(noteEdges(n.id, resolved.links.get(n.id) ?? [], nodes));
    expect(edgesOf('A' as NoteId)).toEqual([{ target: 'B', kinds: ['link', 'embed'] }]);
    expect(edgesOf('B' as NoteId)).toEqual([{ target: 'C', kinds: ['embed'] }]);
    expect(edgesOf('Hidden' as NoteId)).toEqual([]);

    // The report over the previous one: B's entries and the link count made again, the orphans given.
    const before = resolveGarden(notes, []);
    const previous = buildCheckReport(notes, before.links, []);
    const over = resolveOverKept(edited, [], { changed: new Set(['B' as NoteId]), facts });
    const orphans = ['C' as NoteId];
    const report = reportOverPrevious(edited, over.links, new Set(['B' as NoteId]), previous, {
      orphans,
      linksBefore: (n) => facts.links[n]!.length,
    });
    expect(report).toEqual(buildCheckReport(edited, resolved.links, orphans));
    expect(report.links).toBe(previous.links + 1);
    // Only B's links were resolved for it.
    expect((over.links as AskedMap<NoteId, unknown>).made).toBe(1);
  });
});

describe('a map made when asked', () => {
  it('makes each value once, when first asked, and all of them in key order when iterated', () => {
    const made: string[] = [];
    const map = new AskedMap(['x', 'y', 'z'], (k) => (made.push(k), k.toUpperCase()));
    expect(map.get('y')).toBe('Y');
    expect(map.get('y')).toBe('Y');
    expect(map.get('w')).toBeUndefined();
    expect(map.has('z')).toBe(true);
    expect(made).toEqual(['y']);
    expect([...map]).toEqual([
      ['x', 'X'],
      ['y', 'Y'],
      ['z', 'Z'],
    ]);
    expect(made).toEqual(['y', 'x', 'z']);
    expect(map.size).toBe(3);
  });
});
