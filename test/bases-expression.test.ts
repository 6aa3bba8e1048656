/**
 * The Bases expression language (src/bases/expression/): parsed with JavaScript's precedence,
 * evaluated by a tree walk over rows made as a build makes them (build-rows.ts), with Obsidian's
 * documented examples as the expected values; what Trellis does not evaluate is refused with the
 * offset of the function, and no expression can overflow the stack or run unbounded.
 */
import { describe, expect, it } from 'vitest';
import { buildRows, type RowSet } from '../src/bases/build-rows.ts';
import { checkExpression } from '../src/bases/expression/check-expression.ts';
import { BudgetError, EvalError, type EvalContext } from '../src/bases/expression/context.ts';
import { evaluate } from '../src/bases/expression/evaluate.ts';
import { ExpressionError, parseExpression } from '../src/bases/expression/parse-expression.ts';
import { toText } from '../src/bases/expression/values.ts';
import { linkResolver } from '../src/bases/link-resolver.ts';
import { parseNote } from '../src/compile/parse/index.ts';
import { resolveGarden } from '../src/resolve/index.ts';
import type { CompiledExpr, Value } from '../src/bases/types.ts';
import type { NoteId, NotePath, Slug } from '../src/shared/types.ts';

/** A garden parsed and resolved as a build does, and its rows. */
function garden(files: Record<string, string>, attachments: string[] = []): RowSet & { index: ReturnType<typeof resolveGarden>['index'] } {
  const notes = Object.entries(files).map(
    ([path, text]) => parseNote({ path: path as NotePath, id: path.replace(/\.md$/, '') as NoteId, hash: 'h' }, text).note,
  );
  const resolved = resolveGarden(notes, attachments);
  const rows = buildRows({
    notes,
    urlOf: (id) => ('/' + id.toLowerCase() + '/') as Slug,
    fileOf: () => ({ size: 100, mtimeMs: 0 }),
    attachments: attachments.map((path) => ({ path, absPath: '/' + path, size: 10 })),
    links: resolved.links,
  });
  return { ...rows, index: resolved.index };
}

const books = garden(
  {
    'Books/Dune.md':
      '---\ntags: [book, scifi/desert]\nauthor: "[[Frank Herbert]]"\nrating: 5\nread: 2024-05-01\n"my key": yes\n---\nSee [[Emma]] and ![[cover.png]].',
    'Books/Old/Emma.md': '---\ntags: [book]\nauthor: Jane Austen\nrating: 3\n---\nText #classic',
    'People/Frank Herbert.md': '---\nborn: 1920\n---\n',
    'Hidden.md': '---\npublish: false\nrating: 9\n---\n',
  },
  ['Books/cover.png'],
);

const now = Date.UTC(2025, 0, 15, 10, 30);

function run(source: string, rowKey = 'Books/Dune', formulas: Record<string, string> = {}, self = 'People/Frank Herbert', steps = 100_000): Value {
  const table = new Map<string, CompiledExpr>(Object.entries(formulas).map(([k, v]) => [k, { source: v, at: 0, expr: parseExpression(v), problems: [] }]));
  const ctx: EvalContext = {
    row: books.byNote(rowKey) ?? books.byAttachment(rowKey)!,
    self: books.byNote(self),
    rows: books,
    formulas: table,
    formulaValues: new Map(),
    evaluating: new Set(),
    resolve: linkResolver(books.index, 'Library.base' as NoteId, books),
    now,
    budget: { steps },
  };
  return evaluate(parseExpression(source), ctx);
}

const text = (source: string, row?: string) => toText(run(source, row));

