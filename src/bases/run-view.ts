/**
 * The rows of one view: the base's and the view's filters (joined with AND, as in Obsidian),
 * then the group key and sort keys (empty values last, ties in path order), then `limit`, and
 * at most `maxRows` shown. Linear in the rows times the filters' size.
 */
import { EvalError } from './expression/context.ts';
import { compareValues, isEmptyValue, toText, typeOf, valuesEqual } from './expression/values.ts';
import type { BaseSpec, Row, SortKey, Value, ViewSpec } from './types.ts';
import type { ViewEvaluator } from './view-evaluator.ts';

/** A view shows at most this many rows (a notice says how many matched). */
export const maxRows = 1000;

/** A group of rows sharing the value of the view's `groupBy` property. */
export interface RowGroup {
  value: Value | EvalError;
  rows: Row[];
}

/** The rows a view shows. */
export interface ViewRows {
  /** Shown rows, in order. */
  rows: Row[];
  /** Rows that passed the filters, after `limit` (before `maxRows`): the result count Obsidian shows. */
  matched: number;
  /** Set when `maxRows` cut the rows short. */
  cut: boolean;
  /** The shown rows by group, when the view groups them. */
  groups?: RowGroup[];
}

/** Select, sort and limit `rows` for `view` of `spec`. */
export function runView(spec: BaseSpec, view: ViewSpec, rows: readonly Row[], ev: ViewEvaluator): ViewRows {
  const matched = rows.filter((row) => (!spec.filters || ev.test(spec.filters, row)) && (!view.filters || ev.test(view.filters, row)));
  const keys: SortKey[] = [...(view.groupBy ? [view.groupBy] : []), ...view.sort];
  let ordered = matched;
  if (keys.length > 0) {
    const values = new Map(matched.map((row) => [row, keys.map((k) => ev.value(row, k.property))]));
    ordered = [...matched].sort((a, b) => {
      const va = values.get(a)!;
      const vb = values.get(b)!;
      for (let i = 0; i < keys.length; i++) {
        const order = compareForSort(va[i]!, vb[i]!);
        if (order !== 0) return keys[i]!.descending && !isBlank(va[i]!) && !isBlank(vb[i]!) ? -order : order;
      }
      return 0;
    });
  }
  const limited = view.limit !== undefined ? ordered.slice(0, view.limit) : ordered;
  const shown = limited.slice(0, maxRows);
  const result: ViewRows = { rows: shown, matched: limited.length, cut: shown.length < limited.length };
  if (view.groupBy) result.groups = groupRows(shown, (row) => ev.value(row, view.groupBy!.property));
  return result;
}

function isBlank(v: Value | EvalError): boolean {
  return v instanceof EvalError || isEmptyValue(v);
}

/** Sort order: blank values last; values of different types by type name; else by value (texts naturally, case-insensitively). */
function compareForSort(a: Value | EvalError, b: Value | EvalError): number {
  const blankA = isBlank(a);
  const blankB = isBlank(b);
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  const x = a as Value;
  const y = b as Value;
  const order = compareValues(x, y);
  if (order !== undefined) return Math.sign(order);
  const [tx, ty] = [typeOf(x), typeOf(y)];
  if (tx !== ty) return tx < ty ? -1 : 1;
  return toText(x).localeCompare(toText(y), 'en', { numeric: true, sensitivity: 'base' });
}

function groupRows(rows: readonly Row[], keyOf: (row: Row) => Value | EvalError): RowGroup[] {
  const groups: RowGroup[] = [];
  for (const row of rows) {
    const value = keyOf(row);
    const last = groups[groups.length - 1];
    if (last && sameGroup(last.value, value)) last.rows.push(row);
    else groups.push({ value, rows: [row] });
  }
  return groups;
}

function sameGroup(a: Value | EvalError, b: Value | EvalError): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  return valuesEqual(a as Value, b as Value);
}
