/**
 * `TRELLIS_TIMINGS=1 trellis build` ends by printing the wall time of each of its phases (src/timings.ts), through the
 * real command line: a first build, a build after one note's text changed, and one finding the site up to date. The
 * phases are in the order they ran, each a length of time, and they add up to about the build's own time.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTimings, parseTimings } from '../src/timings.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const bin = path.join(projectRoot, 'bin/trellis.js');

function build(garden: string, out: string, cache: string, timings: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, TRELLIS_CACHE_DIR: cache };
  if (timings === undefined) delete env.TRELLIS_TIMINGS;
  else env.TRELLIS_TIMINGS = timings;
  const run = spawnSync(process.execPath, [bin, 'build', garden, '--out', out], { cwd: projectRoot, encoding: 'utf8', env });
  expect(run.status, run.stderr).toBe(0);
  // The build's own time, as its summary says it ("… in 0.84 s; …").
  const seconds = Number(/ in (\d+\.\d+) s/.exec(run.stdout)?.[1]);
  return { stderr: run.stderr, ms: seconds * 1000, timings: parseTimings(run.stderr) };
}

/** The names of `timings`, in order. */
const names = (timings: Map<string, number>) => [...timings.keys()];

describe('the build phases TRELLIS_TIMINGS prints', () => {
  it('lists each phase of a first build, an edit of text and an up-to-date build, adding up to the build', () => {
    const garden = makeGarden({
      'A.md': '# A\n\nLinks to [[B]] and mentions C here.\n',
      'B.md': '---\naliases: [Bee]\n---\n# B\n\nBack to [[A]].\n',
      'C.md': '# C\n\nAbout C.\n',
    });
    const out = path.join(tempDir(), 'dist');
    const cache = tempDir();

    const first = build(garden, out, cache, '1');
    expect(first.timings).toBeDefined();
    // In the order they ran: the scan before the compile, the derive's stages, the pages, the commit.
    const order = names(first.timings!);
    const pairs: [string, string][] = [
      ['startup', 'walk'],
      ['walk', 'scan'],
      ['scan', 'compile'],
      ['compile', 'resolve'],
      ['resolve', 'graph'],
      ['graph', 'assemble'],
      ['assemble', 'pages'],
      ['pages', 'commit'],
      ['commit', 'report'],
    ];
    for (const [before, after] of pairs) {
      expect(order).toContain(before);
      expect(order.indexOf(before), `${before} before ${after} in ${order.join(', ')}`).toBeLessThan(order.indexOf(after));
    }
    for (const [name, ms] of first.timings!) expect(ms, name).toBeGreaterThanOrEqual(0);
    // From the process's start: the build's own time (from the command's start) and its startup, to rounding.
    const sum = [...first.timings!.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThanOrEqual(first.ms - 20);
    expect(sum).toBeLessThanOrEqual(first.ms + first.timings!.get('startup')! + 20);

    // Only text changed: the phases say so, and the pages of this build are looked at.
    writeFileSync(path.join(garden, 'C.md'), '# C\n\nAbout C, edited.\n');
    const edit = build(garden, out, cache, '1');
    expect(names(edit.timings!)).toEqual(expect.arrayContaining(['stamps', 'scan', 'manifest', 'compile', 'what changed', 'derive', 'page keys', 'pages']));

    // Up to date: the build stops after the stamps, or (files written this moment, whose stamps cannot be trusted yet:
    // src/incremental/kept-scan.ts) after the scan finds the same fingerprint, and says so in its phases.
    const upToDate = build(garden, out, cache, '1');
    expect(['stamps', 'fingerprint']).toContain(names(upToDate.timings!).at(-1));
    expect(upToDate.timings!.has('compile')).toBe(false);

    // Without the variable (or with 0), nothing is printed.
    writeFileSync(path.join(garden, 'C.md'), '# C\n\nAbout C, edited again.\n');
    expect(build(garden, out, cache, undefined).stderr).not.toContain('timings:');
    writeFileSync(path.join(garden, 'C.md'), '# C\n\nAbout C, edited once more.\n');
    expect(build(garden, out, cache, '0').stderr).not.toContain('timings:');
  }, 60_000);

  it('reads back the line it prints, a phase ended twice counted once with both spans', () => {
    const line = formatTimings([
      { name: 'walk', ms: 74.4 },
      { name: 'layout wait', ms: 10 },
      { name: 'pages', ms: 90.6 },
      { name: 'layout wait', ms: 5 },
    ]);
    expect(line).toBe('timings: walk 74 ms, layout wait 10 ms, pages 91 ms, layout wait 5 ms (total 180 ms)\n');
    expect(parseTimings(`other output\n${line}`)).toEqual(
      new Map([
        ['walk', 74],
        ['layout wait', 15],
        ['pages', 91],
      ]),
    );
    expect(parseTimings('no timings here\n')).toBeUndefined();
  });
});
