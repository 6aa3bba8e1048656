/**
 * The kept scan (src/incremental/kept-scan.ts): a warm build does not read notes whose files are as
 * the last scan saw them, and never misses an edit: one after the record was written (even keeping
 * the file's size and modification time), nor one that file times cannot tell apart (the racy rule).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKeptScan, racyMs } from '../src/incremental/kept-scan.ts';
import { scanGarden } from '../src/scan/index.ts';
import { cacheDir } from '../src/store/cache.ts';
import { makeGarden, tempDir, useTempCacheDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');

/** Overwrite `file` with `text` of the same byte length, then put its modification time back. */
function editKeepingSizeAndTime(file: string, from: string, to: string): void {
  const before = statSync(file, { bigint: true });
  // A copy with the file's times, to the nanosecond: `touch -r` puts them back from it.
  const ref = `${file}.times`;
  expect(spawnSync('cp', ['-p', file, ref]).status).toBe(0);
  const text = readFileSync(file, 'utf8');
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  writeFileSync(file, text.replace(from, to));
  expect(spawnSync('touch', ['-r', ref, file]).status).toBe(0);
  rmSync(ref);
  const after = statSync(file, { bigint: true });
  expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
}

/** The paths of notes a scan read (its text is there), and of those it took from the record. */
async function scanned(garden: string, startedAt: number) {
  const kept = openKeptScan(garden, 'all', startedAt);
  const scan = await scanGarden(garden, { kept });
  kept.save();
  const read = scan.notes.filter((n) => n.content.text !== undefined).map((n) => n.path);
  return { read: read.sort(), hashes: new Map(scan.notes.map((n) => [n.path, n.hash])) };
}

