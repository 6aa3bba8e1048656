/**
 * A build of a few notes' edited text runs the rest of its way without V8's optimising compiler (src/optimising-tier.ts):
 * which builds hold it back (through the CLI, the flags it sets logged from inside it), and that holding it back at run
 * time keeps a hot function from being optimised in this Node (a process of its own, with V8's natives syntax to ask).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fewGardenNotes, fewNotes, holdsOptimisingCompiler } from '../src/optimising-tier.ts';
import { projectRoot } from '../src/paths.ts';
import { flagSpy } from './helpers/flag-spy.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

/** Whether a hot function ends up optimised, in a fresh process that first holds the optimising compiler back or not. */
function optimisedIn(hold: boolean): boolean {
  const script = path.join(tempDir(), 'hot.mjs');
  const tier = pathToFileURL(path.join(projectRoot, 'src', 'optimising-tier.ts')).href;
  writeFileSync(
    script,
    `const { holdOptimisingCompiler } = await import(${JSON.stringify(tier)});
${hold ? 'holdOptimisingCompiler();' : ''}
function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 31) % 1000003; return s; }
const status = new Function('f', 'return %GetOptimizationStatus(f)');
let optimised = false;
for (let round = 0; round < 200 && !optimised; round++) {
  for (let k = 0; k < 200; k++) hot(1000);
  await new Promise((r) => setTimeout(r, 5));
  // Bit 16: the function runs optimised code (V8's OptimizationStatus).
  optimised = (status(hot) & 16) !== 0;
}
process.stdout.write(optimised ? 'optimised' : 'not optimised');
`,
  );
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { cwd: projectRoot, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout === 'optimised';
}

describe('the optimising compiler in a build of edited text', () => {
  it('is held back for a few notes of a garden not too large, unless node was told a tier', () => {
    expect(holdsOptimisingCompiler(1, 10_000, [])).toBe(true);
    expect(holdsOptimisingCompiler(fewNotes, fewGardenNotes, [])).toBe(true);
    expect(holdsOptimisingCompiler(fewNotes + 1, 10_000, [])).toBe(false);
    // A large garden's rest of a build is long enough for the optimising compiler to pay off.
    expect(holdsOptimisingCompiler(1, fewGardenNotes + 1, [])).toBe(false);
    expect(holdsOptimisingCompiler(1, 10_000, ['--max-opt=3'])).toBe(false);
    expect(holdsOptimisingCompiler(1, 10_000, ['--max_opt', '3'])).toBe(false);
    expect(holdsOptimisingCompiler(1, 10_000, ['--max-old-space-size=4096'])).toBe(true);
  });

  it('keeps a hot function from being optimised once held back, in this Node', () => {
    expect(optimisedIn(false)).toBe(true);
    expect(optimisedIn(true)).toBe(false);
  }, 60_000);

  it('is held back by the CLI in a build of edited text, not in one of changed links, nor when node is given a tier', () => {
    const garden = makeGarden({
      'A.md': '# A\n\nAbout [[B]] and more.\n',
      'B.md': '# B\n\nBack to [[A]].\n',
      'C.md': '# C\n\nAlone.\n',
    });
    const out = path.join(tempDir(), 'site');
    const cache = tempDir();
    const spy = flagSpy();
    const build = (given: string[] = []) => {
      spy.clear();
      const run = spawnSync(
        process.execPath,
        ['--import', spy.preload, ...given, path.join(projectRoot, 'bin', 'trellis.js'), 'build', garden, '--out', out, '--quiet'],
        {
          encoding: 'utf8',
          env: { ...process.env, TRELLIS_CACHE_DIR: cache },
        },
      );
      expect(run.status, run.stderr).toBe(0);
      return spy.flags();
    };
    expect(build()).not.toContain('--max-opt=2');
    // Text alone: held back once the build knows it.
    appendFileSync(path.join(garden, 'A.md'), '\nA sentence more.\n');
    expect(build()).toContain('--max-opt=2');
    // A link changed: the graph stage runs, with every tier.
    appendFileSync(path.join(garden, 'C.md'), '\nNow see [[A]].\n');
    expect(build()).not.toContain('--max-opt=2');
    // A tier given on node's command line is left as given.
    appendFileSync(path.join(garden, 'B.md'), '\nA sentence more.\n');
    expect(build(['--max-opt=999'])).not.toContain('--max-opt=2');
    appendFileSync(path.join(garden, 'B.md'), '\nAnd another.\n');
    expect(build()).toContain('--max-opt=2');
  }, 120_000);
});
