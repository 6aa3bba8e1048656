/** Hash of the code under `root` (the project folder): src/, web/search/lib/ and package-lock.json. */
export function fingerprintCode(root: string): string;

/** Hex sha256 of `files` (absolute paths) by their paths relative to `root` and their bytes, in path order; an unreadable file counts as `(missing)`. */
export function hashFiles(root: string, files: readonly string[]): string;

/** Files below `dir` whose name `keep` accepts, tests (`*.test.ts`) left out; none if `dir` is missing. */
export function listSources(dir: string, keep?: (name: string) => boolean): string[];
