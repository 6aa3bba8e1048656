/**
 * The tokens of a Bases expression (Obsidian's formula and filter language): numbers, quoted
 * strings, names, punctuation and operators, each with its offset. A `/` where an operand is
 * expected starts a regular expression literal, which is read whole (so its text is not taken for
 * operators) and refused by the parser.
 */

/** One token; `at` is its offset in the expression. */
export type Token =
  | { type: 'number'; value: number; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'name'; value: string; at: number }
  | { type: 'punct'; value: '(' | ')' | '[' | ']' | ',' | '.' | '{' | '}' | ':'; at: number }
  | { type: 'op'; value: string; at: number }
  | { type: 'regex'; at: number }
  | { type: 'end'; at: number };

/** A token error, with the offset it was found at. */
export class TokenError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.at = at;
  }
}

const nameStart = /[\p{L}_$]/u;
const namePart = /[\p{L}\p{N}_$]/u;
const operators = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '+', '-', '*', '/', '%'];
const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Split `text` into tokens, ending with an `end` token; throws `TokenError` on a character no token starts with. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const operandEnds = () => {
    const last = out[out.length - 1];
    return (
      last !== undefined &&
      (last.type === 'number' || last.type === 'string' || last.type === 'name' || (last.type === 'punct' && (last.value === ')' || last.value === ']')))
    );
  };
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      out.push({ type: 'number', value: Number(m[0]), at });
      i += m[0].length;
    } else if (c === '"' || c === "'") {
      const [value, end] = readString(text, i);
      out.push({ type: 'string', value, at });
      i = end;
    } else if (nameStart.test(c)) {
      let j = i + 1;
      while (j < text.length && namePart.test(text[j]!)) j++;
      out.push({ type: 'name', value: text.slice(i, j), at });
      i = j;
    } else if ('()[],.{}:'.includes(c)) {
      // `{`, `}` and `:` only to name an object literal as unsupported (parse-expression.ts).
      out.push({ type: 'punct', value: c as '(' | ')' | '[' | ']' | ',' | '.' | '{' | '}' | ':', at });
      i++;
    } else if (c === '/' && !operandEnds()) {
      i = skipRegex(text, i);
      out.push({ type: 'regex', at });
    } else {
      const op = operators.find((o) => text.startsWith(o, i));
      if (!op) throw new TokenError(`Unexpected \`${c}\``, at);
      out.push({ type: 'op', value: op, at });
      i += op.length;
    }
  }
  out.push({ type: 'end', at: text.length });
  return out;
}

/** The value of the string literal starting at `start` (a quote) and the offset after it. */
function readString(text: string, start: number): [string, number] {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) return [value, i + 1];
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1]!;
      value += escapes[next] ?? next;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw new TokenError('This text has no closing quote', start);
}

/** The offset after the regular expression literal starting at `start` (its flags included). */
function skipRegex(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') i += 2;
    else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) {
        i++;
        while (i < text.length && /[a-z]/i.test(text[i]!)) i++;
        return i;
      }
      i++;
    }
  }
  throw new TokenError('This regular expression has no closing `/`', start);
}
