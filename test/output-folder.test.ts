/**
 * The output folder, through the real CLI: a build replaces it whole, so `trellis build` refuses a
 * folder that is the garden or holds it, a file, and a folder of files Trellis did not write, and
 * leaves each as it was (src/emit/output-folder.ts); an output folder inside the garden (the vault
 * as the repository's root, `trellis build . --out dist`) is never read as notes (src/scan/walk.ts);
 * the site's folder and files have the modes the umask gives (an attachment's too), and a link to a
 * site is built where it leads.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { siteDiff } from './helpers/site-diff.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');

/** `trellis build` run in `cwd` with `args`, its own cache. */
function trellis(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, 'build', ...args], { cwd, encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() } });
}

const notes = { 'Raft.md': '# Raft\n\nLeaders and [[Paxos]]. ![[diagram.png]]\n', 'Paxos.md': '# Paxos\n\nProposers.\n', 'diagram.png': 'not really a png' };

/** Every file under `dir` with its text, for checking that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'utf8')]));
}

describe('the output folder', () => {
  it('is never the garden, nor a folder holding it: refused, the notes untouched', () => {
    const garden = makeGarden(notes);
    const before = snapshot(garden);
    const parent = path.dirname(garden);
    const link = path.join(tempDir(), 'alias');
    symlinkSync(garden, link);
    for (const [cwd, out] of [
      [parent, garden],
      [garden, '.'],
      [garden, '..'],
      [parent, link],
    ] as const) {
      const r = trellis(cwd, garden, '--out', out);
      expect(r.status, `--out ${out}`).toBe(2);
      expect(r.stderr).toContain(`trellis: --out ${out} is the garden or a folder holding it`);
      expect(snapshot(garden)).toEqual(before);
    }
    // Nothing was started: no lock or staging folder beside the garden, its parent or the link.
    const beside = (dir: string) => readdirSync(path.dirname(dir)).filter((n) => n.startsWith(`.${path.basename(dir)}`));
    expect([...beside(garden), ...beside(parent), ...beside(link)]).toEqual([]);
  });

  it('is never a folder of files Trellis did not write, nor a file: refused, each left as it was', () => {
    const garden = makeGarden(notes);
    const work = tempDir();
    const documents = path.join(work, 'Documents');
    mkdirSync(path.join(documents, 'thesis'), { recursive: true });
    writeFileSync(path.join(documents, 'thesis', 'chapter-1.txt'), 'Years of work.');
    const r = trellis(work, garden, '--out', 'Documents');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('trellis: --out Documents holds files Trellis did not write (it has no .trellis-build.json)');
    expect(snapshot(documents)).toEqual({ 'thesis/chapter-1.txt': 'Years of work.' });
    writeFileSync(path.join(work, 'notes.txt'), 'a file');
    const f = trellis(work, garden, '--out', 'notes.txt');
    expect(f.status).toBe(2);
    expect(f.stderr).toContain('trellis: --out notes.txt is a file');
    expect(readFileSync(path.join(work, 'notes.txt'), 'utf8')).toBe('a file');
    expect(readdirSync(work).sort()).toEqual(['Documents', 'notes.txt']);
  });

  it('may be an empty folder (a desktop file aside), or a site Trellis built', () => {
    const garden = makeGarden(notes);
    const work = tempDir();
    const out = path.join(work, 'site');
    mkdirSync(out);
    writeFileSync(path.join(out, '.DS_Store'), '');
    expect(trellis(work, garden, '--out', 'site').status).toBe(0);
    expect(existsSync(path.join(out, 'raft/index.html'))).toBe(true);
    writeFileSync(path.join(garden, 'Paxos.md'), '# Paxos\n\nProposers, again.\n');
    expect(trellis(work, garden, '--out', 'site').status).toBe(0);
    expect(readFileSync(path.join(out, 'paxos/index.html'), 'utf8')).toContain('Proposers, again.');
  });

  it('inside the garden (the vault as the root: build . --out dist) is not read as notes: each build equals a cold one made outside', () => {
    const garden = makeGarden(notes);
    const cache = tempDir();
    const run = (cwd: string, ...args: string[]) =>
      spawnSync(process.execPath, [bin, 'build', ...args], { cwd, encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: cache } });
    for (let round = 0; round < 3; round++) {
      writeFileSync(path.join(garden, 'Paxos.md'), `# Paxos\n\nProposers, round ${round}.\n`);
      const r = run(garden, '.', '--out', 'dist', '--quiet');
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(path.join(garden, 'dist', 'dist'))).toBe(false);
      const cold = path.join(tempDir(), 'cold');
      expect(trellis(garden, '.', '--out', cold, '--no-cache', '--quiet').status).toBe(0);
      expect(siteDiff(path.join(garden, 'dist'), cold), `round ${round}`).toEqual([]);
    }
  });

  it('is made with the modes the umask gives a folder, not private: a web server running as another user reads it', () => {
    const garden = makeGarden(notes);
    chmodSync(path.join(garden, 'diagram.png'), 0o600);
    const work = tempDir();
    for (const [umask, mode] of [
      ['022', 0o755],
      ['077', 0o700],
    ] as const) {
      const out = path.join(work, `site-${umask}`);
      // Twice: a fresh staging folder, then the previous build's spare made the next site.
      for (let round = 0; round < 2; round++) {
        writeFileSync(path.join(garden, 'Paxos.md'), `# Paxos\n\nRound ${round}.\n`);
        const r = spawnSync('/bin/sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, bin, 'build', garden, '--out', out, '--quiet'], {
          encoding: 'utf8',
          env: { ...process.env, TRELLIS_CACHE_DIR: path.join(work, `cache-${umask}`) },
        });
        expect(r.status, r.stderr).toBe(0);
        expect(statSync(out).mode & 0o777, `umask ${umask}, build ${round}`).toBe(mode);
        expect(statSync(path.join(out, 'paxos')).mode & 0o777).toBe(mode);
        // An attachment private in the vault is copied with the modes of every file of the site.
        expect(statSync(path.join(out, 'diagram.png')).mode & 0o777).toBe(mode & 0o666);
      }
    }
  });

  it('a symbolic link to a site is built where it leads, and stays a link', () => {
    const garden = makeGarden(notes);
    const work = tempDir();
    const cache = tempDir();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, 'build', garden, ...args, '--quiet'], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, TRELLIS_CACHE_DIR: cache },
      });
    mkdirSync(path.join(work, 'www'));
    expect(run('--out', 'www/site').status).toBe(0);
    symlinkSync('www/site', path.join(work, 'dist'));
    writeFileSync(path.join(garden, 'Paxos.md'), '# Paxos\n\nProposers, served.\n');
    const r = run('--out', 'dist');
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(path.join(work, 'dist')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(work, 'www/site/paxos/index.html'), 'utf8')).toContain('Proposers, served.');
    const cold = path.join(tempDir(), 'cold');
    expect(trellis(work, garden, '--out', cold, '--no-cache', '--quiet').status).toBe(0);
    expect(siteDiff(path.join(work, 'www/site'), cold)).toEqual([]);
  });
});
