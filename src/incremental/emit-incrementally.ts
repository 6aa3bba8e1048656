/**
 * The CLI's emit: over the previous site when its manifest describes it, else (or when writing
 * over it fails, e.g. a file where a folder now goes) the whole site. Either way the site swapped
 * in is the one a cold build writes.
 */
import type { GardenModel } from '../build.ts';
import type { EmitOptions, EmitResult } from '../emit/index.ts';
import type { OutputManifest } from './output-manifest.ts';

/** Emit `model`, reusing the files of the previous site that `previous` describes. */
export async function emitIncrementally(
  emit: (model: GardenModel, options: EmitOptions) => Promise<EmitResult>,
  model: GardenModel,
  options: EmitOptions,
  previous: OutputManifest | undefined,
): Promise<EmitResult> {
  if (!previous) return emit(model, options);
  try {
    return await emit(model, { ...options, previous });
  } catch {
    // The staging folder is gone (emit aborts it); a whole site, written from nothing, reports the real error if any.
    // A search run or writer opened for the first try was taken by it (and the writer aborted): this one opens its own.
    const fresh = { ...options };
    delete fresh.search;
    delete fresh.writer;
    return emit(model, fresh);
  }
}

/**
 * The build summary's account of what was written: `10 notes changed: 37 pages, 4 search files, 52 files written to dist/ (44370 kept)`,
 * with `; only text changed` in the brackets when the build kept everything but the pages that text reaches (src/incremental/text-only.ts),
 * and `; only text and links changed` when no note's outline changed and only the note pages those changes reach were looked at.
 */
export function rebuiltSummary(result: EmitResult, out: string, cacheHits: number): string {
  const c = result.changes;
  const written = `${counted(result.files, 'file')} written to ${out}/`;
  if (c.notesChanged === undefined) return `${written}${cacheHits ? ` (${counted(cacheHits, 'note')} from cache)` : ''}`;
  const how = c.textOnly ? '; only text changed' : c.linksOnly ? '; only text and links changed' : '';
  return `${counted(c.notesChanged, 'note')} changed: ${counted(c.pages, 'page')}, ${counted(c.searchFiles, 'search file')}, ${written} (${c.kept} kept${how})`;
}

/** `n` and the noun, plural but for one: "1 page", "37 pages". */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
