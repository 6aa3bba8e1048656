/**
 * The app bundle cache deletes bundles of other sources only when no build was handed them for an
 * hour: a long build on older sources copies its bundle at its very end.
 */
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleInUseMs, pruneOlderBuilds } from '../src/emit/app-bundle.ts';
import { tempDir } from './helpers/garden.ts';

function bundle(cache: string, name: string, usedAt: number): string {
  const dir = path.join(cache, name);
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  writeFileSync(path.join(dir, 'assets.json'), '{}');
  utimesSync(dir, new Date(usedAt), new Date(usedAt));
  return dir;
}

describe('pruneOlderBuilds', () => {
  it('keeps the current bundle and any handed out within the hour, deletes the rest', async () => {
    const cache = tempDir();
    const now = Date.now();
    const current = bundle(cache, '0000000000000001', now - 3 * bundleInUseMs);
    const recent = bundle(cache, '0000000000000002', now - bundleInUseMs / 2);
    const stale = bundle(cache, '0000000000000003', now - 2 * bundleInUseMs);
    const running = path.join(cache, '0000000000000004.tmp-1-2');
    mkdirSync(running);
    utimesSync(running, new Date(now - 5 * bundleInUseMs), new Date(now - 5 * bundleInUseMs));

    await pruneOlderBuilds(cache, '0000000000000001', now);

    expect(existsSync(current)).toBe(true);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });
});
