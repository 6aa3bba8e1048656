/**
 * A JSON parser that keeps where every value is in the source: a canvas's
 * diagnostics point at the file, line and column of the value they are about,
 * and a text card's Markdown positions are mapped back through its string.
 * Strict RFC 8259 JSON (what Obsidian writes); nesting is bounded so a hostile
 * file cannot exhaust the stack.
 */

/** A parsed JSON value with its source offsets [start, end). */
export type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: JsonEntry[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'boolean'; start: number; end: number; value: boolean }
  | { kind: 'null'; start: number; end: number };

/** One `"key": value` of an object; the key's offset is where diagnostics about a missing or wrong value point. */
export interface JsonEntry {
  key: string;
  keyStart: number;
  value: JsonNode;
}

/** The parse result: the value, or the first syntax error and its offset. */
export type JsonParse = { ok: true; value: JsonNode } | { ok: false; message: string; offset: number };

/** Deepest nesting accepted; a canvas needs 3 (object, array, object). */
export const maxJsonDepth = 64;

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parse `text` as one JSON value. */
export function parseJson(text: string): JsonParse {
  const p = new Parser(text);
  try {
    p.space();
    const value = p.value(0);
    p.space();
    if (p.i < text.length) throw new JsonError('Unexpected text after the JSON value', p.i);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

class Parser {
  i = 0;
  constructor(readonly text: string) {}

  space(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else break;
    }
  }

  value(depth: number): JsonNode {
    if (depth > maxJsonDepth) throw new JsonError(`Nested deeper than ${maxJsonDepth} levels`, this.i);
    const c = this.text[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      const start = this.i;
      const value = this.string();
      return { kind: 'string', start, end: this.i, value };
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    const start = this.i;
    const word = (w: string) => this.text.startsWith(w, start) && ((this.i += w.length), true);
    if (word('true')) return { kind: 'boolean', start, end: this.i, value: true };
    if (word('false')) return { kind: 'boolean', start, end: this.i, value: false };
    if (word('null')) return { kind: 'null', start, end: this.i };
    throw new JsonError(c === undefined ? 'Unexpected end of file; a value was expected' : `Unexpected \`${c}\`; a value was expected`, this.i);
  }

  object(depth: number): JsonNode {
    const start = this.i++;
    const entries: JsonEntry[] = [];
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return { kind: 'object', start, end: this.i, entries };
    }
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') throw this.expected('a property name in double quotes');
      const keyStart = this.i;
      const key = this.string();
      this.space();
      if (this.text[this.i] !== ':') throw this.expected('`:`');
      this.i++;
      this.space();
      entries.push({ key, keyStart, value: this.value(depth + 1) });
      this.space();
      const c = this.text[this.i];
      this.i++;
      if (c === '}') return { kind: 'object', start, end: this.i, entries };
      if (c !== ',') {
        this.i--;
        throw this.expected('`,` or `}`');
      }
    }
  }

  array(depth: number): JsonNode {
    const start = this.i++;
    const items: JsonNode[] = [];
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return { kind: 'array', start, end: this.i, items };
    }
    for (;;) {
      this.space();
      items.push(this.value(depth + 1));
      this.space();
      const c = this.text[this.i];
      this.i++;
      if (c === ']') return { kind: 'array', start, end: this.i, items };
      if (c !== ',') {
        this.i--;
        throw this.expected('`,` or `]`');
      }
    }
  }

  string(): string {
    const t = this.text;
    this.i++;
    let out = '';
    let run = this.i;
    for (;;) {
      if (this.i >= t.length) throw new JsonError('Unterminated string', this.i);
      const c = t.charCodeAt(this.i);
      if (c === 0x22) {
        out += t.slice(run, this.i);
        this.i++;
        return out;
      }
      if (c < 0x20) throw new JsonError('Control character in a string; write it as an escape such as `\\n`', this.i);
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      out += t.slice(run, this.i);
      const { value, length } = readEscape(t, this.i);
      out += value;
      this.i += length;
      run = this.i;
    }
  }

  number(): JsonNode {
    const start = this.i;
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = start;
    const match = m.exec(this.text);
    if (!match) throw new JsonError('Invalid number', start);
    this.i = start + match[0].length;
    return { kind: 'number', start, end: this.i, value: Number(match[0]) };
  }

  expected(what: string): JsonError {
    const c = this.text[this.i];
    return new JsonError(c === undefined ? `Unexpected end of file; expected ${what}` : `Unexpected \`${c}\`; expected ${what}`, this.i);
  }
}

const simpleEscapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The escape starting at `text[at]` (a backslash): the text it stands for and how many source
 * characters it takes. Shared with string-offsets.ts, which maps decoded text back to the source.
 */
export function readEscape(text: string, at: number): { value: string; length: number } {
  const e = text[at + 1];
  if (e === undefined) throw new JsonError('Unterminated string', at);
  const simple = simpleEscapes[e];
  if (simple !== undefined) return { value: simple, length: 2 };
  if (e === 'u') {
    const hex = text.slice(at + 2, at + 6);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonError('Invalid `\\u` escape: four hexadecimal digits were expected', at);
    return { value: String.fromCharCode(parseInt(hex, 16)), length: 6 };
  }
  throw new JsonError(`Invalid escape \`\\${e}\``, at);
}
