/**
 * Dates shown are ones the author set or git recorded: never the day of a
 * checkout. Built through the real CLI, in gardens with and without git.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDate } from '../src/compile/parse/read-date.ts';
import { parseNote } from '../src/compile/parse/index.ts';
import { toNoteId, toNotePath } from '../src/shared/ids.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');
/** One build cache for the file's builds, so a rebuild into the same folder can find the previous build's record. */
const cacheDir = tempDir();

/** Build `garden` with the CLI; returns the output folder and the run. */
function build(garden: string, ...args: string[]) {
  return buildInto(path.join(tempDir(), 'site'), garden, ...args);
}

/** Build `garden` into `out` with the CLI. */
function buildInto(out: string, garden: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [bin, 'build', garden, '--out', out, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TRELLIS_CACHE_DIR: cacheDir },
  });
  expect(run.status, run.stderr).toBe(0);
  return {
    out,
    run,
    page: (url: string) => readFileSync(path.join(out, url, 'index.html'), 'utf8'),
    data: (url: string) => JSON.parse(readFileSync(path.join(out, url, 'index.json'), 'utf8')),
  };
}

/** The dates line of a built note page. */
function meta(html: string): string {
  return /<p class="note-meta">(.*?)<\/p>/.exec(html)?.[1] ?? '';
}

function git(root: string, when: string, ...args: string[]) {
  return execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
  });
}

/** A garden of `files` in a git repository, committed once at `when`. */
function committedGarden(files: Record<string, string>, when: string): string {
  const root = makeGarden(files);
  git(root, when, 'init', '-q');
  git(root, when, 'add', '.');
  git(root, when, 'commit', '-qm', 'one');
  return root;
}

const isRepo = (dir: string) => spawnSync('git', ['-C', dir, 'rev-parse', '--git-dir']).status === 0;

