/**
 * Load a garden's configuration: find `trellis.config.yaml`, parse it with
 * positions, validate it against the schema, check the files it names, read
 * Obsidian's excluded files, apply defaults and the command line's overrides.
 * Every problem is an error at its line and column; the file is optional.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Document, LineCounter, Node } from 'yaml';
import { yamlPackage } from '../load-yaml.ts';
import { ruleIds } from '../constants.ts';
import { sortDiagnostics } from '../diagnostics.ts';
import type { Diagnostic } from '../shared/types.ts';
import { checkGardenFiles } from './check-files.ts';
import { findConfigFiles } from './find-config-file.ts';
import { buildIgnoreMatcher } from './ignore-matcher.ts';
import { readObsidianIgnore } from './read-obsidian-ignore.ts';
import { resolveConfig } from './resolve-config.ts';
import type { ConfigError, ConfigOverrides, ConfigResult } from './types.ts';
import { readValidated, validatedKey, writeValidated } from './validated-config.ts';
import { isSiteUrl } from './values.ts';

/** How `loadConfig` may use what an earlier load kept. */
export interface LoadOptions {
  /**
   * Take the validated file from the cache when its text is the one validated then, by the same code
   * (validated-config.ts): the schema (zod, ~0.1 s to load) is then not loaded. A build with `--no-cache` validates.
   */
  cache?: boolean;
}

/** Load the configuration of the garden at `gardenRoot`; `overrides` (command-line flags) win over the file. */
export async function loadConfig(gardenRoot: string, overrides: ConfigOverrides = {}, options: LoadOptions = {}): Promise<ConfigResult> {
  const root = path.resolve(gardenRoot);
  const obsidian = await readObsidianIgnore(root);
  const warnings: Diagnostic[] = obsidian.warnings;
  const errors: ConfigError[] = [];
  if (overrides.url !== undefined && !isSiteUrl(overrides.url))
    errors.push(problem('--url', 0, 0, `"${overrides.url}" is not an absolute http(s) URL, like https://example.org/notes/ (no query or #fragment)`));

  const files = await findConfigFiles(root);
  if (files.length > 1) errors.push(problem(files[1]!, 1, 1, `a second configuration file; keep one of ${files.map((f) => `\`${f}\``).join(' and ')}`));
  const file = files[0];
  const source = file === undefined ? undefined : (await fs.readFile(path.join(root, file), 'utf8')).replace(/^\uFEFF/, '');
  // The file parsed with positions, made when first asked for (errors; a file the cache knew is not parsed otherwise).
  let parsedDoc: { doc: Document; lines: LineCounter; source: string } | undefined;
  const locate = (text: string) => {
    if (!parsedDoc) {
      const lines = new (yamlPackage().LineCounter)();
      // `logLevel: 'error'`: the yaml package would print warnings to the terminal itself.
      parsedDoc = { doc: yamlPackage().parseDocument(text, { lineCounter: lines, logLevel: 'error' }), lines, source: text };
    }
    return parsedDoc;
  };
  const key = options.cache ? validatedKey(source) : undefined;
  let parsed = key !== undefined ? readValidated(root, key) : undefined;
  if (parsed === undefined) {
    const { configSchema } = await import('./schema.ts');
    parsed = configSchema.parse({});
    if (file !== undefined && source !== undefined) {
      const { doc, lines } = locate(source);
      const at = (offset: number, reason: string) => {
        const pos = lines.linePos(offset);
        return { ...problem(file, pos.line, pos.col, reason), source };
      };
      if (doc.errors.length > 0) {
        // The position is ours to print: drop the yaml package's own ` at line 2, column 1:`.
        for (const e of doc.errors) errors.push(at(e.pos[0], `invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`));
      } else {
        let data: unknown;
        try {
          data = doc.toJS({ maxAliasCount: 100 }) ?? {};
        } catch (error) {
          data = undefined;
          errors.push(at(0, `invalid YAML: ${(error as Error).message.split('\n')[0]}`));
        }
        if (data !== undefined) {
          const result = configSchema.safeParse(data);
          if (result.success) parsed = result.data;
          else {
            const { issuesToErrors } = await import('./issues-to-errors.ts');
            errors.push(...issuesToErrors(result.error.issues, doc, lines, file, source));
          }
        }
      }
    }
    // Only a file that validated is kept: a file with errors is validated again (and its errors reported) each time.
    if (key !== undefined && errors.length === 0) writeValidated(root, key, parsed);
  }
  if (errors.length > 0) return { ok: false, errors: sortDiagnostics(errors), warnings };

  const ignored = buildIgnoreMatcher({ ignore: parsed.ignore, obsidianIgnore: obsidian.filters });
  const checked = await checkGardenFiles(parsed, root, ignored);
  for (const p of checked.problems) {
    const located = source !== undefined ? locate(source) : undefined;
    const node = located?.doc.getIn([p.option], true) as Node | undefined;
    const pos = located?.lines.linePos(node?.range?.[0] ?? 0) ?? { line: 1, col: 1 };
    errors.push({ ...problem(file ?? '', pos.line, pos.col, `"${p.option}" ${p.reason}`), ...(located ? { source: located.source } : {}) });
  }
  if (errors.length > 0) return { ok: false, errors: sortDiagnostics(errors), warnings };
  const config = resolveConfig(parsed, root, {
    obsidianIgnore: obsidian.filters,
    ...(checked.home ? { home: checked.home } : {}),
    ...(file ? { file } : {}),
    ...(overrides.url !== undefined ? { url: overrides.url } : {}),
  });
  return { ok: true, config, warnings };
}

function problem(file: string, line: number, column: number, reason: string): ConfigError {
  return { file, line, column, ruleId: ruleIds.invalidConfig, severity: 'error', reason };
}
