/**
 * An author's loop in a git garden: edit, commit, build. A commit moves the dates of the notes it
 * touched (git dates: the first and last commit of each), and with them each note's page, every
 * list page that shows its date, the home page's recently tended list, the sitemap and the feeds.
 * Random sequences of edits, commits, amends and edits left uncommitted, each built through the CLI
 * over the previous site and compared byte for byte with a cold build; a build whose notes' dates
 * moved without any other change is not taken for one of edited text (src/incremental/text-only.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/graph/random.ts';
import { makeGarden } from './helpers/garden.ts';
import { propertyRun, propertySeeds } from './helpers/property-run.ts';

const notes = ['Raft', 'Paxos', 'Quorums', 'Gossip', 'Clocks', 'Leases'];

/** Run git in `garden` as a commit made at `when` (an ISO date: the author's and the committer's) would. */
function gitAt(garden: string, when: string, ...args: string[]): string {
  return execFileSync('git', ['-C', garden, '-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], {
    env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    encoding: 'utf8',
  });
}

function noteText(i: number, words: string, link = notes[(i + 1) % notes.length]!): string {
  // Two notes set a date of their own in frontmatter: git's dates then only fill what the author left out.
  const fm = i === 2 ? 'created: 2022-03-04\n' : i === 3 ? 'updated: 2022-05-06\n' : '';
  return `---\ntags: [topic/${i % 2 ? 'odd' : 'even'}, all]\n${fm}---\n# ${notes[i]}\n\nThe ${words} words, then [[${link}]].\n`;
}

describe('a build after commits equals a cold build', () => {
  for (const seed of propertySeeds([3]))
    it(`through random edits, commits and amends, seed ${seed}`, async () => {
      const rand = seededRandom(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
      const files: Record<string, string> = {
        'trellis.config.yaml': 'title: Garden\nurl: https://example.org/notes/\n',
        'index.md': '# Home\n\nStart at [[Raft]].\n',
      };
      notes.forEach((n, i) => (files[`${i < 3 ? 'systems' : 'time'}/${n}.md`] = noteText(i, 'first')));
      const garden = makeGarden(files);
      let day = 0;
      const git = (...args: string[]) => gitAt(garden, new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString(), ...args);
      git('init', '-q');
      git('add', '-A');
      git('commit', '-qm', 'first');
      const run = propertyRun(garden);
      const file = (i: number) => path.join(garden, i < 3 ? 'systems' : 'time', `${notes[i]}.md`);
      const summaries: string[] = [];
      for (let step = 0; step < 10; step++) {
        day += 1 + Math.floor(rand() * 40);
        const op = rand();
        const i = Math.floor(rand() * notes.length);
        if (op < 0.45) {
          // Edited and committed: its text and dates moved.
          writeFileSync(file(i), readFileSync(file(i), 'utf8') + `\nStep ${step}.\n`);
          git('commit', '-qam', `step ${step}`);
        } else if (op < 0.6) {
          // A commit of another day that changes no note's text: only the dates moved (`--allow-empty` touches no file; a rewrite to the same text neither).
          writeFileSync(file(i), noteText(i, pick(['first', 'second'])));
          git('commit', '-qam', `step ${step}`, '--allow-empty');
        } else if (op < 0.75) {
          // The last commit amended at another day: the kept head is gone, its files' dates move.
          writeFileSync(file(i), readFileSync(file(i), 'utf8') + `\nAmended at step ${step}.\n`);
          git('commit', '-qa', '--amend', '-m', `amended at ${step}`);
        } else if (op < 0.9) {
          // Edited in the working tree only: no date moves.
          writeFileSync(file(i), readFileSync(file(i), 'utf8') + `\nUncommitted ${step}.\n`);
        } else {
          // A link changed and committed.
          writeFileSync(file(i), noteText(i, 'first', pick(notes)));
          git('add', '-A');
          git('commit', '-qm', `link at ${step}`, '--allow-empty');
        }
        summaries.push(await run.step(`seed ${seed}, step ${step}`));
      }
      // The builds over the previous site took the ways this test means to cover: dates moved beside text, and text alone.
      expect(summaries.some((s) => s.includes('only text and links changed'))).toBe(true);
      expect(summaries.some((s) => s.includes('only text changed'))).toBe(true);
    }, 240_000);

  it('a commit of edits a build already saw, which touches no file, moves their dates: the next build is not up to date', async () => {
    const files: Record<string, string> = { 'trellis.config.yaml': 'title: Garden\n', 'index.md': '# Home\n\nStart at [[Raft]].\n' };
    notes.forEach((n, i) => (files[`${n}.md`] = noteText(i, 'first')));
    const garden = makeGarden(files);
    const git = (when: string, ...args: string[]) => gitAt(garden, when, ...args);
    git('2024-01-01T12:00:00Z', 'init', '-q');
    git('2024-01-01T12:00:00Z', 'add', '-A');
    git('2024-01-01T12:00:00Z', 'commit', '-qm', 'first');
    const run = propertyRun(garden);
    writeFileSync(path.join(garden, 'Raft.md'), noteText(0, 'second'));
    expect(await run.step('edited, not committed')).toContain('1 note changed');
    // `git commit` writes no file of the working tree: the files' stamps are the last build's, only the commit is new.
    git('2024-03-15T12:00:00Z', 'commit', '-qam', 'second');
    const summary = await run.step('committed');
    expect(summary).not.toContain('up to date');
    expect(readFileSync(path.join(run.out, 'raft', 'index.html'), 'utf8')).toContain('2024-03-15');
  }, 120_000);

  it('with file dates (`dates: filesystem`), a note touched on another day moves its date on every list, as a cold build does', async () => {
    const files: Record<string, string> = {
      'trellis.config.yaml': 'title: Garden\nurl: https://example.org/notes/\ndates: filesystem\n',
      'index.md': '# Home\n',
    };
    notes.forEach((n, i) => (files[`${n}.md`] = noteText(i, 'first')));
    const garden = makeGarden(files);
    const day = (d: number) => new Date(Date.UTC(2024, 0, d, 12));
    notes.forEach((n, i) => utimesSync(path.join(garden, `${n}.md`), day(1 + i), day(1 + i)));
    const run = propertyRun(garden);
    // Its text and its day: no text-only build.
    writeFileSync(path.join(garden, 'Paxos.md'), noteText(1, 'second'));
    utimesSync(path.join(garden, 'Paxos.md'), day(20), day(20));
    expect(await run.step('text and day')).toContain('only text and links changed');
    // Its day alone, the text as it was.
    utimesSync(path.join(garden, 'Raft.md'), day(25), day(25));
    expect(await run.step('day alone')).toContain('only text and links changed');
    // Its text alone, the same day: a text-only build.
    writeFileSync(path.join(garden, 'Clocks.md'), noteText(4, 'third'));
    utimesSync(path.join(garden, 'Clocks.md'), day(5), day(5));
    expect(await run.step('text alone')).toContain('only text changed');
  }, 120_000);
});
