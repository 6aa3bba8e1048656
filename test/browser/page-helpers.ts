/** Helpers shared by the browser tests. */
import type { Locator, Page } from 'playwright-core';

/** Start recording console errors and uncaught exceptions of a page; read the returned list at the end of a test. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** The RGB colour at each point (CSS pixels, relative to the element) of a screenshot of `locator`. */
export async function colorsAt(page: Page, locator: Locator, points: { x: number; y: number }[]): Promise<[number, number, number][]> {
  const png = (await locator.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return points.map(({ x, y }) => {
        const [r, g, b] = context.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        return [r!, g!, b!] as [number, number, number];
      });
    },
    { png, points },
  );
}

/** Distance between two colours (sum of channel differences). */
export function colorDistance(a: [number, number, number], hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return Math.abs(a[0] - (n >> 16)) + Math.abs(a[1] - ((n >> 8) & 255)) + Math.abs(a[2] - (n & 255));
}
