/** Bonus for a matched character that starts a word (after a space, `/`, `-`, `_`, `.` or at the start). */
const wordStartBonus = 8;
/** Bonus for a matched character right after the previous match. */
const runBonus = 5;
const matchScore = 1;

/**
 * Score how well `query` fuzzy-matches `text`: every query character must
 * appear in `text`, in order, case-insensitively. Higher is better; matches at
 * word starts, consecutive runs and a prefix match score more, and longer
 * texts score slightly less. Returns null when the query does not match; an
 * empty query matches everything with score 0.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  if (q === '') return 0;
  let score = 0;
  let ti = 0;
  let previous = -2;
  for (const c of q) {
    if (c === ' ') continue;
    const found = findFrom(t, c, ti);
    if (found < 0) return null;
    score += matchScore;
    if (found === previous + 1) score += runBonus;
    if (found === 0 || isSeparator(t[found - 1]!)) score += wordStartBonus;
    previous = found;
    ti = found + 1;
  }
  if (t.startsWith(q)) score += 10;
  if (t === q) score += 20;
  return score - text.length / 100;
}

/** Index of `c` in `t` at or after `from`, preferring a word start when one follows before the next plain match. */
function findFrom(t: string, c: string, from: number): number {
  const plain = t.indexOf(c, from);
  if (plain <= 0 || isSeparator(t[plain - 1]!)) return plain;
  for (let i = plain + 1; i < t.length; i++) {
    if (t[i] === c && isSeparator(t[i - 1]!)) return i;
  }
  return plain;
}

function isSeparator(c: string): boolean {
  return c === ' ' || c === '/' || c === '-' || c === '_' || c === '.';
}
