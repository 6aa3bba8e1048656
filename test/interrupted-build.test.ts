/**
 * A build stopped half-way, through the real CLI: stopped by Ctrl-C or SIGTERM while its staging
 * folder (a whole site of hard links beside the output) is being filled, it leaves the previous site
 * exactly as it was, moves its folders away at once and removes them in the background, and gives up
 * its lock (src/interrupt.ts); killed outright (SIGKILL, the machine stopping), it cannot, and the
 * next build sweeps what it left (src/incremental/remove-later.ts). Either way the next build equals
 * a cold build of the same garden.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileOf } from '../src/incremental/build-lock.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { build, siteDiff } from './helpers/site-diff.ts';
import { until } from './helpers/until.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');

/** A garden big enough that a build's emit takes a while, and its notes' names. */
function bigGarden(): { garden: string; names: string[] } {
  const files: Record<string, string> = { 'trellis.config.yaml': 'title: Stopped\n' };
  const names = Array.from({ length: 400 }, (_, i) => `Note ${i}`);
  names.forEach((name, i) => {
    files[`${name}.md`] = `# ${name}\n\n${`Words about [[Note ${(i + 1) % 400}]] and Note ${(i + 7) % 400}. `.repeat(30)}\n`;
  });
  return { garden: makeGarden(files), names };
}

/** What lies beside the output folder `out` of a build: its staging, scratch, trash and replaced folders. */
function leftovers(out: string): string[] {
  const base = path.basename(out);
  return readdirSync(path.dirname(out)).filter((n) => ['-staging-', '-trash-', '-replaced-'].some((kind) => n.startsWith(`.${base}${kind}`)));
}

/** Start a build, stop it with `signal` once its staging folder is there; how it ended and what it left at that moment. */
async function stopMidBuild(garden: string, out: string, cache: string, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [bin, 'build', garden, '--out', out], { env: { ...process.env, TRELLIS_CACHE_DIR: cache }, stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, sig) => resolve({ code, signal: sig })),
  );
  let finished = false;
  void ended.then(() => (finished = true));
  const staging = `.${path.basename(out)}-staging-`;
  while (!finished && !readdirSync(path.dirname(out)).some((n) => n.startsWith(staging))) await new Promise((r) => setTimeout(r, 2));
  expect(finished, 'the build ended before its staging folder was seen').toBe(false);
  child.kill(signal);
  const how = await ended;
  return { ...how, left: leftovers(out), locked: existsSync(lockFileOf(out)) };
}

describe('a build stopped half-way', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`stopped by ${signal}: the previous site is untouched, its folders go at once, and the next build equals a cold one`, async () => {
      const { garden, names } = bigGarden();
      const work = tempDir();
      const out = path.join(work, 'site');
      const cache = path.join(work, 'cache');
      build(garden, out, cache);
      const before = path.join(work, 'before');
      cpSync(out, before, { recursive: true });
      for (const name of names.slice(0, 60)) writeFileSync(path.join(garden, `${name}.md`), `# ${name}\n\nRewritten, now about [[Note 3]].\n`);

      const stopped = await stopMidBuild(garden, out, cache, signal);
      // Ended by the signal itself, as a build without clean-up would be.
      expect(stopped).toMatchObject({ code: null, signal });
      // No staging folder left for a moment, nor the lock; the trash goes in the background.
      expect(stopped.left.filter((n) => n.includes('-staging-'))).toEqual([]);
      expect(stopped.locked).toBe(false);
      expect(siteDiff(out, before)).toEqual([]);
      await until(() => leftovers(out).length === 0);

      build(garden, out, cache);
      const cold = path.join(work, 'cold');
      build(garden, cold, path.join(work, 'cold-cache'), true);
      expect(siteDiff(out, cold)).toEqual([]);
      await until(() => leftovers(out).length === 0);
    }, 180_000);
  }

  it('killed outright: what it left is swept by the next build, which equals a cold one', async () => {
    const { garden, names } = bigGarden();
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    build(garden, out, cache);
    for (const name of names.slice(100, 160)) writeFileSync(path.join(garden, `${name}.md`), `# ${name}\n\nRewritten, now about [[Note 5]].\n`);

    const killed = await stopMidBuild(garden, out, cache, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    // Nothing could run: its staging folder (and lock) stay, until a build comes.
    expect(killed.left.some((n) => n.includes('-staging-'))).toBe(true);

    build(garden, out, cache);
    await until(() => leftovers(out).length === 0);
    const cold = path.join(work, 'cold');
    build(garden, cold, path.join(work, 'cold-cache'), true);
    expect(siteDiff(out, cold)).toEqual([]);
    expect(existsSync(lockFileOf(out))).toBe(false);
  }, 180_000);
});
