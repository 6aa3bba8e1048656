/**
 * Load a garden's configuration: find `trellis.config.yaml`, parse it with
 * positions, validate it against the schema, check the files it names, read
 * Obsidian's excluded files, apply defaults and the command line's overrides.
 * Every problem is an error at its line and column; the file is optional.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ruleIds } from '../constants.ts';
import { sortDiagnostics } from '../diagnostics.ts';
import type { Diagnostic } from '../shared/types.ts';
import { checkGardenFiles } from './check-files.ts';
import { findConfigFiles } from './find-config-file.ts';
import { buildIgnoreMatcher } from './ignore-matcher.ts';
import { issuesToErrors } from './issues-to-errors.ts';
import { readObsidianIgnore } from './read-obsidian-ignore.ts';
import { resolveConfig } from './resolve-config.ts';
import { configSchema, isSiteUrl, type ConfigFile } from './schema.ts';
import type { ConfigError, ConfigOverrides, ConfigResult } from './types.ts';

/** Load the configuration of the garden at `gardenRoot`; `overrides` (command-line flags) win over the file. */
export async function loadConfig(gardenRoot: string, overrides: ConfigOverrides = {}): Promise<ConfigResult> {
  const root = path.resolve(gardenRoot);
  const obsidian = await readObsidianIgnore(root);
  const warnings: Diagnostic[] = obsidian.warnings;
  const errors: ConfigError[] = [];
  if (overrides.url !== undefined && !isSiteUrl(overrides.url))
    errors.push(problem('--url', 0, 0, `"${overrides.url}" is not an absolute http(s) URL, like https://example.org/notes/ (no query or #fragment)`));

  const files = await findConfigFiles(root);
  if (files.length > 1) errors.push(problem(files[1]!, 1, 1, `a second configuration file; keep one of ${files.map((f) => `\`${f}\``).join(' and ')}`));
  const file = files[0];
  let parsed: ConfigFile = configSchema.parse({});
  let located: { doc: Document; lines: LineCounter; source: string } | undefined;
  if (file !== undefined) {
    const source = (await fs.readFile(path.join(root, file), 'utf8')).replace(/^\uFEFF/, '');
    const lines = new LineCounter();
    // `logLevel: 'error'`: the yaml package would print warnings to the terminal itself.
    const doc = parseDocument(source, { lineCounter: lines, logLevel: 'error' });
    located = { doc, lines, source };
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
        else errors.push(...issuesToErrors(result.error.issues, doc, lines, file, source));
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors: sortDiagnostics(errors), warnings };

  const ignored = buildIgnoreMatcher({ ignore: parsed.ignore, obsidianIgnore: obsidian.filters });
  const checked = await checkGardenFiles(parsed, root, ignored);
  for (const p of checked.problems) {
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
