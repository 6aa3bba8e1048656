/**
 * Overlapping character bigrams of a CJK run (`分布式` → `分布`, `布式`); a one-character run
 * gives itself. Bigrams are the usual index unit for text without word boundaries: a query of
 * two or more characters becomes bigrams that must all match, and a one-character query is a
 * prefix of bigrams.
 */
export function toCjkGrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}
