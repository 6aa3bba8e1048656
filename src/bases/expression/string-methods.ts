/**
 * Text methods of Bases (Obsidian's Functions reference, "String"). Patterns are texts only:
 * regular expressions are refused when the expression is parsed.
 */
import type { Value } from '../types.ts';
import { EvalError, maxBuilt } from './context.ts';
import { toText } from './values.ts';

/** Call text method `name` of `s` with evaluated `args`. */
export function stringMethod(s: string, name: string, args: Value[]): Value {
  const texts = args.map(toText);
  switch (name) {
    case 'contains':
      return s.includes(texts[0] ?? '');
    case 'containsAll':
      return texts.every((t) => s.includes(t));
    case 'containsAny':
      return texts.some((t) => s.includes(t));
    case 'startsWith':
      return s.startsWith(texts[0] ?? '');
    case 'endsWith':
      return s.endsWith(texts[0] ?? '');
    case 'lower':
      return s.toLowerCase();
    case 'title':
      return s.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());
    case 'trim':
      return s.trim();
    case 'reverse':
      return [...s].reverse().join('');
    case 'slice':
      return s.slice(number(args[0], 0), args[1] === undefined ? undefined : number(args[1], s.length));
    case 'split': {
      const parts = s.split(texts[0] ?? '');
      return typeof args[1] === 'number' ? parts.slice(0, Math.max(0, args[1])) : parts;
    }
    case 'replace': {
      const out = s.split(texts[0] ?? '').join(texts[1] ?? '');
      if (out.length > maxBuilt) throw new EvalError(`This text is longer than ${maxBuilt} characters`);
      return out;
    }
    case 'repeat': {
      const count = Math.max(0, Math.trunc(number(args[0], 0)));
      if (s.length * count > maxBuilt) throw new EvalError(`This text is longer than ${maxBuilt} characters`);
      return s.repeat(count);
    }
  }
  throw new EvalError(`A text has no method \`${name}()\``);
}

function number(v: Value | undefined, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback;
}
