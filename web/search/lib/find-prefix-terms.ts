/**
 * The terms of a sorted list that start with `prefix`, in list order, at most `max` of them.
 * @param terms sorted by `<` (UTF-16 code units), as shards store them
 */
export function findPrefixTerms(terms: readonly string[], prefix: string, max: number): string[] {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < terms.length && out.length < max && terms[i]!.startsWith(prefix); i++) out.push(terms[i]!);
  return out;
}
