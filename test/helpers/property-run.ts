/**
 * The loop of the incremental build's property tests: a garden built once through the CLI, then,
 * after each step's changes, built again over the previous site and compared byte for byte with a
 * cold build (`--no-cache`, an empty cache) of the same garden, and so are the link report and
 * diagnostics each build recorded.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { racyMs } from '../../src/incremental/kept-scan.ts';
import { tempDir } from './garden.ts';
import { build, recordedReport, siteDiff } from './site-diff.ts';

/** A garden's site built over and over, each build checked against a cold one. */
export interface PropertyRun {
  /** The site built over the previous one. */
  readonly out: string;
  /** The cache folder of the builds over the previous site (what they kept: src/incremental/). */
  readonly cache: string;
  /**
   * Build the garden over the previous site, build it cold, and expect the two sites to be the same;
   * the incremental build's summary. With `settle` (the default), first wait out the racy margin
   * (src/incremental/kept-scan.ts), so that the notes this step left alone are trusted from the kept scan.
   */
  step(label: string, options?: { settle?: boolean }): Promise<string>;
}

/** Build `garden` once (the site every step builds over). */
export function propertyRun(garden: string): PropertyRun {
  const work = tempDir();
  const out = path.join(work, 'site');
  const cache = path.join(work, 'cache');
  build(garden, out, cache);
  let steps = 0;
  return {
    out,
    cache,
    async step(label, { settle = true } = {}) {
      if (settle) await new Promise((r) => setTimeout(r, racyMs + 100));
      const summary = build(garden, out, cache);
      const n = steps++;
      const [cold, coldCache] = [path.join(work, `cold-${n}`), path.join(work, `cold-cache-${n}`)];
      build(garden, cold, coldCache, true);
      expect(siteDiff(out, cold), `${label}: ${summary}`).toEqual([]);
      // The report and diagnostics it recorded (what its summary printed) are a cold build's too.
      expect(recordedReport(garden, cache), `${label}: the recorded report`).toEqual(recordedReport(garden, coldCache));
      for (const dir of [cold, coldCache]) rmSync(dir, { recursive: true, force: true });
      return summary;
    },
  };
}

/**
 * The seeds a property test runs: `defaults`, or those the `PROPERTY_SEEDS` environment variable
 * names (`7`, `6-40` or `3,9,12`), for a longer run by hand (docs/architecture.md, "Tests").
 */
export function propertySeeds(defaults: readonly number[]): number[] {
  const given = process.env.PROPERTY_SEEDS?.trim();
  if (!given) return [...defaults];
  return given.split(',').flatMap((part) => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`PROPERTY_SEEDS: "${part}" is not a seed or a range of seeds`);
    const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  });
}
