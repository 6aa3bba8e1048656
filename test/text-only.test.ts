/** What a warm build of edited text decides (src/incremental/text-only.ts): when only text changed, and which pages it can reach. */
import { describe, expect, it } from 'vitest';
import type { BuiltNote } from '../src/build.ts';
import {
  contextTargets,
  frameAndShapes,
  linkChange,
  linkNeighbours,
  linksKept,
  pagesToCheck,
  textOnlyChange,
  type FrameInputs,
} from '../src/incremental/text-only.ts';
import { emptyManifest, type OutputManifest } from '../src/incremental/output-manifest.ts';
import type { LinkRef, NoteId, NotePath, ParsedNote, ResolvedLink, Slug } from '../src/shared/types.ts';

function makeLink(target: string, kind: LinkRef['kind'] = 'link', line = 3): LinkRef {
  return { target, headings: [], kind, syntax: 'wiki', position: { line, column: 1 }, range: [0, 5] };
}

function makeNote(id: string, hash: string, links: LinkRef[] = [], title = id): BuiltNote {
  const parsed: ParsedNote = {
    path: `${id}.md` as NotePath,
    id: id as NoteId,
    hash,
    title,
    frontmatter: { aliases: [], tags: [], publish: true },
    tags: [],
    headings: [{ depth: 1, text: title, id: title.toLowerCase(), line: 1 }],
    blocks: [],
    links,
    wordCount: hash.length,
    diagnostics: [],
  };
  return { parsed, url: `/${id.toLowerCase()}/` as Slug, publish: true, html: '', mtimeMs: 0 };
}

const frame: FrameInputs = { settings: 'settings', dates: 'git', attachments: [] };

/** The manifest a build of `notes` leaves. */
function manifestOf(notes: BuiltNote[]): OutputManifest {
  return {
    ...emptyManifest('/site'),
    notes: Object.fromEntries(notes.map((n) => [n.parsed.id, n.parsed.hash])),
    shape: { ...frameAndShapes(notes, frame), mentions: {} },
  };
}

describe('textOnlyChange', () => {
  const before = [makeNote('A', 'a1', [makeLink('B')]), makeNote('B', 'b1')];
  const previous = manifestOf(before);

  it('names the notes whose text alone changed, link places and word counts included', () => {
    const after = [makeNote('A', 'a2-longer', [makeLink('B', 'link', 9)]), makeNote('B', 'b1')];
    expect(textOnlyChange(after, frameAndShapes(after, frame, previous), previous)).toEqual(new Set(['A']));
  });

  it('is undefined when a link, a title, a note, the settings, a date or the previous shape differ', () => {
    const cases: [BuiltNote[], typeof frame][] = [
      [[makeNote('A', 'a2', [makeLink('C')]), makeNote('B', 'b1')], frame],
      [[makeNote('A', 'a2', [makeLink('B', 'embed')]), makeNote('B', 'b1')], frame],
      [[makeNote('A', 'a1', [makeLink('B')]), makeNote('B', 'b2', [], 'Bee')], frame],
      [[makeNote('A', 'a1', [makeLink('B')])], frame],
      [[...before, makeNote('C', 'c1')], frame],
      [before, { ...frame, settings: 'other' }],
      [[before[0]!, { ...makeNote('B', 'b1'), git: { created: '2024-01-01', updated: '2024-02-01' } }], frame],
    ];
    for (const [notes, f] of cases) expect(textOnlyChange(notes, frameAndShapes(notes, f, previous), previous)).toBeUndefined();
    expect(textOnlyChange(before, frameAndShapes(before, frame), { ...previous, shape: undefined } as OutputManifest)).toBeUndefined();
  });

  it('is undefined when a note shows a base (a base lists other notes by their file facts)', () => {
    const withBase = (hash: string) => {
      const n = makeNote('A', hash);
      n.parsed.bases = [{ yaml: 'views: []', line: 3, column: 1 }];
      return [n, makeNote('B', 'b1')];
    };
    const was = manifestOf(withBase('a1'));
    const now = withBase('a2');
    expect(textOnlyChange(now, frameAndShapes(now, frame, was), was)).toBeUndefined();
  });
});

