#!/usr/bin/env node
// Trellis runs as JavaScript compiled from its TypeScript sources, once per code version
// (bin/cli-bundle.js). TRELLIS_FROM_SOURCE=1 runs the sources through tsx's loader instead.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

// V8 optimises a function (TurboFan, on background threads) once it has run a budget of bytecode. A build is a few
// seconds of many functions that are hot for a moment: with V8's budget (67,584) the background compiles were ~1.8 s of
// a 10k link build's ~8 s of CPU on two cores. With a budget about 4.4 times larger, only the functions that stay hot
// are optimised: warm builds used 5-13 % less CPU and were 3-8 % faster, cold builds no slower (docs/performance.md,
// "Thirty-eighth session"). Set before anything is loaded, for every thread (V8's flags are the process's); a budget
// given on the command line or in NODE_OPTIONS is left as given.
const budgetGiven = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith('--interrupt-budget'));
if (!budgetGiven) v8.setFlagsFromString('--interrupt-budget=300000');

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