describe('note dates', () => {
  it('outside git: no date unless the frontmatter sets one; file times only with --dates filesystem', () => {
    const garden = makeGarden({
      'index.md': '# Home\n\n[[Plain]]\n',
      'Plain.md': '# Plain\n\nNo dates here.\n',
      'Dated.md': '---\ncreated: 2024-03-01\n---\nDated.\n',
      'Linted.md': '---\ndate created: Wednesday, January 4th 2023, 8:23:03 pm\ndate modified: Friday, March 8th 2024, 9:00:00 am\n---\nLinted.\n',
      'Ambiguous.md': '---\ncreated: 01/03/2024\n---\nWhich day?\n',
    });
    expect(isRepo(garden)).toBe(false);
    // Files written long ago (as a copy that keeps times would leave them): shown only when asked for.
    const old = new Date(2020, 4, 6, 12);
    for (const f of ['index.md', 'Plain.md', 'Dated.md', 'Linted.md', 'Ambiguous.md']) utimesSync(path.join(garden, f), old, old);

    // With a site URL, so that the sitemap (absolute URLs only) is written.
    const site = build(garden, '--url', 'https://example.org/');
    expect(meta(site.page('plain'))).toBe('<span>1 min read</span>');
    expect(site.data('plain')).not.toHaveProperty('created');
    expect(site.data('plain')).not.toHaveProperty('updated');
    expect(meta(site.page('dated'))).toBe('<span>Planted <time datetime="2024-03-01">1 Mar 2024</time></span><span>1 min read</span>');
    expect(meta(site.page('linted'))).toBe(
      '<span>Planted <time datetime="2023-01-04">4 Jan 2023</time></span><span>Tended <time datetime="2024-03-08">8 Mar 2024</time></span><span>1 min read</span>',
    );
    expect(meta(site.page('ambiguous'))).toBe('<span>1 min read</span>');
    expect(site.run.stderr).toContain(
      'Ambiguous.md:2:10: warning: `created` is not a date (`01/03/2024`); write it as `YYYY-MM-DD` (a Date property in Obsidian), e.g. `2024-03-01`. The note shows no created date from it [invalid-date]',
    );
    // Recently tended: the dated notes only, newest first; the sitemap dates only those.
    expect(site.data('').recent.map((r: { url: string }) => r.url)).toEqual(['/linted/', '/dated/']);
    const sitemap = readFileSync(path.join(site.out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<url><loc>https://example.org/plain/</loc></url>');
    expect(sitemap).toMatch(/<url><loc>https:\/\/example\.org\/dated\/<\/loc><lastmod>2024-03-01[^<]*<\/lastmod><\/url>/);
    expect(sitemap).not.toContain('2020-05-06');

    // Into the same folder: the date setting is an input of the build, so the site is rebuilt, not found up to date.
    const withFiles = buildInto(site.out, garden, '--dates', 'filesystem');
    expect(withFiles.run.stdout).toContain('files written');
    expect(meta(withFiles.page('plain'))).toBe('<span>Tended <time datetime="2020-05-06">6 May 2020</time></span><span>1 min read</span>');
    // The frontmatter still comes first; a file time older than the created date is no last-tended date.
    expect(meta(withFiles.page('dated'))).toBe('<span>Planted <time datetime="2024-03-01">1 Mar 2024</time></span><span>1 min read</span>');
    expect(withFiles.data('ambiguous').updated).toBe('2020-05-06');

    const bad = spawnSync(process.execPath, [bin, 'build', garden, '--dates', 'mtime'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--dates must be one of frontmatter, git, filesystem; got "mtime"');
  }, 120_000);

  it('in a git repository: the first and last commit dates, the frontmatter first; --dates frontmatter ignores git', () => {
    const garden = makeGarden({ 'Plain.md': '# Plain\n\nText.\n', 'Dated.md': '---\ncreated: 2024-03-01\n---\nDated.\n' });
    git(garden, '2023-02-03T12:00:00+01:00', 'init', '-q');
    git(garden, '2023-02-03T12:00:00+01:00', 'add', '.');
    git(garden, '2023-02-03T12:00:00+01:00', 'commit', '-qm', 'first');
    writeFileSync(path.join(garden, 'Plain.md'), '# Plain\n\nText, tended.\n');
    git(garden, '2025-07-08T09:30:00Z', 'commit', '-qam', 'second');

    const site = build(garden);
    expect(meta(site.page('plain'))).toBe(
      '<span>Planted <time datetime="2023-02-03">3 Feb 2023</time></span><span>Tended <time datetime="2025-07-08">8 Jul 2025</time></span><span>1 min read</span>',
    );
    // Created by the author in 2024, committed first in 2023: the author's date, and git's older one is no last-tended date.
    expect(meta(site.page('dated'))).toBe('<span>Planted <time datetime="2024-03-01">1 Mar 2024</time></span><span>1 min read</span>');

    const authorOnly = build(garden, '--dates', 'frontmatter');
    expect(meta(authorOnly.page('plain'))).toBe('<span>1 min read</span>');
  }, 120_000);

  it('a shallow clone dates nothing from its cut-off commit, and says so', () => {
    const origin = committedGarden({ 'a.md': 'A', 'b.md': 'B' }, '2023-01-01T12:00:00Z');
    writeFileSync(path.join(origin, 'c.md'), 'C');
    git(origin, '2023-06-01T12:00:00Z', 'add', '.');
    git(origin, '2023-06-01T12:00:00Z', 'commit', '-qm', 'two');
    writeFileSync(path.join(origin, 'b.md'), 'B, tended');
    git(origin, '2024-06-01T12:00:00Z', 'commit', '-qam', 'three');
    const clone = path.join(tempDir(), 'clone');
    // The checkout happens today: no note may show today's date (nor the cut-off's) as its own.
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${origin}`, clone]);

    const site = build(clone);
    expect(meta(site.page('a'))).toBe('<span>1 min read</span>');
    expect(meta(site.page('b'))).toBe('<span>Tended <time datetime="2024-06-01">1 Jun 2024</time></span><span>1 min read</span>');
    expect(meta(site.page('c'))).toBe('<span>1 min read</span>');
    expect(site.run.stderr).toContain(
      "warning: The garden's git history is cut at 2023-06-01 (a shallow clone): notes show no git dates from before it. Fetch the whole history (`git fetch --unshallow`; in CI, `fetch-depth: 0`) [shallow-history]",
    );

    // The full history dates every note.
    const full = build(origin);
    expect(meta(full.page('a'))).toBe('<span>Planted <time datetime="2023-01-01">1 Jan 2023</time></span><span>1 min read</span>');
    expect(meta(full.page('c'))).toBe('<span>Planted <time datetime="2023-06-01">1 Jun 2023</time></span><span>1 min read</span>');
    expect(full.run.stderr).not.toContain('shallow-history');
  }, 120_000);

  it('keeps the git dates read while the commit checked out and the shallow boundary stay, and reads them again when either moves', () => {
    const origin = committedGarden({ 'a.md': 'A', 'b.md': 'B' }, '2023-01-01T12:00:00Z');
    writeFileSync(path.join(origin, 'b.md'), 'B, tended');
    git(origin, '2024-06-01T12:00:00Z', 'commit', '-qam', 'two');
    const clone = path.join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
    const out = path.join(tempDir(), 'site');
    const first = buildInto(out, clone);
    expect(meta(first.page('a'))).toBe('<span>1 min read</span>');
    expect(first.run.stderr).toContain('[shallow-history]');
    // An edit in the working tree alone: the kept dates stand (nothing was committed).
    writeFileSync(path.join(clone, 'a.md'), 'A, edited');
    const edited = buildInto(out, clone);
    expect(meta(edited.page('a'))).toBe('<span>1 min read</span>');
    expect(meta(edited.page('b'))).toBe('<span>1 min read</span>');
    // The same commit with the whole history fetched: the boundary moved, every note is dated.
    execFileSync('git', ['-C', clone, 'fetch', '-q', '--unshallow']);
    const unshallowed = buildInto(out, clone);
    expect(meta(unshallowed.page('a'))).toBe('<span>Planted <time datetime="2023-01-01">1 Jan 2023</time></span><span>1 min read</span>');
    expect(meta(unshallowed.page('b'))).toBe(
      '<span>Planted <time datetime="2023-01-01">1 Jan 2023</time></span><span>Tended <time datetime="2024-06-01">1 Jun 2024</time></span><span>1 min read</span>',
    );
    expect(unshallowed.run.stderr).not.toContain('shallow-history');
    // A new commit: its date is read.
    git(clone, '2025-03-04T12:00:00Z', 'commit', '-qam', 'three');
    const committed = buildInto(out, clone);
    expect(meta(committed.page('a'))).toBe(
      '<span>Planted <time datetime="2023-01-01">1 Jan 2023</time></span><span>Tended <time datetime="2025-03-04">4 Mar 2025</time></span><span>1 min read</span>',
    );
  }, 120_000);

  it('reads the date property names and formats Obsidian vaults use, and warns about the rest at their place', () => {
    const parse = (text: string) => parseNote({ path: toNotePath('n.md'), id: toNoteId(toNotePath('n.md')), hash: 'h' }, text).note;
    const note = parse('---\nCreated_At: 2021-02-03T10:00:00+02:00\nLast-Modified: 20220304\ndate: 2020-01-01\ntitle: T\n---\nbody\n');
    expect([note.frontmatter.created, note.frontmatter.updated, note.frontmatter.date]).toEqual(['2021-02-03', '2022-03-04', '2020-01-01']);
    // Precedence inside a group: `updated` before `modified`, whatever the order they are written in.
    expect(parse('---\nmodified: 2022-01-01\nupdated: 2023-01-01\n---\nx\n').frontmatter.updated).toBe('2023-01-01');
    // Obsidian writes an empty date property for a date not yet set: no date, no warning.
    const empty = parse('---\ncreated:\nupdated: ""\n---\nx\n');
    expect([empty.frontmatter.created, empty.frontmatter.updated, empty.diagnostics]).toEqual([undefined, undefined, []]);
    const wrong = parse('---\ntitle: T\nupdated: last spring\ncreated: 2023-02-30\n---\nx\n');
    expect(wrong.frontmatter).not.toHaveProperty('updated');
    expect(wrong.frontmatter).not.toHaveProperty('created');
    expect(wrong.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.reason}`)).toEqual([
      '3:10 invalid-date `updated` is not a date (`last spring`); write it as `YYYY-MM-DD` (a Date property in Obsidian), e.g. `2024-03-01`. The note shows no last-tended date from it',
      '4:10 invalid-date `created` is not a date (`2023-02-30`); write it as `YYYY-MM-DD` (a Date property in Obsidian), e.g. `2024-03-01`. The note shows no created date from it',
    ]);
  });

  it('reads a date as the day written, in the forms Obsidian and its plugins write', () => {
    const cases: [unknown, string | undefined][] = [
      ['2024-03-01', '2024-03-01'],
      ['2024-03-01T23:30', '2024-03-01'],
      ['2024-03-01T23:30:00-05:00', '2024-03-01'],
      ['2024-03-01 08:15:00', '2024-03-01'],
      ['2024/3/1', '2024-03-01'],
      ['2024.03.01', '2024-03-01'],
      [20240301, '2024-03-01'],
      [20241229143052, '2024-12-29'],
      ['Wednesday, January 4th 2023, 8:23:03 pm', '2023-01-04'],
      ['March 1, 2024', '2024-03-01'],
      ['1 Mar 2024', '2024-03-01'],
      ['Thu, 29 Feb 2024 10:00', '2024-02-29'],
      [new Date('2024-03-01T00:00:00Z'), '2024-03-01'],
      ['2023-02-29', undefined],
      ['01/03/2024', undefined],
      ['2024-03', undefined],
      ['2024-03-01 whenever', undefined],
      [2024, undefined],
      [true, undefined],
      [['2024-03-01'], undefined],
    ];
    for (const [value, day] of cases) expect([value, readDate(value)]).toEqual([value, day]);
  });
});
