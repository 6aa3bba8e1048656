/**
 * `trellis init [folder]`: get a garden ready to publish. Writes a commented
 * `trellis.config.yaml` in the garden and a GitHub Actions workflow in its git
 * repository (the garden itself when it is not in one) that builds and deploys it
 * to GitHub Pages, then prints the steps left. Never overwrites a file: one that
 * exists is left as it is and named.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths.ts';
import { configFileName, configTemplate } from './config-template.ts';
import { workflowPath, workflowTemplate } from './workflow-template.ts';

/** Write the configuration and workflow for the garden in `folder`; returns the exit code (1 when nothing could be written). */
export async function initProject(folder: string, out: (line: string) => void = (l) => process.stdout.write(l + '\n')): Promise<number> {
  const garden = path.resolve(folder);
  await fs.mkdir(garden, { recursive: true });
  const repo = gitRoot(garden) ?? garden;
  const files = [
    { file: path.join(garden, configFileName), text: configTemplate() },
    {
      file: path.join(repo, ...workflowPath.split('/')),
      text: workflowTemplate({ garden: path.relative(repo, garden).split(path.sep).join('/') || '.', branch: currentBranch(repo), install: installSpec() }),
    },
  ];
  let written = 0;
  for (const { file, text } of files) {
    const shown = path.relative(process.cwd(), file) || file;
    await fs.mkdir(path.dirname(file), { recursive: true });
    try {
      await fs.writeFile(file, text, { flag: 'wx' });
      written++;
      out(`Wrote ${shown}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      out(`Kept ${shown}: it exists, and init never overwrites`);
    }
  }
  if (written === 0) return 1;
  out('');
  out('Three steps left:');
  out(`  1. Fill in ${path.relative(process.cwd(), files[0]!.file) || configFileName} (title, description; url for hosts other than GitHub Pages).`);
  out('  2. On GitHub, in the repository: Settings > Pages > Build and deployment > Source: GitHub Actions.');
  const gardenArg = path.relative(process.cwd(), garden) || '.';
  out(
    `  3. Commit and push both files; each push then publishes the site (Trellis's docs/deploy.md has more). Check it first with: trellis build ${gardenArg} --url <address> && trellis preview`,
  );
  return 0;
}

/** The nearest folder at or above `dir` with a `.git`. */
function gitRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The branch checked out in `repo` (read from `.git/HEAD`), else `main`. */
function currentBranch(repo: string): string {
  try {
    const head = readFileSync(path.join(repo, '.git', 'HEAD'), 'utf8').trim();
    return head.startsWith('ref: refs/heads/') ? head.slice('ref: refs/heads/'.length) : 'main';
  } catch {
    return 'main';
  }
}

/** This Trellis's package and version, for the workflow to install the same one. */
function installSpec(): string {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return `${pkg.name}@${pkg.version}`;
}
