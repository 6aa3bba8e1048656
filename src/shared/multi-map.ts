/** Maps of lists: one key, many values. */

/** Add `value` to the list of `key` in `map`, the list made on its first value. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `items` by `key`, each list in the order of `items` (an item whose key is undefined is left out). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) pushTo(groups, k, item);
  }
  return groups;
}
