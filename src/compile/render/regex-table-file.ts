/**
 * Where the highlighter's regex table is kept (regex-table.ts), apart from the table itself: the builder's
 * thread names the file for its parse workers without loading oniguruma-to-es (~25-45 ms of a warm build's start).
 */

/** Where a table is kept, and the code fingerprint its file must have been written by. */
export interface RegexTableFile {
  file: string;
  code: string;
}

/** The file of the regex table of the garden whose build cache is `cacheBase` (src/store/cache.ts, `cacheDir`). */
export function regexTableFile(cacheBase: string): string {
  return `${cacheBase}-regexes`;
}