describe('kept scan', () => {
  useTempCacheDir();

  it('reads only notes whose size, times or inode changed since a record old enough to trust', async () => {
    const garden = makeGarden({ 'A.md': '# A\n\nalpha', 'B.md': '# B\n\nbeta', 'sub/C.md': '# C\n\ngamma' });
    // Scans as if they ran well after the files were written: their records are trusted.
    const later = Date.now() + racyMs + 1000;
    expect((await scanned(garden, later)).read).toEqual(['A.md', 'B.md', 'sub/C.md']);
    const second = await scanned(garden, later);
    expect(second.read).toEqual([]);

    // Same size, same modification time: the change time tells the edit apart.
    editKeepingSizeAndTime(path.join(garden, 'A.md'), 'alpha', 'ALPHA');
    // A file replaced by another (an editor saving through a temporary file): another inode.
    writeFileSync(path.join(garden, 'B.tmp'), '# B\n\nBETA');
    expect(spawnSync('touch', ['-r', path.join(garden, 'B.md'), path.join(garden, 'B.tmp')]).status).toBe(0);
    expect(spawnSync('mv', [path.join(garden, 'B.tmp'), path.join(garden, 'B.md')]).status).toBe(0);
    const third = await scanned(garden, later + racyMs + 1000);
    expect(third.read).toEqual(['A.md', 'B.md']);
    expect(third.hashes.get('A.md' as never)).not.toBe(second.hashes.get('A.md' as never));
    expect(third.hashes.get('sub/C.md' as never)).toBe(second.hashes.get('sub/C.md' as never));
  });

  it('does not trust a note whose times are within the racy margin of the scan that read it', async () => {
    const garden = makeGarden({ 'A.md': '# A\n\nalpha', 'B.md': '# B\n\nbeta' });
    const ctime = statSync(path.join(garden, 'A.md')).ctimeMs;
    // The first scan runs within the margin of the files' writes: a later write in the same clock
    // tick would leave their times as recorded, so neither is kept, and the next scan reads both again.
    await scanned(garden, ctime + racyMs - 1);
    expect((await scanned(garden, ctime + 10 * racyMs)).read).toEqual(['A.md', 'B.md']);
    // Read again long enough after their writes, they are kept.
    expect((await scanned(garden, ctime + 10 * racyMs)).read).toEqual([]);
  });

  it('is written again only once more than one note in a hundred is out of date; until then the few are read again', async () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`N${i}.md`, `# N${i}\n\ntext ${i}`]));
    const garden = makeGarden(files);
    let later = Date.now() + racyMs + 1000;
    const initial = await scanned(garden, later);
    expect(initial.read).toHaveLength(300);
    const record = readdirSync(path.dirname(cacheDir(garden))).find((f) => f === path.basename(cacheDir(garden)) + '-scan');
    const recordFile = path.join(path.dirname(cacheDir(garden)), record!);
    const bytes = () => readFileSync(recordFile);
    const first = bytes();

    // Two notes edited (2 of 300 out of date, within 1 %): the record stays as it was, so both are read again next time, with their new bytes.
    writeFileSync(path.join(garden, 'N1.md'), '# N1\n\nedited');
    writeFileSync(path.join(garden, 'N2.md'), '# N2\n\nedited too');
    later += racyMs + 1000;
    const second = await scanned(garden, later);
    expect(second.read).toEqual(['N1.md', 'N2.md']);
    expect(bytes().equals(first)).toBe(true);
    const third = await scanned(garden, later);
    expect(third.read).toEqual(['N1.md', 'N2.md']);
    expect(third.hashes.get('N1.md' as never)).toBe(second.hashes.get('N1.md' as never));
    expect(third.hashes.get('N1.md' as never)).not.toBe(initial.hashes.get('N1.md' as never));

    // Two more gone (4 out of date, over 1 %): written, and the edited notes are trusted from then on.
    rmSync(path.join(garden, 'N3.md'));
    rmSync(path.join(garden, 'N4.md'));
    await scanned(garden, later);
    expect(bytes().equals(first)).toBe(false);
    const fifth = await scanned(garden, later);
    expect(fifth.read).toEqual([]);
    expect(fifth.hashes.size).toBe(298);
    expect(fifth.hashes.get('N1.md' as never)).toBe(second.hashes.get('N1.md' as never));
  });

  it('is not used under another publish policy', async () => {
    const garden = makeGarden({ 'A.md': '---\npublish: true\n---\n# A', 'B.md': '# B' });
    const later = Date.now() + racyMs + 1000;
    await scanned(garden, later);
    const explicit = openKeptScan(garden, 'explicit', later);
    const scan = await scanGarden(garden, { kept: explicit, publish: 'explicit' });
    expect(scan.notes.filter((n) => n.content.text !== undefined)).toHaveLength(2);
    expect(scan.notes.map((n) => n.content.publish)).toEqual([true, false]);
  });
});

describe('trellis build with the kept scan', () => {
  function build(garden: string, out: string, cache: string): string {
    const r = spawnSync(process.execPath, [bin, 'build', garden, '--out', out], { encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: cache } });
    if (r.status !== 0) throw new Error(`build failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  }

  it('sees an edit made after the last build that keeps the note size and modification time', async () => {
    const garden = makeGarden({ 'A.md': '# A\n\nThe colour is green.', 'B.md': '# B\n\nSee [[A]].' });
    // Old enough for the first build to record both notes as trusted.
    await new Promise((r) => setTimeout(r, racyMs + 200));
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    build(garden, out, cache);
    expect(readFileSync(path.join(out, 'a/index.html'), 'utf8')).toContain('The colour is green.');
    editKeepingSizeAndTime(path.join(garden, 'A.md'), 'green', 'amber');
    expect(build(garden, out, cache)).toMatch(/1 note changed/);
    const page = readFileSync(path.join(out, 'a/index.html'), 'utf8');
    expect(page).toContain('The colour is amber.');
    expect(page).not.toContain('green');
  }, 120_000);

  it('sees a same-size, same-time edit of a note written just before the build', () => {
    const garden = makeGarden({ 'A.md': '# A\n\nThe colour is green.', 'B.md': '# B\n\nSee [[A]].' });
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    build(garden, out, cache);
    editKeepingSizeAndTime(path.join(garden, 'A.md'), 'green', 'amber');
    expect(build(garden, out, cache)).toMatch(/1 note changed/);
    expect(readFileSync(path.join(out, 'a/index.html'), 'utf8')).toContain('The colour is amber.');
  }, 120_000);
});
