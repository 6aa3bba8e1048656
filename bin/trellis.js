#!/usr/bin/env node
// Trellis runs as JavaScript compiled from its TypeScript sources, once per code version
// (bin/cli-bundle.js). TRELLIS_FROM_SOURCE=1 runs the sources through tsx's loader instead.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { optimisationBudgetFlag } from './optimisation-budget.js';

// Before anything is loaded, for every thread (V8's flags are the process's): bin/optimisation-budget.js says why.
const budget = optimisationBudgetFlag(process.execArgv);
if (budget) v8.setFlagsFromString(budget);

const root = fileURLToPath(new URL('../', import.meta.url));

async function loadCompiled() {
  const { ensureCliBundle } = await import('./cli-bundle.js');
  const { fingerprintCode } = await import('../src/fingerprint.mjs');
  const dir = await ensureCliBundle(root, fingerprintCode(root));
  return import(pathToFileURL(path.join(dir, 'cli.js')).href);
}

async function loadSource() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli.ts');
}

let cli;
if (process.env.TRELLIS_FROM_SOURCE !== '1') {
  try {
    cli = await loadCompiled();
  } catch (error) {
    process.stderr.write(`trellis: could not compile the CLI, running from source (${error instanceof Error ? error.message : error})\n`);
  }
}
cli ??= await loadSource();
const code = await cli.main(process.argv.slice(2));
// Once a command is done, everything it wrote has been awaited, so the process exits as soon as its
// output is flushed (pipes are written asynchronously on some systems) instead of tearing down a large
// heap and its worker threads first: about 0.1 s of a warm 10k build.
const flushed = (stream) => new Promise((resolve) => stream.write('', resolve));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
