/** A preload for a child node process that logs each V8 flag it sets from inside (`v8.setFlagsFromString`), one a line. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './garden.ts';

export interface FlagSpy {
  /** The module to give the child with `--import`. */
  preload: string;
  /** The flags set so far, in order. */
  flags(): string[];
  /** Forget the flags logged so far. */
  clear(): void;
}

export function flagSpy(): FlagSpy {
  const dir = tempDir();
  const log = path.join(dir, 'flags.log');
  const preload = path.join(dir, 'spy.mjs');
  writeFileSync(
    preload,
    `import v8 from 'node:v8';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const set = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  appendFileSync(${JSON.stringify(log)}, flags + '\\n');
  return set(flags);
};
syncBuiltinESMExports();
`,
  );
  return {
    preload,
    flags: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
    clear: () => rmSync(log, { force: true }),
  };
}
