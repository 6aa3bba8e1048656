/**
 * A base's `filters` (Bases syntax, "Filters"): one statement as a text, or an object with exactly
 * one of `and`, `or`, `not`, whose value is a list of statements and nested objects.
 */
import type { Node } from 'yaml';
import { isMap, isScalar, isSeq } from '../load-yaml.ts';
import { compileExpr, type ExprScope } from './compile-expr.ts';
import type { FilterNode, Problem } from './types.ts';

/** Filter groups nest at most this deep. */
const maxDepth = 32;

/** Read the filter at `node` (none when it is empty); `effect` says what follows when a statement cannot be evaluated. */
export function readFilters(node: Node | null | undefined, scope: ExprScope, effect: string, problems: Problem[], depth = 0): FilterNode | undefined {
  if (node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''))) return undefined;
  if (depth > maxDepth) {
    problems.push({ kind: 'invalid', message: `Filter groups nest deeper than ${maxDepth} levels; ${effect}`, at: node.range?.[0] ?? 0 });
    return { type: 'and', items: [never(node.range?.[0] ?? 0)] };
  }
  if (isScalar(node)) {
    const expr = compileExpr(node, scope, effect);
    problems.push(...expr.problems);
    return { type: 'expr', expr };
  }
  const at = node.range?.[0] ?? 0;
  if (!isMap(node) || node.items.length !== 1) {
    problems.push({ kind: 'invalid', message: `A filter is a statement, or an object with one of \`and\`, \`or\` and \`not\`; ${effect}`, at });
    return { type: 'and', items: [never(at)] };
  }
  const pair = node.items[0]!;
  const key = isScalar(pair.key) ? String(pair.key.value) : '';
  if (key !== 'and' && key !== 'or' && key !== 'not') {
    problems.push({ kind: 'invalid', message: `\`${key}\` is not a filter group: use \`and\`, \`or\` or \`not\`; ${effect}`, at });
    return { type: 'and', items: [never(at)] };
  }
  const value = pair.value as Node | null;
  const list = isSeq(value) ? (value.items as Node[]) : value === null || (isScalar(value) && value.value === null) ? [] : [value];
  const items = list.flatMap((item) => readFilters(item, scope, effect, problems, depth + 1) ?? []);
  return { type: key, items };
}

/** A statement that cannot be evaluated: the view it is in shows no rows. */
function never(at: number): FilterNode {
  return { type: 'expr', expr: { source: '', at, problems: [{ kind: 'invalid', message: 'invalid filter', at }] } };
}
