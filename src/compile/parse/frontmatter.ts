/**
 * Frontmatter: the YAML block that remark-frontmatter isolates, parsed with
 * `yaml` and normalised into `Frontmatter`. Invalid YAML gives a positioned
 * diagnostic and empty frontmatter; the note still builds.
 */
import type { Yaml } from 'mdast';
import { type Document, isCollection, LineCounter, parseDocument, visit } from 'yaml';
import { ruleIds } from '../../constants.ts';
import type { Diagnostic, Frontmatter, NotePath } from '../../shared/types.ts';
import { readDateProperties } from './date-properties.ts';

/** Parse and normalise a frontmatter node (or none). YAML problems are positioned diagnostics, never Node warnings. */
export function readFrontmatter(node: Yaml | undefined, file: NotePath): { frontmatter: Frontmatter; diagnostics: Diagnostic[]; doc?: Document.Parsed } {
  const empty: Frontmatter = { aliases: [], tags: [], publish: true };
  if (!node) return { frontmatter: empty, diagnostics: [] };
  const base = node.position?.start.line ?? 1;
  const lines = new LineCounter();
  const at = (offset: number | undefined) => {
    const pos = offset === undefined ? undefined : lines.linePos(offset);
    return { file, line: base + (pos?.line ?? 0), column: pos?.col ?? 1 };
  };
  const problem = (offset: number | undefined, reason: string): Diagnostic => ({
    ...at(offset),
    ruleId: ruleIds.invalidFrontmatter,
    severity: 'warning',
    reason,
  });
  // `logLevel: 'error'`: the yaml package would print its warnings to the terminal; they become diagnostics below.
  const doc = parseDocument(node.value, { lineCounter: lines, logLevel: 'error' });
  const firstError = doc.errors[0];
  if (firstError) {
    // The yaml package ends its first line with a position inside the YAML block; the diagnostic's own position is the note's.
    const reason = firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { frontmatter: empty, diagnostics: [problem(firstError.pos[0], `Invalid YAML frontmatter: ${reason}; the note is built without its frontmatter`)] };
  }
  const diagnostics = doc.warnings.map((w) => problem(w.pos[0], `YAML frontmatter: ${w.message.split('\n')[0]}`));
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        diagnostics.push(
          problem(
            pair.key.range?.[0],
            'A frontmatter key is a list or map; it is read as text. Quote it, or quote the value if it is a link (`up: "[[Note]]"`)',
          ),
        );
      }
    },
  });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { frontmatter: empty, diagnostics: [...diagnostics, problem(0, `Invalid YAML frontmatter: ${reason}; the note is built without its frontmatter`)] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { frontmatter: empty, diagnostics };
  const dated = readDateProperties(doc, at);
  // The document is returned only when it read as a map within the alias limit: the properties panel walks it.
  return { frontmatter: { ...normalize(data as Record<string, unknown>), ...dated.dates }, diagnostics: [...diagnostics, ...dated.diagnostics], doc };
}

function normalize(d: Record<string, unknown>): Frontmatter {
  const fm: Frontmatter = {
    aliases: toAliasList(d.aliases ?? d.alias),
    tags: toTagList(d.tags ?? d.tag),
    publish: !(d.publish === false || d.draft === true),
  };
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : v instanceof Date ? toIsoDate(v) : typeof v === 'number' ? String(v) : undefined);
  const title = str(d.title);
  if (title) fm.title = title;
  // Dates are read by readDateProperties (date-properties.ts).
  for (const key of ['permalink', 'description', 'series'] as const) {
    const v = str(d[key]);
    if (v) fm[key] = v;
  }
  if (typeof d.order === 'number' && Number.isFinite(d.order)) fm.order = d.order;
  if (d.stage === 'seedling' || d.stage === 'budding' || d.stage === 'evergreen') fm.stage = d.stage;
  return fm;
}

/** The aliases of an `aliases` value: a list, or a string of comma-separated aliases. */
export function toAliasList(v: unknown): string[] {
  return list(v, /,/);
}

/** The tags of a `tags` value (a list, or a string of tags separated by commas or spaces), without `#`. */
export function toTagList(v: unknown): string[] {
  return list(v, /[,\s]+/)
    .map((t) => t.replace(/^#/, ''))
    .filter(Boolean);
}

function list(v: unknown, separator: RegExp): string[] {
  if (typeof v === 'string')
    return v
      .split(separator)
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(v))
    return v
      .filter((x) => typeof x === 'string' || typeof x === 'number')
      .map((x) => String(x).trim())
      .filter(Boolean);
  return [];
}

function toIsoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}