describe('frameAndShapes', () => {
  it("takes an unchanged note's shape from the previous manifest only when the same code computed it", () => {
    const notes = [makeNote('A', 'a1')];
    const previous = manifestOf(notes);
    const stale = (code: string | undefined): OutputManifest => ({ ...previous, shape: { ...previous.shape!, shapes: { A: 'kept' }, code } });
    expect(frameAndShapes(notes, frame, stale(previous.shape!.code)).shapes.A).toBe('kept');
    // Another code's shapes (or a manifest from before shapes named their code) are computed again.
    expect(frameAndShapes(notes, frame, stale('other code')).shapes.A).toBe(previous.shape!.shapes.A);
    expect(frameAndShapes(notes, frame, stale(undefined)).shapes.A).toBe(previous.shape!.shapes.A);
  });
});

describe('linkChange', () => {
  const before = [makeNote('A', 'a1', [makeLink('B')]), makeNote('B', 'b1'), makeNote('C', 'c1')];
  const previous = manifestOf(before);

  it('names the notes whose text and links changed, when every outline (title, headings, frontmatter, ...) is as it was', () => {
    const after = [makeNote('A', 'a2', [makeLink('C'), makeLink('B', 'embed')]), makeNote('B', 'b1'), makeNote('C', 'c2', [makeLink('A')])];
    expect(linkChange(after, frameAndShapes(after, frame, previous), previous)).toEqual(new Set(['A', 'C']));
    // Text alone is a link change too (of no link).
    const text = [makeNote('A', 'a3', [makeLink('B', 'link', 7)]), before[1]!, before[2]!];
    expect(linkChange(text, frameAndShapes(text, frame, previous), previous)).toEqual(new Set(['A']));
  });

  it('is undefined when a title (which other notes resolve by), a note, the settings or the previous shape differ', () => {
    const cases: [BuiltNote[], typeof frame][] = [
      [[makeNote('A', 'a2', [makeLink('C')]), makeNote('B', 'b2', [], 'Bee'), before[2]!], frame],
      [[before[0]!, before[1]!], frame],
      [[...before, makeNote('D', 'd1')], frame],
      [[makeNote('A', 'a2', [makeLink('C')]), before[1]!, before[2]!], { ...frame, settings: 'other' }],
    ];
    for (const [notes, f] of cases) expect(linkChange(notes, frameAndShapes(notes, f, previous), previous)).toBeUndefined();
    expect(linkChange(before, frameAndShapes(before, frame), { ...previous, shape: undefined } as OutputManifest)).toBeUndefined();
  });

  it('names a note whose dates alone moved (a commit), which is no text-only change, and tells when no link changed', () => {
    const dated = (n: BuiltNote, day: string): BuiltNote => ({ ...n, git: { created: '2024-01-01', updated: day } });
    const was = [dated(before[0]!, '2024-02-01'), before[1]!, before[2]!];
    const wasManifest = manifestOf(was);
    // B's text, A's dates: both changed; no link did.
    const now = [dated(before[0]!, '2024-03-01'), makeNote('B', 'b2'), before[2]!];
    const shaped = frameAndShapes(now, frame, wasManifest);
    expect(textOnlyChange(now, shaped, wasManifest)).toBeUndefined();
    const changed = linkChange(now, shaped, wasManifest)!;
    expect(changed).toEqual(new Set(['A', 'B']));
    expect(linksKept(changed, shaped, wasManifest)).toBe(true);
    // A's text and dates moved together: still among the changed notes, still no text-only change.
    const both = [dated(makeNote('A', 'a2', [makeLink('B', 'link', 8)]), '2024-03-01'), before[1]!, before[2]!];
    expect(textOnlyChange(both, frameAndShapes(both, frame, wasManifest), wasManifest)).toBeUndefined();
    expect(linkChange(both, frameAndShapes(both, frame, wasManifest), wasManifest)).toEqual(new Set(['A']));
    // A link changed beside the dates: the graph is not the previous site's.
    const relinked = [dated(makeNote('A', 'a2', [makeLink('C')]), '2024-03-01'), before[1]!, before[2]!];
    const reshaped = frameAndShapes(relinked, frame, wasManifest);
    expect(linksKept(linkChange(relinked, reshaped, wasManifest)!, reshaped, wasManifest)).toBe(false);
    // Dates unmoved, text alone: a text-only change, as before.
    const text = [dated(makeNote('A', 'a3', [makeLink('B', 'link', 9)]), '2024-02-01'), before[1]!, before[2]!];
    expect(textOnlyChange(text, frameAndShapes(text, frame, wasManifest), wasManifest)).toEqual(new Set(['A']));
  });
});

