/**
 * Check a parsed expression before any row is evaluated: every function and method it calls
 * must be one Trellis evaluates, and every `formula.x` must be defined. A function Obsidian has
 * and Trellis does not is `unsupported` (the base is shown with a notice); a name Obsidian does
 * not have either is `invalid`.
 */
import type { Expr } from '../types.ts';

/** Global functions Trellis evaluates (call-global.ts). */
const globals = new Set(['if', 'now', 'today', 'date', 'list', 'link', 'file', 'number', 'min', 'max']);
/** Methods Trellis evaluates, of any type (call-method.ts and the files it calls). */
const methods = new Set([
  ...['isTruthy', 'isType', 'toString', 'isEmpty'],
  ...['date', 'format', 'time', 'relative'],
  ...['contains', 'containsAll', 'containsAny', 'startsWith', 'endsWith', 'lower', 'title', 'trim', 'reverse', 'slice', 'split', 'replace', 'repeat'],
  ...['abs', 'ceil', 'floor', 'round', 'toFixed'],
  ...['filter', 'map', 'reduce', 'join', 'sort', 'unique', 'flat'],
  ...['asFile', 'linksTo', 'asLink', 'hasLink', 'hasProperty', 'hasTag', 'inFolder', 'keys', 'values'],
]);
/** Functions and methods Obsidian documents that Trellis does not evaluate. */
const obsidianOnly = new Map([
  ['duration', 'durations are not supported; add a duration text to a date instead (`date + "1d"`)'],
  ['html', 'HTML made by a formula is never put on a page'],
  ['escapeHTML', 'HTML made by a formula is never put on a page'],
  ['image', 'images made by a formula are not drawn'],
  ['icon', 'icons are not drawn'],
  ['matches', 'regular expressions are not supported'],
]);

/** A problem found in an expression; `at` is an offset in its text. */
export interface ExpressionProblem {
  kind: 'unsupported' | 'invalid';
  message: string;
  at: number;
}

/** The problems of `expr`; `formulas` are the names the base defines. Reports whether it reads `this`. */
export function checkExpression(expr: Expr, formulas: ReadonlySet<string>): { problems: ExpressionProblem[]; usesThis: boolean } {
  const problems: ExpressionProblem[] = [];
  let usesThis = false;
  const walk = (e: Expr): void => {
    switch (e.type) {
      case 'literal':
        return;
      case 'name':
        if (e.name === 'this') usesThis = true;
        return;
      case 'list':
        return e.items.forEach(walk);
      case 'member':
        if (e.object.type === 'name' && e.object.name === 'formula' && !formulas.has(e.name)) {
          problems.push({ kind: 'invalid', message: `There is no formula \`${e.name}\` in this base`, at: e.at });
        }
        return walk(e.object);
      case 'index':
        walk(e.object);
        return walk(e.index);
      case 'unary':
        return walk(e.operand);
      case 'binary':
        walk(e.left);
        return walk(e.right);
      case 'call':
        checkCall(e, problems);
        if (e.callee.type === 'member') walk(e.callee.object);
        return e.args.forEach(walk);
    }
  };
  walk(expr);
  return { problems, usesThis };
}

function checkCall(e: Extract<Expr, { type: 'call' }>, problems: ExpressionProblem[]): void {
  const callee = e.callee;
  if (callee.type !== 'name' && callee.type !== 'member') {
    problems.push({ kind: 'invalid', message: 'Only functions can be called', at: e.at });
    return;
  }
  const name = callee.name;
  const known = callee.type === 'name' ? globals : methods;
  if (known.has(name)) return;
  const why = obsidianOnly.get(name);
  const shown = callee.type === 'name' ? `\`${name}()\`` : `\`.${name}()\``;
  if (why) problems.push({ kind: 'unsupported', message: `${shown} is not supported by Trellis: ${why}`, at: callee.at });
  else problems.push({ kind: 'invalid', message: `${shown} is not a function of Obsidian Bases`, at: callee.at });
}
