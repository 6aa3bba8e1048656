/**
 * Methods of Bases values (Obsidian's Functions reference: Any, Date, String, Number, List, Link,
 * File, Object), by the type of the value they are called on. `filter`, `map` and `reduce`
 * evaluate their argument once per item with `value`, `index` (and `acc`) bound.
 */
import type { Expr, Value } from '../types.ts';
import type { Evaluate } from './call-global.ts';
import { EvalError, maxBuilt, type EvalContext } from './context.ts';
import { formatDate, relativeTime } from './dates.ts';
import { fileMethod } from './file-methods.ts';
import { listMethod } from './list-methods.ts';
import { stringMethod } from './string-methods.ts';
import { isEmptyValue, isTruthy, toText, typeOf } from './values.ts';

/** Call method `name` of `target` with the (unevaluated) `args`. */
export function callMethod(target: Value, name: string, args: readonly Expr[], ctx: EvalContext, evaluate: Evaluate): Value {
  if (Array.isArray(target) && (name === 'filter' || name === 'map' || name === 'reduce')) return iterate(target, name, args, ctx, evaluate);
  const values = args.map((a) => evaluate(a, ctx));
  switch (name) {
    case 'isTruthy':
      return isTruthy(target);
    case 'isType':
      return typeOf(target) === String(values[0] ?? '').toLowerCase();
    case 'toString':
      return toText(target);
    case 'isEmpty':
      return isEmptyValue(target);
  }
  // Any other method of a missing value is missing too (`status.lower()` on a note without `status`).
  if (target === null) return null;
  if (typeof target === 'string') return stringMethod(target, name, values);
  if (typeof target === 'number') return numberMethod(target, name, values);
  if (Array.isArray(target)) return listMethod(target, name, values);
  if (typeof target === 'object') {
    switch (target.kind) {
      case 'date':
        if (name === 'date') return { kind: 'date', ms: Math.floor(target.ms / 86_400_000) * 86_400_000, time: false };
        if (name === 'format') return formatDate(target, typeof values[0] === 'string' ? values[0] : 'YYYY-MM-DD');
        if (name === 'time') return formatDate(target, 'HH:mm:ss');
        if (name === 'relative') return relativeTime(target, ctx.now);
        break;
      case 'file':
        return fileMethod(target.row, name, values, ctx);
      case 'link':
        if (name === 'asFile') return target.to.kind === 'row' ? { kind: 'file', row: target.to.row } : null;
        if (name === 'linksTo') return target.to.kind === 'row' ? fileMethod(target.to.row, 'hasLink', values, ctx) : false;
        break;
      case 'object':
        if (name === 'keys') return target.keys();
        if (name === 'values') return target.keys().map((k) => target.get(k));
        break;
    }
  }
  throw new EvalError(`A ${typeOf(target)} has no method \`${name}()\``);
}

function numberMethod(n: number, name: string, args: Value[]): Value {
  const digits = typeof args[0] === 'number' ? Math.max(0, Math.min(20, Math.trunc(args[0]))) : 0;
  switch (name) {
    case 'abs':
      return Math.abs(n);
    case 'ceil':
      return Math.ceil(n);
    case 'floor':
      return Math.floor(n);
    case 'round':
      return Math.round(n * 10 ** digits) / 10 ** digits;
    case 'toFixed':
      return n.toFixed(digits);
  }
  throw new EvalError(`A number has no method \`${name}()\``);
}

function iterate(list: Value[], name: 'filter' | 'map' | 'reduce', args: readonly Expr[], ctx: EvalContext, evaluate: Evaluate): Value {
  const body = args[0];
  if (!body) throw new EvalError(`\`${name}()\` needs an expression`);
  const at = (value: Value, index: number, acc?: Value) =>
    evaluate(body, {
      ...ctx,
      locals: new Map([...(ctx.locals ?? []), ['value', value], ['index', index], ...(acc !== undefined ? [['acc', acc] as const] : [])]),
    });
  if (name === 'filter') return list.filter((v, i) => isTruthy(at(v, i)));
  if (name === 'map') {
    if (list.length > maxBuilt) throw new EvalError(`This list is longer than ${maxBuilt} items`);
    return list.map((v, i) => at(v, i));
  }
  let acc: Value = args[1] ? evaluate(args[1], ctx) : null;
  list.forEach((v, i) => (acc = at(v, i, acc)));
  return acc;
}