describe('pagesToCheck', () => {
  const resolved = (source: string, target: string, kind: LinkRef['kind'] = 'link'): ResolvedLink => ({
    source: source as NoteId,
    ref: makeLink(target, kind),
    resolution: { kind: 'note', target: target as NoteId },
  });
  // A links to C; D embeds A; E embeds D; F links to A; C links to G; H is far away.
  const links = new Map<NoteId, ResolvedLink[]>(
    Object.entries({
      A: [resolved('A', 'C')],
      D: [resolved('D', 'A', 'embed')],
      E: [resolved('E', 'D', 'embed')],
      F: [resolved('F', 'A')],
      C: [resolved('C', 'G')],
      H: [resolved('H', 'G')],
    }) as [NoteId, ResolvedLink[]][],
  );

  it('reaches the changed note, its targets and every note embedding it, not the notes only linking to it', () => {
    expect([...pagesToCheck(new Set(['A' as NoteId]), linkNeighbours(links), {}, undefined)].sort()).toEqual(['A', 'C', 'D', 'E']);
  });

  it('does not reach the targets of a changed note whose link contexts are as they were', () => {
    const reached = new Map([['A' as NoteId, new Set<NoteId>()]]);
    expect([...pagesToCheck(new Set(['A' as NoteId]), linkNeighbours(links), {}, undefined, undefined, reached)].sort()).toEqual(['A', 'D', 'E']);
  });

  it('reaches only the targets whose backlink contexts from the changed note changed', () => {
    // A now links to C and to G; only the context of its link to G changed.
    const moreLinks = new Map(links).set('A' as NoteId, [resolved('A', 'C'), resolved('A', 'G')]);
    const was = [{ text: 'about C' }, { text: 'about G', highlight: [6, 7] as [number, number] }];
    const now = [{ text: 'about C' }, { text: 'about G, edited', highlight: [6, 7] as [number, number] }];
    const reached = contextTargets('A' as NoteId, moreLinks.get('A' as NoteId)!, (i) => now[i], was);
    expect([...reached]).toEqual(['G']);
    const check = pagesToCheck(new Set(['A' as NoteId]), linkNeighbours(moreLinks), {}, undefined, undefined, new Map([['A' as NoteId, reached]]));
    expect([...check].sort()).toEqual(['A', 'D', 'E', 'G']);
    // A moved highlight is a changed context too; a context gone (fewer contexts then) reaches its target.
    expect([...contextTargets('A' as NoteId, moreLinks.get('A' as NoteId)!, (i) => was[i], [was[0]!, { text: 'about G', highlight: [0, 5] }])]).toEqual(['G']);
    expect([...contextTargets('A' as NoteId, moreLinks.get('A' as NoteId)!, (i) => was[i], [was[0]!])]).toEqual(['G']);
    expect([...contextTargets('A' as NoteId, moreLinks.get('A' as NoteId)!, (i) => was[i], was)]).toEqual([]);
  });

  it('with links changed, also reaches the notes the changed note linked to before (their backlink goes)', () => {
    const check = pagesToCheck(new Set(['H' as NoteId]), linkNeighbours(links), {}, undefined, new Map([['H' as NoteId, ['B' as NoteId, 'G' as NoteId]]]));
    expect([...check].sort()).toEqual(['B', 'G', 'H']);
  });

  it('reaches the notes it mentions now and those it mentioned before', () => {
    const check = pagesToCheck(new Set(['H' as NoteId]), linkNeighbours(links), { H: ['B' as NoteId] }, { H: ['X' as NoteId] });
    expect([...check].sort()).toEqual(['B', 'G', 'H', 'X']);
  });
});
