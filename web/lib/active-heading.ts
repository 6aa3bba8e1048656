/**
 * Index of the section being read: the last heading whose top (in viewport
 * pixels, in document order) has passed `line`; -1 above the first heading.
 */
export function activeHeading(tops: number[], line: number): number {
  let active = -1;
  for (let i = 0; i < tops.length; i++) {
    if (tops[i]! <= line) active = i;
    else break;
  }
  return active;
}
