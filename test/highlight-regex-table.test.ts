/**
 * The highlighter's regex table (src/compile/render/regex-table.ts): regexes constructed from kept
 * conversions highlight exactly as Shiki's own engine does; a table saved by one highlighter
 * serves the next without converting again; a table of other code, or a damaged file, is not read.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/compile/parse/processor.ts';
import { createCodeHighlighter } from '../src/compile/render/highlighter.ts';
import { codeTheme, languages, tokenizeTimeLimit, type Highlighter } from '../src/compile/render/highlight-options.ts';
import { openRegexTable } from '../src/compile/render/regex-table.ts';
import { tasksVault, tempDir } from './helpers/garden.ts';

const garden = path.resolve(import.meta.dirname, '../garden');

/** Every fenced code block in a language the highlighter loads, of the default garden and the fixture vault. */
function codeBlocks(): { lang: string; code: string }[] {
  const out: { lang: string; code: string }[] = [];
  for (const root of [garden, tasksVault]) {
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
      visit(parseMarkdown(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')), 'code', (node: Code) => {
        if (node.lang && languages.includes(node.lang)) out.push({ lang: node.lang, code: node.value });
      });
    }
  }
  // A few languages the gardens have little of, with lookbehinds, backreferences and case-insensitive rules.
  out.push(
    { lang: 'sql', code: "SELECT id, count(*) FROM notes WHERE title ILIKE '%raft%' GROUP BY id;" },
    { lang: 'rust', code: 'fn main() -> Result<(), Box<dyn Error>> { let r#type = \'a\'; println!("{}", r#type); Ok(()) }' },
    { lang: 'bash', code: 'cat <<EOF > out.txt\n$HOME ${PATH:-/bin}\nEOF\necho "$(date +%s)"' },
    { lang: 'cpp', code: 'template <typename T> auto f(T&& t) -> decltype(t) { return std::forward<T>(t); }' },
  );
  return out;
}

// No time limit, as the build renders (highlighter.ts): the first line of a large grammar converts hundreds of regexes.
const html = (h: Highlighter, blocks: { lang: string; code: string }[]) =>
  blocks.map((b) => h.codeToHtml(b.code, { lang: b.lang, theme: codeTheme, tokenizeTimeLimit }));

describe('regex table', () => {
  it('highlights as the engine does, and a saved table serves the next highlighter without converting', async () => {
    const blocks = codeBlocks();
    expect(new Set(blocks.map((b) => b.lang)).size).toBeGreaterThanOrEqual(6);
    const expected = html(await createCodeHighlighter(), blocks);

    const where = { file: path.join(tempDir(), 'regexes'), code: 'code-a' };
    const first = openRegexTable(where);
    expect(html(await createCodeHighlighter(first), blocks)).toEqual(expected);
    expect(first.conversions).toBeGreaterThan(100);
    first.save();

    const second = openRegexTable(where);
    expect(html(await createCodeHighlighter(second), blocks)).toEqual(expected);
    expect(second.conversions).toBe(0);

    // Written by other code: not read, every pattern converted again.
    const other = openRegexTable({ ...where, code: 'code-b' });
    expect(html(await createCodeHighlighter(other), blocks)).toEqual(expected);
    expect(other.conversions).toBe(first.conversions);

    // A damaged file: not read.
    writeFileSync(where.file, readFileSync(where.file, 'utf8').slice(0, 1000));
    const damaged = openRegexTable(where);
    expect(html(await createCodeHighlighter(damaged), blocks)).toEqual(expected);
    expect(damaged.conversions).toBe(first.conversions);
  }, 120_000);

  it('two tables saving in turn keep the union of their conversions', async () => {
    const where = { file: path.join(tempDir(), 'regexes'), code: 'code-a' };
    const a = openRegexTable(where);
    const b = openRegexTable(where);
    a.construct('\\b(?:if|else)\\b');
    b.construct('(?i)select\\s+(\\w+)');
    a.save();
    b.save();
    const both = openRegexTable(where);
    both.construct('\\b(?:if|else)\\b');
    both.construct('(?i)select\\s+(\\w+)');
    expect(both.conversions).toBe(0);
  });
});
