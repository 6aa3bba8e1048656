/** A run of lines that differs: `a[aStart, aEnd)` became `b[bStart, bEnd)`. */
export interface LineHunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Past this many differing lines the middle is taken as one replacement (the search costs (N+M)·D time). */
const maxEdits = 2000;

/**
 * The runs of lines that differ between `a` and `b`, in order, with at least
 * one shared line between two runs: Myers' O((N+M)·D) shortest edit script,
 * run after the lines shared at both ends are set aside. Its cost grows with
 * the size of the change, not of the note, and repeated lines (blank ones)
 * cost nothing extra.
 */
export function diffLines(a: readonly string[], b: readonly string[]): LineHunk[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n === 0 && m === 0) return [];
  const matches = n === 0 || m === 0 ? [] : matchLines(a.slice(head, head + n), b.slice(head, head + m));
  if (matches === undefined) return [{ aStart: head, aEnd: head + n, bStart: head, bEnd: head + m }];
  const hunks: LineHunk[] = [];
  let x = 0;
  let y = 0;
  for (const [mx, my] of [...matches, [n, m] as const]) {
    if (mx > x || my > y) hunks.push({ aStart: head + x, aEnd: head + mx, bStart: head + y, bEnd: head + my });
    x = mx + 1;
    y = my + 1;
  }
  return hunks;
}

/** Pairs of equal lines `[i, j]` on a shortest edit path, in order; undefined when the path is too long to search. */
function matchLines(a: readonly string[], b: readonly string[]): [number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d] holds the furthest x on each diagonal k in [-d, d] after d edits.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, a, b);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return undefined;
}

/** Walk the trace back from the end, collecting the equal lines passed on diagonals. */
function backtrack(trace: Int32Array[], a: readonly string[], b: readonly string[]): [number, number][] {
  const matches: [number, number][] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]!;
    const k = x - y;
    const at = (kk: number) => prev[kk + d - 1]!;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    // The snake after the edit: equal lines back to where the edit ended.
    const startX = prevK === k + 1 ? prevX : prevX + 1;
    while (x > startX) matches.push([--x, --y]);
    x = prevX;
    y = prevY;
  }
  while (x > 0) matches.push([--x, --y]);
  return matches.reverse();
}
