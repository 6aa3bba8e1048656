/** The properties a note's frontmatter gives its panel: typed values, and link numbers that index the note's links. */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/compile/parse/index.ts';
import type { NoteId, NotePath, ParsedNote } from '../src/shared/types.ts';

function parse(text: string): ParsedNote {
  return parseNote({ path: 'n.md' as NotePath, id: 'n' as NoteId, hash: 'h' }, text).note;
}

describe('frontmatter properties', () => {
  it('types each value and numbers each link as the note links it, after the body links', () => {
    const note = parse(
      '---\nup: "[[Up]]"\nn: 2\nok: true\nday: 2024-02-29\nat: 2024-02-29 08:05\nmix: "a [[B|bee]] c [[C#H]]"\nlist: ["[[D]]", x, 3, {k: v}]\n' +
        'anchor: &a "[[E]]"\nagain: *a\nTags: "one, #two"\nalias: "F, G"\n---\nBody [[Z]] and [[Y]].\n',
    );
    expect(note.properties).toEqual([
      { key: 'up', type: 'text', value: [{ kind: 'link', text: 'Up', link: 2 }] },
      { key: 'n', type: 'number', value: 2 },
      { key: 'ok', type: 'checkbox', value: true },
      { key: 'day', type: 'date', value: '2024-02-29' },
      { key: 'at', type: 'datetime', value: '2024-02-29 08:05' },
      { key: 'mix', type: 'text', value: ['a ', { kind: 'link', text: 'bee', link: 3 }, ' c ', { kind: 'link', text: 'C > H', link: 4 }] },
      { key: 'list', type: 'list', value: [[{ kind: 'link', text: 'D', link: 5 }], ['x'], ['3'], ['{"k":"v"}']] },
      { key: 'anchor', type: 'text', value: [{ kind: 'link', text: 'E', link: 6 }] },
      { key: 'again', type: 'text', value: [{ kind: 'link', text: 'E', link: 6 }] },
      { key: 'Tags', type: 'tags', value: ['one', 'two'] },
      { key: 'alias', type: 'list', value: [['F'], ['G']] },
    ]);
    const target = (i: number) => note.links[i]!.target;
    expect([0, 1, 2, 3, 4, 5, 6].map(target)).toEqual(['Z', 'Y', 'Up', 'B', 'C', 'D', 'E']);
    expect(note.links[4]!.headings).toEqual(['H']);
  });

  it('keeps values that only look like dates, numbers or links as text', () => {
    const note = parse('---\nmonth: 2024-13-01\nquoted: "42"\ncode: "`[[x]]`"\nurl: "ftp://example.org/f"\n---\n');
    expect(note.properties).toEqual([
      { key: 'month', type: 'text', value: ['2024-13-01'] },
      { key: 'quoted', type: 'text', value: ['42'] },
      { key: 'code', type: 'text', value: ['`[[x]]`'] },
      { key: 'url', type: 'text', value: ['ftp://example.org/f'] },
    ]);
    expect(note.links).toEqual([]);
  });

  it('gives no properties without frontmatter, or with frontmatter that does not read as a map', () => {
    expect(parse('Body.').properties).toBeUndefined();
    expect(parse('---\n- a\n- b\n---\nBody.').properties).toBeUndefined();
    expect(parse('---\na: [\n---\nBody.').properties).toBeUndefined();
  });
});
