/**
 * Reading typed fields of a positioned JSON object, reporting each wrong value
 * at its offset. Shared by the node and edge readers.
 */
import type { JsonEntry, JsonNode } from './parse-json.ts';

/** Where a reader reports a problem: an offset in the file and a sentence. */
export type Report = (at: number, reason: string) => void;

/** A JSON object's entries by key (the last one wins, as in `JSON.parse`). */
export type Fields = Map<string, JsonEntry>;

/** The entries of an object node. */
export function fieldsOf(node: Extract<JsonNode, { kind: 'object' }>): Fields {
  return new Map(node.entries.map((e) => [e.key, e]));
}

/** A string field: its value and source span; undefined (reported when `required`, or when present with another type). */
export function stringField(
  fields: Fields,
  key: string,
  report: Report,
  what: string,
  required: boolean,
  at: number,
): { value: string; at: number; end: number } | undefined {
  const e = fields.get(key);
  if (!e) {
    if (required) report(at, `${what} has no \`${key}\`; it is left out`);
    return undefined;
  }
  if (e.value.kind !== 'string') {
    report(e.value.start, `\`${key}\` of ${what} should be a string, not ${kindName(e.value)}; ${required ? 'it is left out' : 'it is ignored'}`);
    return undefined;
  }
  return { value: e.value.value, at: e.value.start, end: e.value.end };
}

/** A required finite number field, within ±`limit`. */
export function numberField(fields: Fields, key: string, report: Report, what: string, at: number, limit: number): number | undefined {
  const e = fields.get(key);
  if (!e) {
    report(at, `${what} has no \`${key}\`; it is left out`);
    return undefined;
  }
  if (e.value.kind !== 'number' || !Number.isFinite(e.value.value)) {
    report(e.value.start, `\`${key}\` of ${what} should be a number, not ${kindName(e.value)}; it is left out`);
    return undefined;
  }
  if (Math.abs(e.value.value) > limit) {
    report(e.value.start, `\`${key}\` of ${what} is ${e.value.value}, beyond ±${limit}; it is left out`);
    return undefined;
  }
  return e.value.value;
}

/** An optional field that must be one of `allowed`; anything else is reported and ignored. */
export function choiceField<T extends string>(fields: Fields, key: string, allowed: readonly T[], report: Report, what: string): T | undefined {
  const e = fields.get(key);
  if (!e) return undefined;
  if (e.value.kind === 'string' && (allowed as readonly string[]).includes(e.value.value)) return e.value.value as T;
  const shown = e.value.kind === 'string' ? `\`${e.value.value}\`` : kindName(e.value);
  report(e.value.start, `\`${key}\` of ${what} is ${shown}; it should be one of ${allowed.map((a) => `\`${a}\``).join(', ')}, so it is ignored`);
  return undefined;
}

/** How a JSON value is named in diagnostics. */
export function kindName(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return `\`${node.value}\``;
    case 'null':
      return '`null`';
  }
}
