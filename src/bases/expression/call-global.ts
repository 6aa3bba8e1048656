/**
 * The global functions of Bases that Trellis evaluates: `if`, `now`, `today`, `date`, `list`,
 * `link`, `file`, `number`, `min`, `max` (Obsidian's Functions reference, "Global"). The parser's
 * checks (check-expression.ts) have already refused any other name.
 */
import type { Expr, LinkValue, Value } from '../types.ts';
import { EvalError, type EvalContext } from './context.ts';
import { parseDate } from './dates.ts';
import { isTruthy, toText, typeOf } from './values.ts';

/** Call the global function `name` with the (unevaluated) `args`. */
/** Evaluates an argument expression (evaluate.ts, passed in: it calls this module). */
export type Evaluate = (expr: Expr, ctx: EvalContext) => Value;

export function callGlobal(name: string, args: readonly Expr[], ctx: EvalContext, evaluate: Evaluate): Value {
  if (name === 'if') {
    if (args.length < 2) throw new EvalError('`if()` needs a condition and a value');
    return isTruthy(evaluate(args[0]!, ctx)) ? evaluate(args[1]!, ctx) : args[2] ? evaluate(args[2], ctx) : null;
  }
  const values = args.map((a) => evaluate(a, ctx));
  const first = values[0] ?? null;
  switch (name) {
    case 'now':
      return { kind: 'date', ms: ctx.now, time: true };
    case 'today': {
      const d = new Date(ctx.now);
      return { kind: 'date', ms: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), time: false };
    }
    case 'date':
      return toDate(first);
    case 'list':
      return Array.isArray(first) ? first : [first];
    case 'link':
      return toLink(first, values[1], ctx);
    case 'file': {
      const link = toLink(first, undefined, ctx);
      return link.to.kind === 'row' ? { kind: 'file', row: link.to.row } : null;
    }
    case 'number':
      return toNumber(first);
    case 'min':
    case 'max': {
      const numbers = values.flat().filter((v): v is number => typeof v === 'number');
      if (numbers.length === 0) return null;
      return name === 'min' ? Math.min(...numbers) : Math.max(...numbers);
    }
    default:
      throw new EvalError(`\`${name}()\` is not a function Trellis evaluates`);
  }
}

function toDate(v: Value): Value {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && v.kind === 'date') return v;
  if (typeof v === 'string') {
    const d = parseDate(v);
    if (d) return d;
  }
  throw new EvalError(`\`${toText(v)}\` is not a date (write \`YYYY-MM-DD\` or \`YYYY-MM-DD HH:mm:ss\`)`);
}

/** A link to a file, a link (itself), or a path or URL written as text (`"Dune"`, `"[[Dune]]"`, `"https://…"`). */
export function toLink(v: Value, display: Value | undefined, ctx: EvalContext): LinkValue {
  const text = display !== undefined && display !== null ? toText(display) : undefined;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    if (v.kind === 'link') return text === undefined ? v : { ...v, text };
    if (v.kind === 'file') return { kind: 'link', to: { kind: 'row', row: v.row }, text: text ?? (v.row.ext === 'md' ? v.row.basename : v.row.name) };
  }
  if (typeof v !== 'string') throw new EvalError(`Cannot make a link of a ${typeOf(v)}`);
  const to = ctx.resolve(v);
  const written = v.replace(/^\[\[|\]\]$/g, '');
  const alias = written.includes('|') ? written.slice(written.indexOf('|') + 1) : undefined;
  return { kind: 'link', to, text: text ?? alias ?? (to.kind === 'row' ? (to.row.ext === 'md' ? to.row.basename : to.row.name) : written) };
}

function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && v.kind === 'date') return v.ms;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new EvalError(`\`${toText(v)}\` is not a number`);
}
