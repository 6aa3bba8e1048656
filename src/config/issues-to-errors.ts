/**
 * Schema issues as positioned errors: each zod issue is placed on the YAML node
 * it is about (the value, or the key of an unknown option, or the nearest
 * enclosing node when a value is missing) and worded after the option's name.
 */
import type { core } from 'zod';
import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigError } from './types.ts';
import { configSchema } from './schema.ts';
import { ruleIds } from '../constants.ts';

/** Turn the issues of validating `doc` into errors of `file` (garden-relative). */
export function issuesToErrors(issues: readonly core.$ZodIssue[], doc: Document, lines: LineCounter, file: string, source: string): ConfigError[] {
  const errors: ConfigError[] = [];
  const at = (node: Node | undefined, reason: string) => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    errors.push({ file, line: pos.line, column: pos.col, ruleId: ruleIds.invalidConfig, severity: 'error', reason, source });
  };
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
      const known = keysAt(path);
      for (const key of issue.keys) {
        const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
        const near = closest(key, known);
        const where = path.length ? ` in "${optionName(path)}"` : '';
        at((pair?.key as Node | undefined) ?? (parent as Node | undefined), `unknown option "${key}"${where}${near ? `; did you mean "${near}"?` : ''}`);
      }
      continue;
    }
    if (issue.code === 'invalid_key' && path.length > 0) {
      // A key of a map of names (`topics.map.folders`): placed on the key, worded by the key's own rule.
      const parent = doc.getIn(path.slice(0, -1), true);
      const key = path[path.length - 1]!;
      const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
      const reason = issue.issues[0]?.message ?? issue.message;
      at((pair?.key as Node | undefined) ?? nearest(doc, path), `"${optionName(path.slice(0, -1))}" key "${key}" ${reason}`);
      continue;
    }
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    const name = optionName(path);
    if (issue.code === 'invalid_type') {
      if (path.length === 0) at(doc.contents as Node | undefined, 'the configuration must be a map of options (`title: My garden` lines)');
      else if (node === undefined) at(nearest(doc, path), `"${name}" is missing`);
      else {
        // `title: 2024` or `title: yes` is a number or a boolean to YAML: quoting makes it text.
        const quote = issue.expected === 'string' && isScalar(node) ? ' (put it in quotes)' : '';
        at(node as Node, `"${name}" must be ${describeType(issue.expected)}${quote}`);
      }
      continue;
    }
    at((node as Node | undefined) ?? nearest(doc, path), `"${name}" ${issue.message}`);
  }
  return errors;
}

/** `theme.fonts.body`, `nav[1].url`. */
function optionName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describeType(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'object':
      return 'a map of options (`key: value` lines)';
    case 'record':
      return 'a map (`key: value` lines)';
    default:
      return `a ${expected}`;
  }
}

/** The deepest node that exists on the way to `path`. */
function nearest(doc: Document, path: readonly (string | number)[]): Node | undefined {
  for (let n = path.length - 1; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (node !== undefined) return node as Node;
  }
  return (doc.contents as Node | null) ?? undefined;
}

/** The option names the schema knows at `path` (an object inside the schema). */
function keysAt(path: readonly (string | number)[]): string[] {
  let def = (configSchema as unknown as core.$ZodType)._zod.def as SchemaDef;
  for (const step of [undefined, ...path]) {
    while ((def.type === 'optional' || def.type === 'default' || def.type === 'prefault') && def.innerType) def = def.innerType._zod.def as SchemaDef;
    if (step === undefined) continue;
    const next = typeof step === 'number' ? def.element : def.shape?.[step];
    if (!next) return [];
    def = next._zod.def as SchemaDef;
  }
  while ((def.type === 'optional' || def.type === 'default' || def.type === 'prefault') && def.innerType) def = def.innerType._zod.def as SchemaDef;
  return Object.keys(def.shape ?? {});
}

interface SchemaDef {
  type: string;
  innerType?: core.$ZodType;
  element?: core.$ZodType;
  shape?: Record<string, core.$ZodType>;
}

/** The known name nearest to `key` (case-insensitively, at most a third of it different), if any. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}
