/**
 * Reading a base's YAML (src/bases/parse-base.ts): the sections of Obsidian's Bases syntax, each
 * problem at the offset of what caused it, and hostile YAML (deep nesting, huge text) refused as
 * a problem, never thrown.
 */
import { describe, expect, it } from 'vitest';
import { parseBase } from '../src/bases/parse-base.ts';

const at = (yaml: string, text: string) => yaml.indexOf(text);

describe('parseBase', () => {
  it('reads filters, formulas, display names and views as Obsidian writes them', () => {
    const yaml = [
      'filters:',
      '  and:',
      '    - file.hasTag("book")',
      '    - not:',
      '        - \'status == "done"\'',
      'formulas:',
      "  ppu: '(price / pages).toFixed(2)'",
      'properties:',
      '  status:',
      '    displayName: Status',
      '  formula.ppu:',
      '    displayName: Price per page',
      'views:',
      '  - type: cards',
      '    name: Gallery',
      '    limit: 10',
      '    image: note.cover',
      '    imageFit: contain',
      '    cardSize: 200',
      '    groupBy:',
      '      property: status',
      '      direction: DESC',
      '    order: [file.name, note.author, formula.ppu]',
      '    sort:',
      '      - property: formula.ppu',
      '        direction: ASC',
      '  - name: Second',
    ].join('\n');
    const spec = parseBase(yaml);
    expect(spec.problems).toEqual([]);
    expect(spec.filters).toMatchObject({
      type: 'and',
      items: [
        { type: 'expr', expr: { source: 'file.hasTag("book")', at: at(yaml, 'file.hasTag') } },
        { type: 'not', items: [{ type: 'expr', expr: { source: 'status == "done"', at: at(yaml, 'status ==') } }] },
      ],
    });
    expect(spec.formulas.get('ppu')).toMatchObject({ source: '(price / pages).toFixed(2)', at: at(yaml, '(price') });
    expect([...spec.displayNames]).toEqual([
      ['note.status', 'Status'],
      ['formula.ppu', 'Price per page'],
    ]);
    const [gallery, second] = spec.views;
    expect(gallery).toMatchObject({
      type: 'cards',
      name: 'Gallery',
      limit: 10,
      image: { kind: 'note', name: 'cover', id: 'note.cover' },
      imageFit: 'contain',
      groupBy: { property: { id: 'note.status' }, descending: true },
      order: [{ id: 'file.name' }, { id: 'note.author' }, { id: 'formula.ppu' }],
      sort: [{ property: { id: 'formula.ppu' }, descending: false }],
      problems: [],
    });
    expect(second).toMatchObject({ type: 'table', name: 'Second', order: [], sort: [] });
  });

  it('gives a base without views one table, and places every problem at its offset', () => {
    expect(parseBase('').views).toMatchObject([{ type: 'table', name: 'Table' }]);
    const yaml =
      'filters: "rating >"\nformulas:\n  a: "regex.matches(x)"\nsummaries:\n  x: values.mean()\nviews:\n  - type: kanban\n    name: K\n    summaries:\n      a: Sum\n';
    const spec = parseBase(yaml);
    expect(spec.problems.map((p) => [p.kind, p.at, p.message])).toEqual([
      ['unsupported', at(yaml, 'matches'), '`.matches()` is not supported by Trellis: regular expressions are not supported; the formula `a` is left empty'],
      ['invalid', at(yaml, '"\nformulas'), 'This expression is not valid: Expected a value but the expression ends; no view of this base shows rows'],
      ['unsupported', at(yaml, 'summaries:\n  x'), 'Summary formulas are not evaluated by Trellis'],
    ]);
    expect(spec.views[0]!.problems.map((p) => [p.kind, p.at, p.message])).toEqual([
      ['unsupported', at(yaml, 'kanban'), '`kanban` views are not drawn by Trellis; this view is shown as a table'],
      ['unsupported', at(yaml, 'summaries:\n      a'), 'Summaries are not shown by Trellis'],
    ]);
  });

  it('refuses hostile YAML as a problem, never by throwing', () => {
    const deepFlow = parseBase('views: ' + '['.repeat(20_000) + ']'.repeat(20_000));
    expect(deepFlow.views).toEqual([]);
    expect(deepFlow.problems[0]!.message).toMatch(/^This base is not valid YAML \(.*\); it is not shown$/);
    const deepGroups =
      'filters:\n' + Array.from({ length: 40 }, (_, i) => `${'  '.repeat(2 * i + 1)}and:\n${'  '.repeat(2 * i + 1)}  -\n`).join('') + '  '.repeat(81) + 'x\n';
    const spec = parseBase(deepGroups);
    expect(spec.problems.map((p) => p.message)).toEqual(['Filter groups nest deeper than 32 levels; no view of this base shows rows']);
    expect(parseBase('x'.repeat(200_001)).problems[0]!.message).toBe('This base is longer than 200000 characters; it is not shown');
    const aliases = parseBase('a: &a [x, x]\nb: &b [*a, *a]\nproperties:\n  note.x: *b\nviews:\n  - *b\n');
    expect(aliases.views.map((v) => v.problems.map((p) => p.message))).toEqual([
      ['A view is an object with a `type` and a `name`; it is shown as an empty table'],
    ]);
  });
});
