/**
 * `trellis init` through the real CLI: a commented configuration in the garden and a
 * GitHub Pages workflow in its repository, never overwriting, and the steps left printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from './helpers/garden.ts';
import { bin } from './helpers/publish-garden.ts';

const init = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [bin, 'init', ...args], { cwd, encoding: 'utf8' });

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

describe('trellis init', () => {
  it('writes a commented configuration and a Pages workflow that builds with the cache and the Pages address', () => {
    const repo = tempDir();
    mkdirSync(path.join(repo, '.git'));
    writeFileSync(path.join(repo, '.git', 'HEAD'), 'ref: refs/heads/trunk\n');
    const r = init(repo, 'vault');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Wrote ${path.join('vault', 'trellis.config.yaml')}`);
    expect(r.stdout).toContain(`Wrote ${path.join('.github', 'workflows', 'trellis.yml')}`);
    expect(r.stdout).toMatch(/Three steps left:\n {2}1\. .*\n {2}2\. .*Source: GitHub Actions\.\n {2}3\. Commit and push/);

    const config = readFileSync(path.join(repo, 'vault', 'trellis.config.yaml'), 'utf8');
    // Every setting is commented out: the file changes nothing until filled in, and documents title, description and url.
    expect(parse(config)).toBeNull();
    for (const key of ['title', 'description', 'url']) expect(config).toMatch(new RegExp(`^# ${key}: `, 'm'));

    const workflow = parse(readFileSync(path.join(repo, '.github', 'workflows', 'trellis.yml'), 'utf8')) as {
      on: { push: { branches: string[] } };
      permissions: Record<string, string>;
      jobs: { build: { steps: Step[] }; deploy: { needs: string; steps: Step[] } };
    };
    expect(workflow.on.push.branches).toEqual(['trunk']);
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    const steps = workflow.jobs.build.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with).toEqual({ 'fetch-depth': 0 });
    expect(steps.find((s) => s.uses?.startsWith('actions/cache'))?.with?.path).toBe('~/.cache/trellis');
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as { name: string; version: string };
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual([
      `npm install --global ${pkg.name}@${pkg.version}`,
      'trellis build vault --out dist --url "${{ steps.pages.outputs.base_url }}/"',
    ]);
    expect(steps.at(-1)).toEqual({ uses: 'actions/upload-pages-artifact@v3', with: { path: 'dist' } });
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.steps[0]!.uses).toBe('actions/deploy-pages@v4');
  }, 60_000);

  it('never overwrites a file, and fails when it could write nothing', () => {
    const garden = tempDir();
    writeFileSync(path.join(garden, 'trellis.config.yaml'), 'title: Mine\n');
    const first = init(garden);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Kept trellis.config.yaml: it exists, and init never overwrites');
    expect(readFileSync(path.join(garden, 'trellis.config.yaml'), 'utf8')).toBe('title: Mine\n');
    // Outside a git repository the garden is the repository: the workflow builds `.`.
    expect(readFileSync(path.join(garden, '.github', 'workflows', 'trellis.yml'), 'utf8')).toContain('trellis build . --out dist');
    const again = init(garden);
    expect(again.status).toBe(1);
    expect(again.stdout).not.toContain('Wrote');
  }, 60_000);
});
