/**
 * Property: a warm build killed outright (SIGKILL: the machine stopping, an out-of-memory kill, a CI
 * job cancelled) at any moment leaves nothing that misleads a later build. Random changes, each
 * followed by `trellis build` through the real CLI killed after a random delay across its whole
 * run, then (sometimes after more changes) a build that finishes: its site is byte for byte a cold
 * build's of the same garden, and so are its link report and diagnostics.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/graph/random.ts';
import { racyMs } from '../src/incremental/kept-scan.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { propertySeeds } from './helpers/property-run.ts';
import { build, recordedReport, siteDiff } from './helpers/site-diff.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');

/** A build started through the CLI and killed after `delayMs` (or done before): whether it finished. */
async function killedAfter(garden: string, out: string, cache: string, delayMs: number): Promise<boolean> {
  const child = spawn(process.execPath, [bin, 'build', garden, '--out', out, '--quiet'], {
    env: { ...process.env, TRELLIS_CACHE_DIR: cache },
    stdio: 'ignore',
  });
  const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  const code = await ended;
  clearTimeout(timer);
  return code === 0;
}

describe('builds killed at random moments', () => {
  for (const seed of propertySeeds([1])) {
    it(`seed ${seed}: the next build that finishes equals a cold one`, async () => {
      const rand = seededRandom(seed * 7919);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
      const files: Record<string, string> = { 'trellis.config.yaml': 'title: Killed\n' };
      let names = Array.from({ length: 300 }, (_, i) => `Note ${i}`);
      const text = (name: string, v: number) =>
        `---\ntags: [t/${v % 3}]\n---\n# ${name}\n\n${`Words about [[${pick(names)}]], [[${pick(names)}#${name}]] and ${pick(names)}. `.repeat(8)}\n\n![[${pick(names)}]]\n`;
      for (const name of names) files[`${name}.md`] = text(name, 0);
      const garden = makeGarden(files);
      const work = tempDir();
      const out = path.join(work, 'site');
      const cache = path.join(work, 'cache');
      build(garden, out, cache);
      let version = 1;
      let created = 0;

      const change = () => {
        const kind = pick(['text', 'links', 'links', 'rename', 'remove', 'create', 'publish']);
        const name = pick(names);
        const file = path.join(garden, `${name}.md`);
        if (kind === 'text') writeFileSync(file, readFileSync(file, 'utf8') + `\nA sentence, version ${version++}.\n`);
        else if (kind === 'links') for (let k = 0; k < 5; k++) writeFileSync(path.join(garden, `${pick(names)}.md`), text(name, version++));
        else if (kind === 'rename') {
          const to = `${name} renamed ${version++}`;
          renameSync(file, path.join(garden, `${to}.md`));
          names = names.map((n) => (n === name ? to : n));
        } else if (kind === 'remove' && names.length > 200) {
          rmSync(file);
          names = names.filter((n) => n !== name);
        } else if (kind === 'create' || kind === 'remove') {
          const added = `Created ${created++}`;
          names.push(added);
          writeFileSync(path.join(garden, `${added}.md`), text(added, version++));
        } else writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, `---\npublish: ${rand() < 0.5}\n`));
        return kind;
      };

      // How long a warm build takes here: kills fall anywhere in it.
      change();
      const started = performance.now();
      build(garden, out, cache);
      const full = performance.now() - started;
      let killed = 0;
      for (let round = 0; round < 6; round++) {
        const kinds = [change(), change()];
        await new Promise((r) => setTimeout(r, racyMs + 50));
        const delay = 80 + rand() * full;
        const finished = await killedAfter(garden, out, cache, delay);
        if (!finished) killed++;
        // The previous site is still there (a new one replaces it whole, with its build record).
        expect(existsSync(path.join(out, '.trellis-build.json')), `round ${round}: the site after the kill`).toBe(true);
        if (rand() < 0.5) kinds.push(change());
        const label = `round ${round} (${kinds.join(', ')}; killed after ${delay.toFixed(0)} ms${finished ? ', but it had finished' : ''})`;
        build(garden, out, cache);
        const [cold, coldCache] = [path.join(work, `cold-${round}`), path.join(work, `cold-cache-${round}`)];
        build(garden, cold, coldCache, true);
        expect(siteDiff(out, cold), label).toEqual([]);
        expect(recordedReport(garden, cache), `${label}: the recorded report`).toEqual(recordedReport(garden, coldCache));
        for (const dir of [cold, coldCache]) rmSync(dir, { recursive: true, force: true });
        expect(existsSync(out)).toBe(true);
      }
      // Most builds were killed before they finished (a kill after the end would test nothing).
      expect(killed).toBeGreaterThanOrEqual(3);
    }, 600_000);
  }
});
