/** Every file the code fingerprint covers (absolute paths): code and styles under src/, web/ and bin/ (tests left out), the Vite and TypeScript configs, package.json and package-lock.json. */
export function codeFiles(root: string): string[];

/** Hash of the code under `root` (the project folder), 32 hex digits: the files of `codeFiles`. */
export function fingerprintCode(root: string): string;

/** Hex sha256 of `files` (absolute paths) by their paths relative to `root` and their bytes, in path order; an unreadable file counts as `(missing)`. */
export function hashFiles(root: string, files: readonly string[]): string;

/** Files below `dir` whose name `keep` accepts, tests (`*.test.ts`) left out; none if `dir` is missing. */
export function listSources(dir: string, keep?: (name: string) => boolean): string[];
