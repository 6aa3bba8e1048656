/**
 * The GitHub Actions workflow `trellis init` writes: on every push to the branch,
 * build the garden (with its build cache restored from the last run, and the full
 * git history for notes' dates) and deploy `dist/` to GitHub Pages at the address
 * Pages gives the site (a project site's `/repo/` path or a custom domain).
 */

/** Where the workflow goes, relative to the repository's root. */
export const workflowPath = '.github/workflows/trellis.yml';

/** What the workflow needs to know. */
export interface WorkflowSettings {
  /** The garden folder, relative to the repository's root (`.` when it is the root). */
  garden: string;
  /** The branch whose pushes publish the site. */
  branch: string;
  /** What `npm install --global` installs to get the `trellis` command (`trellis@0.1.0`). */
  install: string;
}

/** The workflow's text. */
export function workflowTemplate(s: WorkflowSettings): string {
  return `# Publishes the garden on GitHub Pages with Trellis on every push to ${s.branch}.
# Written by \`trellis init\`. Turn it on in the repository's Settings > Pages >
# Build and deployment > Source: GitHub Actions.
name: Publish the garden

on:
  push:
    branches: [${yamlString(s.branch)}]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a push during a deployment waits for it.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          # The whole history: notes without dates in their frontmatter take them from git.
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - id: pages
        uses: actions/configure-pages@v5
      # Trellis's build cache (parsed notes, graph layouts), so a push rebuilds only the notes it changed.
      - uses: actions/cache@v4
        with:
          path: ~/.cache/trellis
          key: trellis-\${{ runner.os }}-\${{ github.sha }}
          restore-keys: trellis-\${{ runner.os }}-
      - run: npm install --global ${s.install}
      # --url is the address Pages serves the site at (https://user.github.io/repo, or your
      # custom domain); drop it to use the url of trellis.config.yaml instead.
      - run: trellis build ${shellWord(s.garden)} --out dist --url "\${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: dist

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}

/** A YAML double-quoted string. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** A word for the shell of a \`run:\` step: single-quoted unless plainly safe. */
function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
