/**
 * The number of letters to insert, delete, change or swap with their neighbour to turn `typed`
 * into `word` (optimal string alignment distance: a swap of two neighbours counts 1, so `qourum`
 * is 1 from `quorum`), or `max + 1` as soon as it is known to exceed `max`. With `prefix`, the
 * distance to the closest start of `word` (`kubernets` is 1 from `kubernetes` either way; `framw`
 * is 1 from `framework`), for a word still being typed. Compares UTF-16 code units: the encoder
 * has already folded case and accents.
 */
export function toEditDistance(typed: string, word: string, max: number, prefix = false): number {
  const m = typed.length;
  const n = word.length;
  if (!prefix && Math.abs(m - n) > max) return max + 1;
  // Three rows of the table: distances from typed[0..i) to word[0..j), for i - 2, i - 1 and i.
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = typed.charCodeAt(i - 1) === word.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && typed.charCodeAt(i - 1) === word.charCodeAt(j - 2) && typed.charCodeAt(i - 2) === word.charCodeAt(j - 1)) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // Every later row is at least this row's smallest value.
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  // `previous` now holds the last row: typed against every start of word.
  const distance = prefix ? Math.min(...previous) : previous[n]!;
  return Math.min(distance, max + 1);
}
