/** Searches of ascending lists of numbers, shared by the builder and the app. */

/**
 * The index of the last of `sorted` (ascending) that is at most `value`, found by halving; 0 when none is (the
 * callers' lists start at or below any value they ask for: line starts from 0, chunks from note 0, steps from 0).
 */
export function lastAtMost(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
