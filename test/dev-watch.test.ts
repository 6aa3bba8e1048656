/**
 * Watching the garden (src/dev/watch-garden.ts): one watch per folder, not per file; what it
 * reports of edits, new and removed folders, and hidden files; polling when file events fail; and
 * through the dev server over HTTP, a folder of notes moved into the garden and out again.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDev } from '../src/dev/index.ts';
import { watchGarden, type GardenWatcher } from '../src/dev/watch-garden.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

/** The inotify watches this process holds (Linux), counted from its inotify descriptors' fdinfo. */
function inotifyWatches(): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (target !== 'anon_inode:inotify') continue;
    try {
      count += readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('inotify wd:')).length;
    } catch {
      // Closed meanwhile.
    }
  }
  return count;
}

const open: GardenWatcher[] = [];
afterAll(async () => {
  for (const w of open.splice(0)) await w.close();
});

/** Watch `root`, collecting the garden-relative paths reported. */
async function watchCollecting(root: string, poll = false): Promise<{ watcher: GardenWatcher; seen: Set<string>; logged: string[] }> {
  const seen = new Set<string>();
  const logged: string[] = [];
  const watcher = await watchGarden(root, {
    poll,
    pollMs: 100,
    onChange: (p) => seen.add(path.relative(root, p).split(path.sep).join('/')),
    log: (line) => logged.push(line),
  });
  open.push(watcher);
  return { watcher, seen, logged };
}

describe('watching the garden', () => {
  it.skipIf(process.platform !== 'linux')('takes one watch per folder, not one per file', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`f${i % 4}/Note ${i}.md`] = `# Note ${i}\n`;
    // A site built inside the garden (its folder holds a build record): not watched, as the walk skips it.
    files['dist/.trellis-build.json'] = '{}';
    for (let i = 0; i < 50; i++) files[`dist/page-${i}/index.html`] = '<p>page</p>';
    const root = makeGarden(files);
    const before = inotifyWatches();
    const { watcher } = await watchCollecting(root);
    const held = inotifyWatches() - before;
    // The root and its four folders (chokidar, watching each file, held 2,005).
    expect(held).toBeGreaterThanOrEqual(1);
    expect(held).toBeLessThanOrEqual(10);
    expect(watcher.polling).toBe(false);
  });

  it('reports edits, new folders with the files below them, removals; not hidden files or node_modules', async () => {
    const root = makeGarden({ 'A.md': '# A\n', 'ds/B.md': '# B\n', '.obsidian/app.json': '{}' });
    const { seen } = await watchCollecting(root);
    appendFileSync(path.join(root, 'ds/B.md'), 'more\n');
    // A folder made elsewhere, notes and all, then moved in: the events name the folder only.
    const outside = tempDir();
    mkdirSync(path.join(outside, 'moved/deeper'), { recursive: true });
    writeFileSync(path.join(outside, 'moved/C.md'), '# C\n');
    writeFileSync(path.join(outside, 'moved/deeper/D.md'), '# D\n');
    renameSync(path.join(outside, 'moved'), path.join(root, 'moved'));
    rmSync(path.join(root, 'A.md'));
    mkdirSync(path.join(root, '.hidden'));
    writeFileSync(path.join(root, '.hidden/E.md'), '# E\n');
    mkdirSync(path.join(root, 'node_modules/pkg'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules/pkg/F.md'), '# F\n');
    writeFileSync(path.join(root, '.obsidian/app.json'), '{"userIgnoreFilters":[]}');
    const expected = ['ds/B.md', 'moved', 'moved/C.md', 'moved/deeper/D.md', 'A.md', '.obsidian/app.json'];
    await expect.poll(() => expected.filter((p) => !seen.has(p)), { timeout: 10_000 }).toEqual([]);
    // Anything hidden or in node_modules would have come with the rest: give it a moment more.
    await new Promise((r) => setTimeout(r, 300));
    expect([...seen].filter((p) => p.startsWith('.hidden') || p.startsWith('node_modules'))).toEqual([]);
  });

  it('reports a note replaced by a rename and deleted at once (an atomic save, then rm)', async () => {
    const root = makeGarden({ 'Doomed.md': '# Doomed\n' });
    const { seen } = await watchCollecting(root);
    writeFileSync(path.join(root, '.Doomed.md.tmp'), '# Doomed\n\nsaved\n');
    renameSync(path.join(root, '.Doomed.md.tmp'), path.join(root, 'Doomed.md'));
    rmSync(path.join(root, 'Doomed.md'));
    await expect.poll(() => seen.has('Doomed.md'), { timeout: 10_000 }).toBe(true);
    expect([...seen]).toEqual(['Doomed.md']);
  });

  it('falls back to polling when file events fail, and says why', async () => {
    // File events cannot watch a folder that is not there (polling itself is tested with --poll, test/dev-api.test.ts).
    const { watcher, logged } = await watchCollecting(path.join(tempDir(), 'not-there'));
    expect(watcher.polling).toBe(true);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^trellis: watching the garden by file events failed \(.+\); polling the garden every 100 ms instead$/);
  });
});

describe('the dev server', () => {
  it('serves a folder of notes moved into the garden, and drops it when it is moved out', async () => {
    const root = makeGarden({ 'Home.md': '# Home\n\nSee [[Gossip]].\n' });
    const port = await freePort();
    const dev = await startDev({ garden: root, port, settleMs: 50, quiet: true });
    try {
      const status = async (p: string) => (await fetch(`http://127.0.0.1:${port}${p}`)).status;
      expect(await status('/protocols/gossip/index.json')).toBe(404);
      const outside = tempDir();
      mkdirSync(path.join(outside, 'protocols/epidemic'), { recursive: true });
      writeFileSync(path.join(outside, 'protocols/Gossip.md'), '# Gossip\n\nRumours spread.\n');
      writeFileSync(path.join(outside, 'protocols/epidemic/SIR.md'), '# SIR\n\nAbout [[Gossip]].\n');
      renameSync(path.join(outside, 'protocols'), path.join(root, 'protocols'));
      await expect.poll(() => status('/protocols/epidemic/sir/index.json'), { timeout: 10_000 }).toBe(200);
      const gossip = (await (await fetch(`http://127.0.0.1:${port}/protocols/gossip/index.json`)).json()) as { backlinks: { source: string }[] };
      expect(gossip.backlinks.map((b) => b.source).sort()).toEqual(['Home', 'protocols/epidemic/SIR']);
      renameSync(path.join(root, 'protocols'), path.join(outside, 'gone'));
      await expect.poll(() => status('/protocols/gossip/index.json'), { timeout: 10_000 }).toBe(404);
      expect(await status('/protocols/epidemic/sir/index.json')).toBe(404);
    } finally {
      await dev.close();
    }
  });
});
