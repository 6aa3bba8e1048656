/** The optimisation budget the CLI runs with (bin/optimisation-budget.js), and that a budget given is left as given. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('is a flag this V8 takes: the CLI runs with it, and with a budget of its own', () => {
    for (const flags of [[], ['--interrupt-budget=5000']]) {
      const run = spawnSync(process.execPath, [...flags, path.join(root, 'bin/trellis.js'), '--version'], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      // V8 names a flag it does not know on stderr; the CLI's version is all it prints.
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toMatch(/\d+\.\d+/);
    }
  });
});
