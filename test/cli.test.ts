/** The CLI as a user runs it: exit codes, JSON report, atomic output. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { emitSite } from '../src/emit/index.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() } });

describe('trellis CLI', () => {
  it('prints help and exits 2 on usage errors', () => {
    expect(run(['--help']).stdout).toContain('trellis build [garden]');
    const bad = run(['frobnicate']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown command "frobnicate"');
    expect(run(['build', '--bogus']).status).toBe(2);
    // A garden folder that is not there: the reason, without a stack trace.
    const missing = run(['check', path.join(tempDir(), 'no-such-garden')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^trellis: there is no garden folder ".*no-such-garden"\n/);
    expect(missing.stderr).not.toContain('    at ');
  }, 60_000);

  it('check exits 1 with positioned diagnostics when a link is broken, 0 when clean', () => {
    const garden = makeGarden({ 'a.md': '# A\n\nSee [[b]] and [[nowhere]] and [[b#Nope]].\n', 'b.md': '# B\n' });
    const broken = run(['check', garden]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('a.md:3:15: warning: Cannot find `nowhere` [missing-note]');
    expect(broken.stderr).toContain('a.md:3:31: warning: Cannot find heading `Nope` in `b.md` [missing-heading]');
    const json = JSON.parse(run(['check', garden, '--json']).stdout);
    expect(json).toEqual({
      notes: 2,
      links: 3,
      broken: [{ source: 'a.md', line: 3, column: 15, target: 'nowhere' }],
      ambiguous: [],
      brokenAnchors: [{ source: 'a.md', line: 3, target: 'b.md', anchor: 'Nope' }],
      orphans: [],
      diagnostics: [
        { file: 'a.md', line: 3, column: 15, ruleId: 'missing-note', severity: 'warning', message: 'Cannot find `nowhere`' },
        { file: 'a.md', line: 3, column: 31, ruleId: 'missing-heading', severity: 'warning', message: 'Cannot find heading `Nope` in `b.md`' },
      ],
    });
    const cycle = run(['check', makeGarden({ 'a.md': '# A\n\n![[b]]', 'b.md': '# B\n\n![[a]]' })]);
    expect(cycle.status).toBe(0);
    expect(cycle.stderr).toMatch(/a\.md:3:1: warning: Embed cycle: `b` → `a` → `b`/);
    expect(cycle.stderr).toMatch(/b\.md:3:1: warning: Embed cycle: `a` → `b` → `a`/);
    const clean = makeGarden({ 'a.md': '[[b]]', 'b.md': 'hi' });
    expect(run(['check', clean]).status).toBe(0);
  }, 60_000);

  it('build writes the site and a summary line', () => {
    const garden = makeGarden({ 'Home.md': '# Home\n\n[[Other]]', 'Other.md': 'other' });
    const out = path.join(tempDir(), 'site');
    const r = run(['build', garden, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^2 notes, 1 links, 0 broken/m);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('href="/other/"');
    expect(existsSync(path.join(out, 'other/index.json'))).toBe(true);
    // The search worker writes its files into the staging folder, so they arrive with the site.
    expect(JSON.parse(readFileSync(path.join(out, '_search/manifest.json'), 'utf8'))).toHaveProperty('docs');
    expect(readdirSync(path.join(out, '_search'), { recursive: true }).length).toBeGreaterThan(2);
    expect(readdirSync(path.dirname(out)).filter((f) => f.includes('staging'))).toEqual([]);
  }, 120_000);

  it('a rebuild with nothing changed does nothing, and any change rebuilds', () => {
    const garden = makeGarden({ 'Home.md': '# Home\n\n[[Other]]', 'Other.md': 'other' });
    const out = path.join(tempDir(), 'site');
    const env = { ...process.env, TRELLIS_CACHE_DIR: tempDir() };
    const build = () => spawnSync(process.execPath, [bin, 'build', garden, '--out', out], { encoding: 'utf8', env });
    const recorded = () => JSON.parse(readFileSync(path.join(out, '.trellis-build.json'), 'utf8'));
    // File stamps are trusted only once their times are past the racy margin (kept-scan.ts): wait it out.
    pastRacyMargin();
    expect(build().stdout).toContain('files written');
    expect(build().stdout).toMatch(/^2 notes, 1 links, 0 broken.*is up to date$/m);
    // The record in the site holds hashes and the base path only: no report naming (possibly unpublished) notes.
    expect(Object.keys(recorded()).sort()).toEqual(['basePath', 'fingerprint', 'quick']);
    const first = recorded().quick;
    // Touched but unchanged: still up to date (checked by content), and the new times are remembered
    // once they are past the racy margin (a touch sets the change time to now).
    const t = new Date(Date.now() - 60_000);
    utimesSync(path.join(garden, 'Other.md'), t, t);
    expect(build().stdout).toMatch(/is up to date$/m);
    expect(recorded().quick).toBeUndefined();
    pastRacyMargin();
    expect(build().stdout).toMatch(/is up to date$/m);
    const record = recorded();
    expect(record.quick).toBeDefined();
    expect(record.quick).not.toBe(first);
    expect(build().stdout).toMatch(/is up to date$/m);
    expect(recorded().quick).toBe(record.quick);
    writeFileSync(path.join(garden, 'Other.md'), 'other, edited [[Home]]');
    const again = build();
    expect(again.stdout).toContain('files written');
    expect(again.stdout).toContain('1 note changed: ');
    expect(readFileSync(path.join(out, 'index.json'), 'utf8')).toContain('other, edited');
  }, 120_000);

  it('the quick check walks what the scan walks: an ignored file changing is not looked at, a note changing is', () => {
    const garden = makeGarden({
      'trellis.config.yaml': 'ignore:\n  - Private/\n',
      'Home.md': '# Home\n\n[[Other]]',
      'Other.md': 'other',
      'Private/Diary.md': 'secret',
    });
    const out = path.join(tempDir(), 'site');
    const env = { ...process.env, TRELLIS_CACHE_DIR: tempDir() };
    const build = () => spawnSync(process.execPath, [bin, 'build', garden, '--out', out], { encoding: 'utf8', env });
    const quick = () => JSON.parse(readFileSync(path.join(out, '.trellis-build.json'), 'utf8')).quick as string | undefined;
    pastRacyMargin();
    expect(build().stdout).toContain('files written');
    const first = quick();
    expect(first).toBeDefined();
    writeFileSync(path.join(garden, 'Private/Diary.md'), 'secret, longer now');
    writeFileSync(path.join(garden, 'Private/New.md'), 'new secret');
    pastRacyMargin();
    expect(build().stdout).toMatch(/is up to date$/m);
    // Not even a record to update: the quick fingerprint is the one the ignored files never entered.
    expect(quick()).toBe(first);
    expect(existsSync(path.join(out, 'private'))).toBe(false);
    writeFileSync(path.join(garden, 'Other.md'), 'other, edited');
    pastRacyMargin();
    const again = build();
    expect(again.stdout).toContain('1 note changed: ');
    expect(readFileSync(path.join(out, 'other/index.json'), 'utf8')).toContain('other, edited');
    expect(quick()).not.toBe(first);
  }, 120_000);

  it('a failed build leaves the previous site intact', async () => {
    const garden = makeGarden({ 'Home.md': 'first version' });
    const out = path.join(tempDir(), 'site');
    await emitSite(await buildGarden({ garden, noCache: true }), { out, site: { title: 't', basePath: '/' } });
    const before = readFileSync(path.join(out, 'index.html'), 'utf8');
    const model = await buildGarden({ garden, noCache: true });
    const missingApp = { dir: path.join(tempDir(), 'does-not-exist'), assets: { scripts: [], styles: [] } };
    await expect(emitSite(model, { out, site: { title: 't', basePath: '/' }, app: missingApp })).rejects.toThrow();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(before);
    expect(existsSync(path.join(out, 'graph.json'))).toBe(true);
  }, 60_000);

  it('new creates a note from the template and never overwrites', () => {
    const garden = makeGarden({ 'a.md': 'x' });
    const first = spawnSync(process.execPath, [bin, 'new', 'Gossip Notes', garden, '--folder', 'drafts'], { encoding: 'utf8' });
    expect(first.status).toBe(0);
    expect(readFileSync(path.join(garden, 'drafts/Gossip Notes.md'), 'utf8')).toContain('title: "Gossip Notes"');
    const again = spawnSync(process.execPath, [bin, 'new', 'Gossip Notes', garden, '--folder', 'drafts'], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    const escape = spawnSync(process.execPath, [bin, 'new', 'x', garden, '--folder', '../..'], { encoding: 'utf8' });
    expect(escape.status).toBe(1);
  }, 60_000);
});

/** Wait until files written so far are past the kept scan's racy margin (3 s, src/incremental/kept-scan.ts). */
function pastRacyMargin(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3_200);
}
