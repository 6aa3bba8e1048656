/** The `limit` best items, best first, without sorting them all. */
export function selectTop(items: readonly number[], limit: number, better: (a: number, b: number) => boolean): number[] {
  if (limit <= 0) return [];
  const top: number[] = [];
  for (const item of items) {
    if (top.length === limit && !better(item, top[limit - 1]!)) continue;
    let i = Math.min(top.length, limit - 1);
    top[i] = item;
    while (i > 0 && better(item, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      top[i - 1] = item;
      i--;
    }
  }
  return top;
}
