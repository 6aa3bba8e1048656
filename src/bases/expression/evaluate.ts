/**
 * Evaluate a Bases expression for one row: a walk of its syntax tree (no `eval`), where names
 * are `file`, `note`, `formula`, `this`, the locals of `filter`/`map`/`reduce`, else the row's
 * properties. Every node costs one step of the view's budget.
 */
import type { Expr, Value } from '../types.ts';
import { callGlobal } from './call-global.ts';
import { callMethod } from './call-method.ts';
import { BudgetError, EvalError, maxBuilt, type EvalContext } from './context.ts';
import { addDuration } from './dates.ts';
import { member, propertiesOf, readProperty } from './members.ts';
import { compareValues, isTruthy, toText, typeOf, valuesEqual } from './values.ts';

/** The value of `expr` for `ctx.row`; throws `EvalError` (a value that cannot be computed) or `BudgetError`. */
export function evaluate(expr: Expr, ctx: EvalContext): Value {
  if (--ctx.budget.steps < 0) throw new BudgetError('This view needs more work than a build allows');
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'list':
      return expr.items.map((item) => evaluate(item, ctx));
    case 'name':
      return nameValue(expr.name, ctx);
    case 'member':
      if (expr.object.type === 'name' && expr.object.name === 'formula' && !ctx.locals?.has('formula')) return evaluateFormula(expr.name, ctx);
      return member(evaluate(expr.object, ctx), expr.name, ctx.rows);
    case 'index':
      return indexValue(evaluate(expr.object, ctx), evaluate(expr.index, ctx), ctx);
    case 'call':
      if (expr.callee.type === 'name') return callGlobal(expr.callee.name, expr.args, ctx, evaluate);
      if (expr.callee.type === 'member') return callMethod(evaluate(expr.callee.object, ctx), expr.callee.name, expr.args, ctx, evaluate);
      throw new EvalError('Only functions can be called');
    case 'unary': {
      const v = evaluate(expr.operand, ctx);
      if (expr.op === '!') return !isTruthy(v);
      if (typeof v !== 'number') throw new EvalError(`Cannot negate a ${typeOf(v)}`);
      return -v;
    }
    case 'binary':
      return binary(expr, ctx);
  }
}

/** Formulas using formulas nest at most this deep (a chain of thousands would exhaust the stack). */
const maxFormulaDepth = 64;

/** The value of formula `name` for `ctx.row`, computed once per row; a formula that needs itself is an error. */
export function evaluateFormula(name: string, ctx: EvalContext): Value {
  if (ctx.formulaValues.has(name)) return ctx.formulaValues.get(name)!;
  const formula = ctx.formulas.get(name);
  if (!formula) throw new EvalError(`There is no formula \`${name}\``);
  if (!formula.expr) throw new EvalError(`The formula \`${name}\` cannot be evaluated`);
  if (ctx.evaluating.has(name)) throw new EvalError(`The formula \`${name}\` depends on itself`);
  if (ctx.evaluating.size >= maxFormulaDepth) throw new EvalError(`Formulas use formulas more than ${maxFormulaDepth} deep`);
  ctx.evaluating.add(name);
  try {
    const value = evaluate(formula.expr, { ...ctx, locals: undefined });
    ctx.formulaValues.set(name, value);
    return value;
  } finally {
    ctx.evaluating.delete(name);
  }
}

function nameValue(name: string, ctx: EvalContext): Value {
  const local = ctx.locals?.get(name);
  if (local !== undefined) return local;
  switch (name) {
    case 'file':
      return { kind: 'file', row: ctx.row };
    case 'note':
      return propertiesOf(ctx.row, ctx.rows);
    case 'formula':
      return { kind: 'object', keys: () => [...ctx.formulas.keys()], get: (key) => evaluateFormula(key, ctx) };
    case 'this':
      return ctx.self ? { kind: 'file', row: ctx.self } : null;
    default:
      return readProperty(ctx.row, name, ctx.rows);
  }
}

function indexValue(object: Value, index: Value, ctx: EvalContext): Value {
  if (Array.isArray(object) && typeof index === 'number') return object[index < 0 ? object.length + index : index] ?? null;
  if (typeof object === 'string' && typeof index === 'number') return [...object][index] ?? null;
  if (typeof index === 'string' && object !== null && typeof object === 'object') return member(object, index, ctx.rows);
  return null;
}

function binary(expr: Extract<Expr, { type: 'binary' }>, ctx: EvalContext): Value {
  if (expr.op === '&&') return isTruthy(evaluate(expr.left, ctx)) && isTruthy(evaluate(expr.right, ctx));
  if (expr.op === '||') return isTruthy(evaluate(expr.left, ctx)) || isTruthy(evaluate(expr.right, ctx));
  const a = evaluate(expr.left, ctx);
  const b = evaluate(expr.right, ctx);
  switch (expr.op) {
    case '==':
      return valuesEqual(a, b);
    case '!=':
      return !valuesEqual(a, b);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const order = compareValues(a, b);
      if (order === undefined) return false;
      return expr.op === '<' ? order < 0 : expr.op === '<=' ? order <= 0 : expr.op === '>' ? order > 0 : order >= 0;
    }
    default:
      return arithmetic(expr.op, a, b);
  }
}

function arithmetic(op: '+' | '-' | '*' | '/' | '%', a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const n = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b;
    return Number.isFinite(n) ? n : null;
  }
  const date = a !== null && typeof a === 'object' && !Array.isArray(a) && a.kind === 'date' ? a : undefined;
  if (date && (op === '+' || op === '-')) {
    if (typeof b === 'string') {
      const moved = addDuration(date, b, op === '+' ? 1 : -1);
      if (moved) return moved;
      throw new EvalError(`\`${b}\` is not a duration (such as \`"1d"\` or \`"2 weeks"\`)`);
    }
    if (typeof b === 'number') return { kind: 'date', ms: date.ms + (op === '+' ? b : -b), time: true };
    if (op === '-' && b !== null && typeof b === 'object' && !Array.isArray(b) && b.kind === 'date') return date.ms - b.ms;
  }
  if (op === '+' && (typeof a === 'string' || typeof b === 'string')) {
    const text = toText(a) + toText(b);
    if (text.length > maxBuilt) throw new EvalError(`This text is longer than ${maxBuilt} characters`);
    return text;
  }
  if (op === '+' && Array.isArray(a) && Array.isArray(b)) {
    if (a.length + b.length > maxBuilt) throw new EvalError(`This list is longer than ${maxBuilt} items`);
    return [...a, ...b];
  }
  throw new EvalError(`Cannot apply \`${op}\` to a ${typeOf(a)} and a ${typeOf(b)}`);
}
