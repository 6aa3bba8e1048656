/**
 * Obsidian's own "Excluded files" (Settings → Files and links), stored as
 * `userIgnoreFilters` in `.obsidian/app.json`: each entry is a path prefix
 * (`Archive/`) or, between slashes, a regular expression (`/\.excalidraw/`).
 * A missing file or list means none; an unreadable one is a warning, never a
 * stop: the garden is still built, without those exclusions.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ruleIds } from '../constants.ts';
import type { Diagnostic } from '../shared/types.ts';

/** Where Obsidian keeps the vault's settings, garden-relative. */
export const obsidianAppFile = '.obsidian/app.json';

/** Read the excluded-files filters of the vault at `root`. */
export async function readObsidianIgnore(root: string): Promise<{ filters: string[]; warnings: Diagnostic[] }> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, obsidianAppFile), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { filters: [], warnings: [] };
    return { filters: [], warnings: [warning(`Cannot read Obsidian's settings (${(error as Error).message}); its excluded files are not left out`)] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { filters: [], warnings: [warning(`Obsidian's settings are not valid JSON; its excluded files are not left out`)] };
  }
  const list = data && typeof data === 'object' ? (data as Record<string, unknown>).userIgnoreFilters : undefined;
  if (list === undefined) return { filters: [], warnings: [] };
  if (!Array.isArray(list)) return { filters: [], warnings: [warning("`userIgnoreFilters` is not a list; Obsidian's excluded files are not left out")] };
  const filters: string[] = [];
  const warnings: Diagnostic[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string' || entry.trim() === '') continue;
    if (isRegexFilter(entry)) {
      try {
        new RegExp(entry.slice(1, -1));
      } catch {
        warnings.push(warning(`Excluded-files filter \`${entry}\` is not a valid regular expression; it is not applied`));
        continue;
      }
    }
    filters.push(entry);
  }
  return { filters, warnings };
}

/** Whether an excluded-files entry is a regular expression (`/…/`) rather than a path prefix. */
export function isRegexFilter(entry: string): boolean {
  return entry.length > 2 && entry.startsWith('/') && entry.endsWith('/');
}

function warning(reason: string): Diagnostic {
  return { file: obsidianAppFile, line: 1, column: 1, ruleId: ruleIds.obsidianConfig, severity: 'warning', reason };
}
