/**
 * The smallest string greater than every string starting with `prefix` (`rep` → `req`), or
 * `undefined` when there is none. Compares like `<` on strings: by UTF-16 code unit.
 */
export function toPrefixEnd(prefix: string): string | undefined {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const code = prefix.charCodeAt(i);
    if (code < 0xffff) return prefix.slice(0, i) + String.fromCharCode(code + 1);
  }
  return undefined;
}