describe('Bases expressions', () => {
  it('follows JavaScript precedence and Obsidian operators', () => {
    expect(run('1 + 2 * 3 == 7 && !false')).toBe(true);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('7 % 4 - -1')).toBe(4);
    expect(run('"a" + 1 + true')).toBe('a1true');
    expect(run('2 > 1 || nope.lower()')).toBe(true);
    expect(run('null == missing')).toBe(true);
    expect(run('"1" == 1')).toBe(false);
  });

  it('reads note properties bare, with note. and note[…], and file properties', () => {
    expect(run('rating')).toBe(5);
    expect(run('note.rating + note["my key"].length')).toBe(8);
    expect(run('missing')).toBe(null);
    expect(text('file.name')).toBe('Dune.md');
    expect([text('file.basename'), text('file.folder'), text('file.ext'), text('file.path')]).toEqual(['Dune', 'Books', 'md', 'Books/Dune.md']);
    expect(run('file.tags')).toEqual(['#book', '#scifi/desert']);
    expect(text('file.tags', 'Books/Old/Emma')).toBe('#book, #classic');
    expect(run('file.size')).toBe(100);
    expect(text('file.name', 'Books/cover.png')).toBe('cover.png');
  });

  it('tests tags (nested ones included), folders (sub-folders included), links and properties', () => {
    expect(run('file.hasTag("scifi")')).toBe(true);
    expect(run('file.hasTag("desert")')).toBe(false);
    expect(run('file.hasTag("poetry", "#BOOK")')).toBe(true);
    expect(run('file.inFolder("Books")', 'Books/Old/Emma')).toBe(true);
    expect(run('file.inFolder("Book")', 'Books/Old/Emma')).toBe(false);
    expect(run('file.hasLink("Emma")')).toBe(true);
    expect(run('file.hasLink("[[Emma]]") && file.hasLink(link("cover.png"))')).toBe(true);
    expect(run('file.hasLink("Solaris")')).toBe(false);
    expect(run('file.hasProperty("Rating") && !file.hasProperty("pages")')).toBe(true);
    expect(run('file.links.length')).toBe(2);
    expect(run('file.embeds[0].asFile().name')).toBe('cover.png');
    expect(run('file.backlinks.length', 'Books/Old/Emma')).toBe(1);
  });

  it('compares links with files, texts and this; an unpublished note is no row', () => {
    expect(run('author == this')).toBe(true);
    expect(run('author == "Frank Herbert" && author != "Jane Austen"')).toBe(true);
    expect(run('author.asFile().born')).toBe(1920);
    expect(run('list(author).contains(this)')).toBe(true);
    expect(run('this.file.name + " " + this.born')).toBe('Frank Herbert.md 1920');
    expect(run('author == this', 'Books/Old/Emma')).toBe(false);
    expect(books.byNote('Hidden')).toBeUndefined();
    expect(run('file("Hidden")')).toBe(null);
  });

  it('evaluates the functions of Obsidian’s reference with its examples', () => {
    expect(run('"hello".contains("ell") && "hello".containsAll("h", "e") && "hello".containsAny("x", "e")')).toBe(true);
    expect(run('"a,b,c,d".split(",", 3)')).toEqual(['a', 'b', 'c']);
    expect(run('"hello world".title() + "|" + "  hi  ".trim() + "|" + "hello".slice(1, 4) + "|" + "123".repeat(2) + "|" + "hello".reverse()')).toBe(
      'Hello World|hi|ell|123123|olleh',
    );
    expect(run('"a:b:c".replace(":", "-")')).toBe('a-b-c');
    expect(run('(3.14159).toFixed(2)')).toBe('3.14');
    expect(run('(2.5).round() + (2.3333).round(2) + (-5).abs() + (2.1).ceil() + (2.9).floor()')).toBeCloseTo(3 + 2.33 + 5 + 3 + 2);
    expect(run('[1,2,2,3].unique()')).toEqual([1, 2, 3]);
    expect(run('[1,2,3,4].filter(value > 2)')).toEqual([3, 4]);
    expect(run('[1,2,3,4].map(value + index)')).toEqual([1, 3, 5, 7]);
    expect(run('[1,2,3].reduce(acc + value, 0)')).toBe(6);
    expect(run('[3, 1, 2].sort().reverse().join("-")')).toBe('3-2-1');
    expect(run('[1,[2,3]].flat().slice(1)')).toEqual([2, 3]);
    expect(run('if(rating > 4, "great", "fine") + if(false, 1)')).toBe('great');
    expect(run('number("3.4") + max(1, 7, 2) - min(4, 2)')).toBeCloseTo(8.4);
    expect(run('1.isTruthy() && "example".isType("string") && [].isEmpty() && !"x".isEmpty()')).toBe(true);
    expect(run('123.toString()')).toBe('123');
    expect(run('note.keys().length')).toBe(5);
  });

  it('adds durations to dates, subtracts dates and formats them (UTC)', () => {
    expect(text('(date("2024-12-01") + "1M" + "4h" + "3m").format("YYYY-MM-DD HH:mm:ss")')).toBe('2025-01-01 04:03:00');
    expect(run('date("2024-05-01").format("dddd, Do MMMM YYYY [at] h A")')).toBe('Wednesday, 1st May 2024 at 12 AM');
    expect(run('date("2024-01-02") - date("2024-01-01")')).toBe(86_400_000);
    expect(run('read < date("2024-06-01") && read > "2024-04-30" && read == date("2024-05-01")')).toBe(true);
    expect(run('read.year * 100 + read.month')).toBe(202405);
    expect(text('today()')).toBe('2025-01-15');
    expect(run('(now() - "2 weeks").format("YYYY-MM-DD HH:mm")')).toBe('2025-01-01 10:30');
    expect(run('now().date() == today() && now().time() == "10:30:00"')).toBe(true);
    expect(run('date("2024-12-25").relative()')).toBe('21 days ago');
    expect(() => run('date("2024-02-31")')).toThrow(EvalError);
    expect(() => run('read + "soon"')).toThrow('`soon` is not a duration');
  });

  it('computes formulas once per row, and reports one that needs itself', () => {
    expect(run('formula.double + formula.plus', 'Books/Dune', { double: 'rating * 2', plus: 'formula.double + 1' })).toBe(21);
    expect(() => run('formula.a', 'Books/Dune', { a: 'formula.b', b: 'formula.a + 1' })).toThrow('depends on itself');
  });

  it('fails a value, not the build, on a wrong type', () => {
    expect(() => run('rating.lower()')).toThrow('A number has no method `lower()`');
    expect(() => run('author * 2')).toThrow('Cannot apply `*` to a link and a number');
    expect(run('missing.lower()')).toBe(null);
  });

  it('refuses what it does not evaluate, at the offset of the function', () => {
    const refused = (source: string) => {
      try {
        checkExpression(parseExpression(source), new Set(['known'])).problems.forEach((p) => {
          throw new ExpressionError(p.message, p.at, p.kind === 'unsupported');
        });
      } catch (error) {
        const e = error as ExpressionError;
        return [e.unsupported ? 'unsupported' : 'invalid', e.at, e.message];
      }
      return undefined;
    };
    expect(refused('file.name.matches("x")')).toEqual(['unsupported', 10, '`.matches()` is not supported by Trellis: regular expressions are not supported']);
    expect(refused('/^a/.matches(file.name)')).toEqual(['unsupported', 0, 'Regular expressions (`/…/`) are not supported']);
    expect(refused('now() + duration("1d")')).toEqual([
      'unsupported',
      8,
      '`duration()` is not supported by Trellis: durations are not supported; add a duration text to a date instead (`date + "1d"`)',
    ]);
    expect(refused('html("<b>x</b>")')?.[0]).toBe('unsupported');
    expect(refused('{"a": 1}.isEmpty()')).toEqual(['unsupported', 0, 'Object literals (`{…}`) are not supported']);
    expect(refused('frobnicate(1)')).toEqual(['invalid', 0, '`frobnicate()` is not a function of Obsidian Bases']);
    expect(refused('formula.known + formula.unknown')).toEqual(['invalid', 24, 'There is no formula `unknown` in this base']);
    expect(refused('rating >')).toEqual(['invalid', 8, 'Expected a value but the expression ends']);
    expect(refused('"open')).toEqual(['invalid', 0, 'This text has no closing quote']);
    expect(refused('rating = 3')).toEqual(['invalid', 7, 'Unexpected `=`']);
    expect(refused('file.hasTag("a") && rating >= 3')).toBeUndefined();
  });

  it('bounds nesting, length, built values and the work of a view', () => {
    expect(() => parseExpression('('.repeat(5000) + '1' + ')'.repeat(5000))).toThrow(ExpressionError);
    expect(() => parseExpression('!'.repeat(100) + 'true')).toThrow('nests deeper than 64 levels');
    expect(() => parseExpression('1+'.repeat(3000) + '1')).toThrow('longer than 4000 characters');
    expect(() => run('"ab".repeat(60000)')).toThrow('longer than 100000 characters');
    expect(() => run('[1,2,3,4,5,6,7,8,9,10].map([1,2,3,4,5,6,7,8,9,10].map(value * 2))', 'Books/Dune', {}, undefined, 50)).toThrow(BudgetError);
    const chain = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, i === 4999 ? '1' : `formula.f${i + 1} + 1`]));
    expect(() => run('formula.f0', 'Books/Dune', chain, undefined, 10_000_000)).toThrow('Formulas use formulas more than 64 deep');
  });
});
