/**
 * Parse a Bases expression into a syntax tree, with JavaScript's precedence (Obsidian's formula
 * language is JavaScript-like): `||`, `&&`, equality, comparison, `+ -`, `* / %`, unary `! -`,
 * then member access, indexing and calls. Regular expression and object literals are refused as
 * unsupported; nesting and length are bounded, so no expression can exhaust the stack.
 */
import type { BinaryOp, Expr } from '../types.ts';
import { tokenize, TokenError, type Token } from './tokenize.ts';

/** Why an expression cannot be parsed; `unsupported` when it is valid Obsidian syntax that Trellis does not evaluate. */
export class ExpressionError extends Error {
  readonly at: number;
  readonly unsupported: boolean;
  constructor(message: string, at: number, unsupported = false) {
    super(message);
    this.at = at;
    this.unsupported = unsupported;
  }
}

/** Expressions longer than this are refused. */
export const maxExpressionLength = 4000;
const maxDepth = 64;

const levels: BinaryOp[][] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

/** Parse `text`; throws `ExpressionError` with the offset of the problem. */
export function parseExpression(text: string): Expr {
  if (text.length > maxExpressionLength) throw new ExpressionError(`This expression is longer than ${maxExpressionLength} characters`, 0);
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof TokenError) throw new ExpressionError(error.message, error.at);
    throw error;
  }
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[pos++]!;
  const isPunct = (t: Token, v: string) => t.type === 'punct' && t.value === v;
  const expectPunct = (v: string) => {
    const t = next();
    if (!isPunct(t, v)) throw new ExpressionError(`Expected \`${v}\` ${describe(t)}`, t.at);
  };

  const binary = (level: number): Expr => {
    if (level === levels.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t.type !== 'op' || !levels[level]!.includes(t.value as BinaryOp)) return left;
      next();
      const right = binary(level + 1);
      left = { type: 'binary', op: t.value as BinaryOp, left, right, at: t.at };
    }
  };
  const unary = (): Expr => {
    const t = peek();
    if (t.type === 'op' && (t.value === '!' || t.value === '-')) {
      next();
      return nested(() => ({ type: 'unary', op: t.value as '!' | '-', operand: unary(), at: t.at }), t.at);
    }
    return postfix();
  };
  const postfix = (): Expr => {
    let e = primary();
    for (;;) {
      const t = peek();
      if (isPunct(t, '.')) {
        next();
        const name = next();
        if (name.type !== 'name') throw new ExpressionError(`Expected a name after \`.\` ${describe(name)}`, name.at);
        e = { type: 'member', object: e, name: name.value, at: name.at };
      } else if (isPunct(t, '[')) {
        next();
        const index = nested(() => binary(0), t.at);
        expectPunct(']');
        e = { type: 'index', object: e, index, at: t.at };
      } else if (isPunct(t, '(')) {
        next();
        const args = nested(() => list(')'), t.at);
        e = { type: 'call', callee: e, args, at: e.at };
      } else return e;
    }
  };
  const list = (close: string): Expr[] => {
    const items: Expr[] = [];
    if (isPunct(peek(), close)) {
      next();
      return items;
    }
    for (;;) {
      items.push(binary(0));
      const t = next();
      if (isPunct(t, close)) return items;
      if (!isPunct(t, ',')) throw new ExpressionError(`Expected \`,\` or \`${close}\` ${describe(t)}`, t.at);
    }
  };
  const primary = (): Expr => {
    const t = next();
    switch (t.type) {
      case 'number':
      case 'string':
        return { type: 'literal', value: t.value, at: t.at };
      case 'name':
        if (t.value === 'true' || t.value === 'false') return { type: 'literal', value: t.value === 'true', at: t.at };
        if (t.value === 'null') return { type: 'literal', value: null, at: t.at };
        return { type: 'name', name: t.value, at: t.at };
      case 'regex':
        throw new ExpressionError('Regular expressions (`/…/`) are not supported', t.at, true);
      case 'punct':
        if (t.value === '(') {
          const e = nested(() => binary(0), t.at);
          expectPunct(')');
          return e;
        }
        if (t.value === '[') return { type: 'list', items: nested(() => list(']'), t.at), at: t.at };
        if (t.value === '{') throw new ExpressionError('Object literals (`{…}`) are not supported', t.at, true);
        break;
      default:
        break;
    }
    throw new ExpressionError(`Expected a value ${describe(t)}`, t.at);
  };
  const nested = <T>(parse: () => T, at: number): T => {
    if (++depth > maxDepth) throw new ExpressionError(`This expression nests deeper than ${maxDepth} levels`, at);
    try {
      return parse();
    } finally {
      depth--;
    }
  };

  const expr = binary(0);
  const rest = peek();
  if (rest.type !== 'end') throw new ExpressionError(`Unexpected ${describe(rest).replace(/^but found /, '')}`, rest.at);
  return expr;
}

function describe(t: Token): string {
  switch (t.type) {
    case 'end':
      return 'but the expression ends';
    case 'string':
      return `but found the text \`"${t.value}"\``;
    case 'number':
      return `but found \`${t.value}\``;
    case 'regex':
      return 'but found a regular expression';
    default:
      return `but found \`${t.value}\``;
  }
}
