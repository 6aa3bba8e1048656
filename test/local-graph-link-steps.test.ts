/**
 * shownLinkCount: the link counts a local graph file gives its nodes are steps of the app's size
 * scale (src/shared/local-graph.ts), fine enough that no step changes a node's size by more than
 * about a quarter of a pixel, exact for the fewest links, and full size from 200.
 */
import { describe, expect, it } from 'vitest';
import { localGraphFullSizeLinks, shownLinkCount } from '../src/shared/local-graph.ts';

/** The size the local graph panel draws a depth-1 node at (web/components/garden-local-graph-canvas.ts). */
const size = (links: number) => 3 + 6 * Math.min(1, Math.log1p(links) / Math.log1p(localGraphFullSizeLinks));

describe('shownLinkCount', () => {
  it('is exact up to 6 links, never more than the count, and 200 from 200 links on', () => {
    for (let n = 0; n <= 6; n++) expect(shownLinkCount(n)).toBe(n);
    for (let n = 0; n < 5000; n++) expect(shownLinkCount(n)).toBeLessThanOrEqual(n);
    expect(shownLinkCount(199)).toBe(160);
    expect(shownLinkCount(200)).toBe(200);
    expect(shownLinkCount(100_000)).toBe(200);
  });

  it('moves in steps of at most a third of a pixel of the drawn size, and never back', () => {
    let steps = 0;
    for (let n = 1; n <= 400; n++) {
      const [was, is] = [shownLinkCount(n - 1), shownLinkCount(n)];
      expect(is).toBeGreaterThanOrEqual(was);
      // A count drawn as its step is at most a third of a pixel from where its exact count would be.
      expect(size(n) - size(is), `${n} links`).toBeLessThan(0.34);
      if (is !== was) steps++;
    }
    // Most counts share their step with the next: a note gaining a link mostly leaves the files it is in as they were.
    expect(steps).toBe(21);
  });
});
