/**
 * A build that reads its notes from the cache's entries (no kept model: the dev server's opening
 * build, or a CLI build whose kept model is gone) reads a few files at a time. All at once, a
 * garden larger than the process's limit on open files (20,000 here, 256 by default on macOS)
 * failed its reads, compiled those notes again, and could leave a worker unable to open its own
 * script. Reproduced with the CLI under a small limit (`ulimit -n`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');
const notes = 300;

describe('a build reading every note from the cache', () => {
  it('reads them all under a limit of 128 open files, and compiles none again', () => {
    const root = tempDir();
    const garden = path.join(root, 'garden');
    mkdirSync(garden);
    for (let i = 1; i <= notes; i++) writeFileSync(path.join(garden, `Note ${i}.md`), `# Note ${i}\n\nNote ${i} links [[Note ${(i % notes) + 1}]].\n`);
    const cache = path.join(root, 'cache');
    const env = { ...process.env, TRELLIS_CACHE_DIR: cache };
    const fill = spawnSync(process.execPath, [bin, 'build', garden, '--out', path.join(root, 'first')], { encoding: 'utf8', env });
    expect(fill.status, fill.stderr).toBe(0);
    // Without the kept model, every note is looked up in the cache's entries.
    const model = readdirSync(cache).filter((f) => f.endsWith('-model'));
    expect(model).toHaveLength(1);
    rmSync(path.join(cache, model[0]!), { recursive: true });
    const build = spawnSync('bash', ['-c', 'ulimit -n 128 && exec "$0" "$@"', process.execPath, bin, 'build', garden, '--out', path.join(root, 'second')], {
      encoding: 'utf8',
      env,
    });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toContain(`${notes} notes, ${notes} links, 0 broken`);
    expect(build.stdout).toContain(`(${notes} notes from cache)`);
  }, 120_000);
});
