/** No cap hides problems: the build's summary by kind, `check` listing all, `check --json` with every diagnostic. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeGarden, tempDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');

/** A garden with problems of several kinds: found while scanning, parsing frontmatter, resolving links and rendering. */
function problemGarden(): string {
  return makeGarden({
    // A list as a key, in frontmatter the scan peeks at (it names `publish`): the yaml package would print a Node warning.
    'Home.md':
      '---\n[a, b]: 1\npublish: true\n---\n# Home\n\nSee [[one]], [[two]], [[three]], [[four]] and [[five]].\n\n[click](javascript:alert(1)) and [[Twin]] and [[Other#Nope]].\n',
    'Other.md': 'Other\u0000\u0000 note [[Home]]\n',
    'Dup.md': '---\ntitle: x\ntitle: y\n---\nbody\n',
    'x/Twin.md': 'twin',
    'y/Twin.md': 'twin',
  });
}

const every = [
  {
    file: 'Dup.md',
    line: 3,
    column: 1,
    ruleId: 'invalid-frontmatter',
    severity: 'warning',
    message: 'Invalid YAML frontmatter: Map keys must be unique; the note is built without its frontmatter',
  },
  {
    file: 'Home.md',
    line: 2,
    column: 1,
    ruleId: 'invalid-frontmatter',
    severity: 'warning',
    message: 'A frontmatter key is a list or map; it is read as text. Quote it, or quote the value if it is a link (`up: "[[Note]]"`)',
  },
  { file: 'Home.md', line: 7, column: 5, ruleId: 'missing-note', severity: 'warning', message: 'Cannot find `one`' },
  { file: 'Home.md', line: 7, column: 14, ruleId: 'missing-note', severity: 'warning', message: 'Cannot find `two`' },
  { file: 'Home.md', line: 7, column: 23, ruleId: 'missing-note', severity: 'warning', message: 'Cannot find `three`' },
  { file: 'Home.md', line: 7, column: 34, ruleId: 'missing-note', severity: 'warning', message: 'Cannot find `four`' },
  { file: 'Home.md', line: 7, column: 47, ruleId: 'missing-note', severity: 'warning', message: 'Cannot find `five`' },
  {
    file: 'Home.md',
    line: 9,
    column: 1,
    ruleId: 'unsafe-url',
    severity: 'warning',
    message: 'Refused the URL `javascript:alert(1)`: only http, https, mailto, tel and obsidian links and relative URLs are allowed; the link is shown as text',
  },
  {
    file: 'Home.md',
    line: 9,
    column: 34,
    ruleId: 'ambiguous-link',
    severity: 'info',
    message:
      "`Twin` matches 2 notes; chose `x/Twin` (under the linking note's folder first, then the shortest path, as Obsidian does). Write a longer path to choose: `x/Twin`, `y/Twin`",
  },
  { file: 'Home.md', line: 9, column: 47, ruleId: 'missing-heading', severity: 'warning', message: 'Cannot find heading `Nope` in `Other.md`' },
  { file: 'Other.md', line: 1, column: 6, ruleId: 'nul-bytes', severity: 'warning', message: 'This note contains 2 NUL bytes; they are left out' },
];

describe('diagnostics of build and check', () => {
  it('the build prints counts by kind and the first three of each, and says how to see all', () => {
    const garden = problemGarden();
    const env: NodeJS.ProcessEnv = { ...process.env, TRELLIS_CACHE_DIR: tempDir() };
    delete env.TRELLIS_VERBOSE;
    // Run from inside the garden, so files print as the garden names them.
    const r = spawnSync(process.execPath, [bin, 'build', '.', '--out', path.join(tempDir(), 'site')], { cwd: garden, encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^5 notes, 8 links, 5 broken, 1 broken anchors, 1 ambiguous, 2 orphans in /m);
    const lines = r.stderr.split('\n');
    const start = lines.findIndex((l) => l.startsWith('10 warnings'));
    expect(lines.slice(start)).toEqual([
      '10 warnings, 1 info: missing-note 5, invalid-frontmatter 2, missing-heading 1, nul-bytes 1, unsafe-url 1, ambiguous-link 1',
      'missing-note (5):',
      '  Home.md:7:5: warning: Cannot find `one` [missing-note]',
      '  Home.md:7:14: warning: Cannot find `two` [missing-note]',
      '  Home.md:7:23: warning: Cannot find `three` [missing-note]',
      '  … and 2 more',
      'invalid-frontmatter (2):',
      '  Dup.md:3:1: warning: Invalid YAML frontmatter: Map keys must be unique; the note is built without its frontmatter [invalid-frontmatter]',
      '  Home.md:2:1: warning: A frontmatter key is a list or map; it is read as text. Quote it, or quote the value if it is a link (`up: "[[Note]]"`) [invalid-frontmatter]',
      'missing-heading (1):',
      '  Home.md:9:47: warning: Cannot find heading `Nope` in `Other.md` [missing-heading]',
      'nul-bytes (1):',
      '  Other.md:1:6: warning: This note contains 2 NUL bytes; they are left out [nul-bytes]',
      'unsafe-url (1):',
      '  Home.md:9:1: warning: Refused the URL `javascript:alert(1)`: only http, https, mailto, tel and obsidian links and relative URLs are allowed; the link is shown as text [unsafe-url]',
      'ambiguous-link (1):',
      "  Home.md:9:34: info: `Twin` matches 2 notes; chose `x/Twin` (under the linking note's folder first, then the shortest path, as Obsidian does). Write a longer path to choose: `x/Twin`, `y/Twin` [ambiguous-link]",
      'All 11: trellis check . (add --json for every one as JSON)',
      '',
    ]);
    // Nothing before the summary but the progress lines: no Node warning from the yaml package.
    expect(r.stderr).not.toContain('Warning:');
    expect(r.stderr).not.toContain('(node:');
    // A rebuild with nothing changed prints the same summary, from the record.
    const again = spawnSync(process.execPath, [bin, 'build', '.', '--out', path.join(tempDir(), 'site')], { cwd: garden, encoding: 'utf8', env });
    expect(again.stderr).toContain('10 warnings, 1 info: missing-note 5,');
  }, 120_000);

  it('check lists every diagnostic, and --json gives each with file, line, column, rule, severity and message', () => {
    const garden = problemGarden();
    const env = { ...process.env, TRELLIS_CACHE_DIR: tempDir() };
    const check = (...args: string[]) => spawnSync(process.execPath, [bin, 'check', '.', ...args], { cwd: garden, encoding: 'utf8', env });
    const human = check();
    expect(human.status).toBe(1);
    for (const d of every) expect(human.stderr).toContain(`  ${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`);
    expect(human.stderr).not.toContain('more');
    expect(human.stderr).not.toContain('Warning:');
    // Twice: a cold cache, then the notes the first check rendered and cached.
    for (let i = 0; i < 2; i++) {
      const json = check('--json');
      expect(json.status).toBe(1);
      const doc = JSON.parse(json.stdout);
      expect(doc.diagnostics).toEqual(every);
      expect(Object.keys(doc)).toEqual(['notes', 'links', 'broken', 'ambiguous', 'brokenAnchors', 'orphans', 'diagnostics']);
      expect(doc.broken).toHaveLength(5);
      expect(json.stderr).toBe('');
    }
  }, 120_000);
});
