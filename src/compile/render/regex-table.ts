/**
 * The code highlighter's regexes, converted once and kept beside the build cache.
 *
 * Shiki's JavaScript regex engine converts each Oniguruma pattern of a grammar (oniguruma-to-es)
 * the first time a rule is used, in every process: on a warm build that is most of the time the
 * parse worker spends highlighting a changed note's code (~0.4 s for the first blocks of four
 * languages, docs/performance.md). The table keeps each pattern's converted form; a pattern found
 * there is constructed from it exactly as `toRegExp` constructs a conversion (`toRegExpDetails`,
 * then `EmulatedRegExp` when the conversion needs one, else `RegExp`), with the options of
 * Shiki's own constructor. The file is the cache's: written by the same code (the code fingerprint
 * covers package-lock.json, so a new Shiki or oniguruma-to-es starts a new table) on the same
 * engine (V8's version: the `auto` target reads what the engine supports), else not read.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { EmulatedRegExp, toRegExpDetails, type ToRegExpOptions } from 'oniguruma-to-es';
import type { RegexTableFile } from './regex-table-file.ts';

/** What `toRegExpDetails` gives: a pattern and flags, and the options of an `EmulatedRegExp` when one is needed. */
type Details = ReturnType<typeof toRegExpDetails>;

/** The options Shiki's `defaultJavaScriptRegexConstructor` converts with (@shikijs/engine-javascript), target `auto`. */
const conversion: ToRegExpOptions = {
  global: true,
  hasIndices: true,
  lazyCompileLength: 3000,
  rules: { allowOrphanBackrefs: true, asciiWordBoundaries: true, captureGroup: true, recursionLimit: 5, singleline: true },
  target: 'auto',
};

interface Saved {
  version: 1;
  /** The code fingerprint of the build that wrote it. */
  code: string;
  engine: string;
  entries: [pattern: string, details: Details][];
}

/** A table of converted patterns: the regex constructor for Shiki's engine, and `save` to keep new conversions. */
export interface RegexTable {
  construct(pattern: string): RegExp;
  /** Patterns converted by this table (not found in its file), since it was opened. */
  readonly conversions: number;
  /** Keep the conversions made since the last save (merged with the file's: two workers may save). */
  save(): void;
}

/** The table kept in `where` (none: conversions are made and kept in memory only). */
export function openRegexTable(where: RegexTableFile | undefined): RegexTable {
  const read = (): [string, Details][] => (where ? readTable(where) : []);
  const table = new Map<string, Details>(read());
  let added = 0;
  let conversions = 0;
  return {
    get conversions() {
      return conversions;
    },
    construct(pattern) {
      let details = table.get(pattern);
      if (!details) {
        details = toRegExpDetails(pattern, conversion);
        table.set(pattern, details);
        added++;
        conversions++;
      }
      return details.options ? new EmulatedRegExp(details.pattern, details.flags, details.options) : new RegExp(details.pattern, details.flags);
    },
    save() {
      if (!where || added === 0) return;
      added = 0;
      for (const [pattern, details] of read()) if (!table.has(pattern)) table.set(pattern, details);
      const saved: Saved = { version: 1, code: where.code, engine: process.versions.v8, entries: [...table] };
      const tmp = `${where.file}.${process.pid}.${threadId}.tmp`;
      try {
        writeFileSync(tmp, JSON.stringify(saved));
        renameSync(tmp, where.file);
      } catch {
        rmSync(tmp, { force: true });
      }
    },
  };
}

function readTable({ file, code }: RegexTableFile): [string, Details][] {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    return saved.version === 1 && saved.code === code && saved.engine === process.versions.v8 && Array.isArray(saved.entries) ? saved.entries : [];
  } catch {
    return [];
  }
}
