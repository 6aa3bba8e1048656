/**
 * Which folder a dev server's Vite pre-bundles the app's packages into (src/dev/vite-cache.ts):
 * the project's shared folder for one server at a time, a folder of its own for a server started
 * while another holds it, removed when it closes or, left by a killed server, by the next start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimViteCache, sharedViteCache } from '../src/dev/vite-cache.ts';
import { tempDir } from './helpers/garden.ts';

/** A project folder with a node_modules, as the dev server's project root. */
function project(): string {
  const root = tempDir();
  mkdirSync(path.join(root, 'node_modules'));
  return root;
}

describe("the dev server's Vite cache folder", () => {
  it('is the shared folder for one server; a second server at the same time gets its own, removed when it closes', () => {
    const root = project();
    const shared = path.join(root, 'node_modules', '.vite');
    expect(sharedViteCache(root)).toBe(shared);
    const first = claimViteCache(root);
    expect([first.dir, first.own]).toEqual([shared, false]);
    const second = claimViteCache(root);
    expect(second.own).toBe(true);
    expect(path.dirname(second.dir)).toBe(shared);
    expect(path.basename(second.dir)).toMatch(new RegExp(`^dev-${process.pid}-`));
    expect(existsSync(second.dir)).toBe(true);
    second.release();
    expect(existsSync(second.dir)).toBe(false);
    // Still held by the first: a third server gets its own too.
    const third = claimViteCache(root);
    expect(third.own).toBe(true);
    third.release();
    first.release();
    // Released: the next server takes the shared folder.
    const fourth = claimViteCache(root);
    expect([fourth.dir, fourth.own]).toEqual([shared, false]);
    fourth.release();
  });

  it("removes the own folders of servers that were killed, and keeps a live server's", () => {
    const root = project();
    const shared = path.join(root, 'node_modules', '.vite');
    // A process that has ended: its id names no process now.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    mkdirSync(path.join(shared, `dev-${gone}-abc123`, 'deps'), { recursive: true });
    const held = claimViteCache(root);
    const live = claimViteCache(root);
    expect(readdirSync(shared).filter((n) => n.startsWith('dev-'))).toEqual([path.basename(live.dir)]);
    // A later start leaves the live server's folder alone.
    const another = claimViteCache(root);
    expect(existsSync(live.dir)).toBe(true);
    for (const c of [another, live, held]) c.release();
    expect(readdirSync(shared).filter((n) => n.startsWith('dev-'))).toEqual([]);
  });

  it('is .vite in the project when it has no node_modules, as Vite would choose', () => {
    const root = tempDir();
    expect(sharedViteCache(root)).toBe(path.join(root, '.vite'));
  });
});
