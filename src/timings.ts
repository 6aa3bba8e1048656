/**
 * Where a build's wall time goes, without a profiler: with `TRELLIS_TIMINGS=1`, `trellis build` ends by
 * printing (to stderr) the milliseconds each of its phases took on the builder's thread, a phase ending
 * where the next begins, from the process's start. A sampling profiler overstates code that runs once
 * over every note (short loops the profiler catches before V8 optimises them): a loop over 10k titles
 * showed 74 ms in a profile and took 23 ms. The benchmark records these phases for each kind of change
 * (bench/incremental.ts, docs/performance.md).
 *
 * The phases are marked in order by the code that runs them (`phase`); a phase a build skips is absent.
 * A wait for another thread (the layout, the search index) is a phase of its own.
 */

/** Whether this process records its phases (`TRELLIS_TIMINGS` set to anything but empty or `0`). */
export const timingsOn = (process.env.TRELLIS_TIMINGS ?? '') !== '' && process.env.TRELLIS_TIMINGS !== '0';

/** The phases ended so far: name, and when it ended (ms since the process started). */
const ended: [name: string, at: number][] = [];

/** End the phase `name` now (it began where the previous one ended, or at the process's start). */
export function phase(name: string): void {
  if (timingsOn) ended.push([name, performance.now()]);
}

/**
 * End the phase `name` now, split: first the parts `keys` of it that its own code timed (`parts`, ms each, in that
 * order; src/build.ts's stage laps), then `name` for the rest of it.
 */
export function phaseParts(name: string, parts: Readonly<Record<string, number>>, keys: readonly string[]): void {
  if (!timingsOn) return;
  const now = performance.now();
  let at = ended.at(-1)?.[1] ?? 0;
  for (const key of keys) {
    const ms = parts[key];
    if (ms === undefined) continue;
    at = Math.min(now, at + ms);
    ended.push([key, at]);
  }
  ended.push([name, now]);
}

/** Each phase ended so far, with its length in ms, in order; a name ended twice counts both spans. */
export function phases(): { name: string; ms: number }[] {
  const out: { name: string; ms: number }[] = [];
  let from = 0;
  for (const [name, at] of ended) {
    out.push({ name, ms: at - from });
    from = at;
  }
  return out;
}

/** The line `trellis build` prints: `timings: startup 131 ms, walk 74 ms, … (total 1402 ms)`. */
export function formatTimings(list: readonly { name: string; ms: number }[]): string {
  const total = list.reduce((sum, p) => sum + p.ms, 0);
  return `timings: ${list.map((p) => `${p.name} ${Math.round(p.ms)} ms`).join(', ')} (total ${Math.round(total)} ms)\n`;
}

/** The phases of a `formatTimings` line in `text` (the last one), by name (a name twice: the sum); undefined when there is none. */
export function parseTimings(text: string): Map<string, number> | undefined {
  const line = text
    .split('\n')
    .filter((l) => l.startsWith('timings: '))
    .at(-1);
  if (!line) return undefined;
  const out = new Map<string, number>();
  for (const part of line
    .slice('timings: '.length)
    .replace(/ \(total \d+ ms\)$/, '')
    .split(', ')) {
    const match = /^(.+) (\d+) ms$/.exec(part);
    if (match) out.set(match[1]!, (out.get(match[1]!) ?? 0) + Number(match[2]));
  }
  return out;
}
