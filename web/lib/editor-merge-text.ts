/**
 * Start a hand merge of two versions of a note: the lines both share at the
 * start and at the end are kept once, and the differing middle is shown as
 * both versions between Git-style conflict markers for the user to edit.
 */
export function mergeWithMarkers(mine: string, disk: string): string {
  if (mine === disk) return mine;
  const a = mine.split('\n');
  const b = disk.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return [
    ...a.slice(0, start),
    '<<<<<<< yours',
    ...a.slice(start, a.length - end),
    '=======',
    ...b.slice(start, b.length - end),
    '>>>>>>> on disk',
    ...a.slice(a.length - end),
  ].join('\n');
}
