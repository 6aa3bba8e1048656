/**
 * The terms of a sorted list that start with `prefix`. When there are more than `max`, the
 * shortest ones are kept: they are the likeliest completions of what is being typed.
 * @param terms sorted by `<` (UTF-16 code units), as shards store them
 * @returns in list order when all fit, otherwise shortest first
 */
export function findPrefixTerms(terms: readonly string[], prefix: string, max: number): string[] {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < terms.length && terms[end]!.startsWith(prefix)) end++;
  const found = terms.slice(lo, end);
  if (found.length <= max) return found;
  return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, max);
}
