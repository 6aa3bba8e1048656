/**
 * The index of the active option after an arrow key in a list of `count`
 * options, wrapping at both ends; -1 when the list is empty. From -1 (none
 * active), Down goes to the first option and Up to the last.
 */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End'): number {
  if (count <= 0) return -1;
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'ArrowDown':
      return active < 0 ? 0 : (active + 1) % count;
    case 'ArrowUp':
      return active < 0 ? count - 1 : (active - 1 + count) % count;
  }
}
