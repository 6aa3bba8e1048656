/**
 * Read a base's YAML (a `.base` file or a ```` ```base ```` block) into a `BaseSpec`: global
 * `filters`, `formulas`, `properties` (display names) and `views`, every expression parsed and
 * checked once. Invalid YAML and anything Trellis does not show become problems at their offsets;
 * reading never throws on content.
 */
import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq, yamlPackage } from '../load-yaml.ts';
import { compileExpr, type ExprScope } from './compile-expr.ts';
import { readFilters } from './read-filters.ts';
import { propertyRef, readView } from './read-view.ts';
import type { BaseSpec } from './types.ts';

/** A base's YAML is refused past this many characters. */
export const maxBaseYaml = 200_000;
/** Views past this many are not shown. */
export const maxViews = 32;

/** Read the base whose YAML is `yaml`; never throws (a base that breaks the reader is shown as a notice). */
export function parseBase(yaml: string): BaseSpec {
  try {
    return readBase(yaml);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const message = `This base could not be read (${reason.slice(0, 200)}); it is not shown`;
    return { formulas: new Map(), displayNames: new Map(), views: [], problems: [{ kind: 'invalid', message, at: 0 }], usesThis: false };
  }
}

function readBase(yaml: string): BaseSpec {
  const spec: BaseSpec = { formulas: new Map(), displayNames: new Map(), views: [], problems: [], usesThis: false };
  if (yaml.length > maxBaseYaml) {
    spec.problems.push({ kind: 'invalid', message: `This base is longer than ${maxBaseYaml} characters; it is not shown`, at: 0 });
    return spec;
  }
  const doc = yamlPackage().parseDocument(yaml, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    spec.problems.push({ kind: 'invalid', message: `This base is not valid YAML (${error.message.split('\n')[0]}); it is not shown`, at: error.pos[0] });
    return spec;
  }
  const root = doc.contents;
  if (root !== null && !isMap(root) && !(isScalar(root) && root.value === null)) {
    spec.problems.push({ kind: 'invalid', message: 'A base is a YAML object with `filters`, `formulas`, `properties` and `views`; it is not shown', at: 0 });
    return spec;
  }
  const pairs = isMap(root) ? (root.items as Pair<Node, Node | null>[]) : [];
  const section = (key: string) => pairs.find((p) => isScalar(p.key) && p.key.value === key)?.value ?? undefined;
  const formulas = section('formulas');
  const formulaPairs = isMap(formulas) ? (formulas.items as Pair<Node, Node | null>[]) : [];
  const scope: ExprScope = { yaml, formulas: new Set(formulaPairs.map((p) => keyOf(p))), usesThis: false };

  for (const pair of formulaPairs) {
    const name = keyOf(pair);
    const expr = compileExpr(pair.value, scope, `the formula \`${name}\` is left empty`);
    spec.problems.push(...expr.problems);
    spec.formulas.set(name, expr);
  }
  const filters = readFilters(section('filters'), scope, 'no view of this base shows rows', spec.problems);
  if (filters) spec.filters = filters;
  const properties = section('properties');
  if (isMap(properties)) {
    for (const pair of properties.items as Pair<Node, Node | null>[]) {
      const displayName = isMap(pair.value) ? pair.value.get('displayName') : undefined;
      if (typeof displayName === 'string' || typeof displayName === 'number') spec.displayNames.set(propertyRef(keyOf(pair)).id, String(displayName));
    }
  }
  const summaries = pairs.find((p) => isScalar(p.key) && p.key.value === 'summaries');
  if (summaries && !(isScalar(summaries.value) && summaries.value.value === null)) {
    spec.problems.push({ kind: 'unsupported', message: 'Summary formulas are not evaluated by Trellis', at: summaries.key.range?.[0] ?? 0 });
  }
  const views = section('views');
  const items = isSeq(views) ? (views.items as Node[]) : [];
  if (items.length > maxViews)
    spec.problems.push({ kind: 'invalid', message: `This base has more than ${maxViews} views; the rest are not shown`, at: items[maxViews]!.range?.[0] ?? 0 });
  spec.views = items.slice(0, maxViews).map((n, i) => readView(n, i, scope));
  if (spec.views.length === 0) spec.views.push({ type: 'table', name: 'Table', at: 0, order: [], sort: [], imageFit: 'cover', problems: [] });
  spec.usesThis = scope.usesThis;
  return spec;
}

function keyOf(pair: Pair<Node, Node | null>): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}
