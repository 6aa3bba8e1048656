/** Helpers shared by the browser tests. */
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/**
 * Where browser tests write their screenshots: docs/screenshots/ under `npm run screenshots`
 * (TRELLIS_SCREENSHOTS=1), else test/.tmp/screenshots/, so `npm test` never changes a tracked file.
 */
export const screenshotDir = fileURLToPath(new URL(process.env.TRELLIS_SCREENSHOTS ? '../../docs/screenshots/' : '../.tmp/screenshots/', import.meta.url));

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

/**
 * The share of the pixels inside `locator` (its border left out) that differ from their most common
 * colour: 0 for a blank area.
 */
export async function inkShare(page: Page, locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`inkShare: ${locator.toString()} is not visible`);
  const inset = 8;
  const clip = { x: box.x + inset, y: box.y + inset, width: box.width - 2 * inset, height: box.height - 2 * inset };
  const png = (await page.screenshot({ clip })).toString('base64');
  return page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const most = Math.max(...counts.values());
    return 1 - most / (data.length / 4);
  }, png);
}
