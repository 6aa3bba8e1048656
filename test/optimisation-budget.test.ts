/** The optimisation budget the CLI runs with (bin/optimisation-budget.js), and that a budget given is left as given. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagSpy } from './helpers/flag-spy.ts';
// @ts-expect-error: plain JavaScript module without types (bin/ is not compiled)
import { optimisationBudget, optimisationBudgetFlag } from '../bin/optimisation-budget.js';

const root = path.resolve(import.meta.dirname, '..');

describe('optimisation budget', () => {
  it("is Trellis's unless node's command line gives one", () => {
    expect(optimisationBudget).toBeGreaterThan(67_584);
    expect(optimisationBudgetFlag([])).toBe(`--interrupt-budget=${optimisationBudget}`);
    expect(optimisationBudgetFlag(['--max-old-space-size=512', '--enable-source-maps'])).toBe(`--interrupt-budget=${optimisationBudget}`);
    expect(optimisationBudgetFlag(['--interrupt-budget=1000'])).toBeUndefined();
    expect(optimisationBudgetFlag(['--enable-source-maps', '--interrupt_budget=1000'])).toBeUndefined();
    // Another flag whose name starts the same is not a budget.
    expect(optimisationBudgetFlag(['--interrupt-budget-for-feedback-allocation=940'])).toBe(`--interrupt-budget=${optimisationBudget}`);
  });

  it('is set by the CLI, a flag this V8 takes, and left when node is given one', () => {
    const spy = flagSpy();
    const setFlags = (given: string[]) => {
      spy.clear();
      const run = spawnSync(process.execPath, ['--import', spy.preload, ...given, path.join(root, 'bin/trellis.js'), '--version'], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      // V8 names a flag it does not know, or a value it does not take, on stderr; the CLI's version is all it prints.
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toMatch(/\d+\.\d+/);
      return spy.flags();
    };
    expect(setFlags([])).toEqual([`--interrupt-budget=${optimisationBudget}`]);
    expect(setFlags(['--interrupt-budget=5000'])).toEqual([]);
  });
});
