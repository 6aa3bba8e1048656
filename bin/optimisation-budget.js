// V8 optimises a function (TurboFan, on background threads) once it has run a budget of bytecode. A build is a few
// seconds of many functions that are hot for a moment: with V8's budget (67,584) the background compiles were ~1.8 s of
// a 10k link build's ~8 s of CPU on two cores. With a budget about 4.4 times larger, only the functions that stay hot
// are optimised: warm builds used 5-13 % less CPU and were 3-8 % faster, cold builds no slower (docs/performance.md,
// "Thirty-eighth session").

/** The interrupt budget Trellis runs with. */
export const optimisationBudget = 300_000;

/**
 * The V8 flag that sets Trellis's budget, or undefined when node's command line (`execArgv`) gives one: a budget given
 * is left as given. (`NODE_OPTIONS` cannot hold this flag: node refuses to start.)
 * @param {readonly string[]} execArgv
 * @returns {string | undefined}
 */
export function optimisationBudgetFlag(execArgv) {
  const given = execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg));
  return given ? undefined : `--interrupt-budget=${optimisationBudget}`;
}
