/**
 * Callout families in Chromium, on a built page with the real stylesheet: each of Obsidian's
 * thirteen families has its own icon, aliases share their family's icon and colour, any other
 * type looks like a note, and every title contrasts at least 4.5:1 with the callout behind it,
 * in the light theme, the dark theme from the system, and the dark theme chosen on the page.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildGarden } from '../../src/build.ts';
import { ensureAppBundle } from '../../src/emit/app-bundle.ts';
import { emitSite } from '../../src/emit/index.ts';
import { makeGarden, tempDir } from '../helpers/garden.ts';
import { launchChromium } from './launch-chromium.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 60_000 });

/** Obsidian's families and their aliases (help.obsidian.md, Callouts: Supported types). */
const families: Record<string, string[]> = {
  note: [],
  abstract: ['summary', 'tldr'],
  info: [],
  todo: [],
  tip: ['hint', 'important'],
  success: ['check', 'done'],
  question: ['help', 'faq'],
  warning: ['caution', 'attention'],
  failure: ['fail', 'missing'],
  danger: ['error'],
  bug: [],
  example: [],
  quote: ['cite'],
};
const types = [...Object.entries(families).flatMap(([f, aliases]) => [f, ...aliases]), 'my-custom'];

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  // Foldable ones too: their title is a <summary>.
  const body = types.map((t, i) => `> [!${t}]${i % 3 === 0 ? '-' : ''} Title of ${t}\n> Body of ${t}.\n`).join('\n');
  const garden = makeGarden({ 'Callouts.md': body });
  const out = path.join(tempDir(), 'site');
  await emitSite(await buildGarden({ garden, noCache: true, layout: false }), {
    out,
    site: { title: 'Callouts', basePath: '/' },
    app: await ensureAppBundle(),
  });
  site = await startStaticServer(out);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Look {
  type: string;
  icon: string;
  color: string;
  contrast: number;
}

/** Each callout's icon (the title's mask image), title colour and the title's contrast with what is behind it. */
function looks(page: Page): Promise<Look[]> {
  return page.evaluate(() => {
    const rgba = (css: string): number[] => {
      const n = css.match(/[\d.]+/g)!.map(Number);
      return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]): number => {
      const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    /** The opaque colour behind `el`: its and its ancestors' backgrounds composited over white. */
    const backdrop = (el: Element): number[] => {
      const layers: number[][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) layers.unshift(rgba(getComputedStyle(e).backgroundColor));
      return layers.reduce(
        (under, [r, g, b, a]) => [r! * a! + under[0]! * (1 - a!), g! * a! + under[1]! * (1 - a!), b! * a! + under[2]! * (1 - a!)],
        [255, 255, 255],
      );
    };
    return Array.from(document.querySelectorAll<HTMLElement>('main .callout')).map((callout) => {
      const title = callout.querySelector<HTMLElement>(':scope > .callout-title')!;
      const color = getComputedStyle(title).color;
      const [l1, l2] = [luminance(rgba(color)), luminance(backdrop(title))];
      return {
        type: callout.dataset.callout!,
        icon: getComputedStyle(title, '::before').maskImage,
        color,
        contrast: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05),
      };
    });
  });
}

const themes = [
  { name: 'light', colorScheme: 'light', choice: undefined },
  { name: 'dark (system)', colorScheme: 'dark', choice: undefined },
  { name: 'dark (chosen)', colorScheme: 'light', choice: 'dark' },
  { name: 'light (chosen over a dark system)', colorScheme: 'dark', choice: 'light' },
] as const;

describe('callouts', () => {
  for (const theme of themes) {
    it(`have an icon per family and titles of at least 4.5:1 contrast, ${theme.name}`, async () => {
      const page = await browser.newPage({ colorScheme: theme.colorScheme });
      if (theme.choice) await page.addInitScript((t) => localStorage.setItem('trellis-theme', t), theme.choice);
      await page.goto(site.url + 'callouts/');
      if (theme.choice) expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme.choice);
      const found = await looks(page);
      expect(found.map((l) => l.type)).toEqual(types);
      for (const l of found) expect(l.contrast, `${l.type}: ${l.color}`).toBeGreaterThanOrEqual(4.5);

      const of = (type: string) => found.find((l) => l.type === type)!;
      const icons = Object.keys(families).map((f) => of(f).icon);
      for (const icon of icons) expect(icon).toMatch(/^url\("data:image\/svg\+xml,/);
      expect(new Set(icons).size).toBe(13);
      for (const [family, aliases] of Object.entries(families)) {
        for (const alias of aliases)
          expect({ alias, icon: of(alias).icon, color: of(alias).color }).toEqual({ alias, icon: of(family).icon, color: of(family).color });
      }
      expect({ icon: of('my-custom').icon, color: of('my-custom').color }).toEqual({ icon: of('note').icon, color: of('note').color });
      await page.close();
    });
  }

  it('use different colours in the two themes', async () => {
    const [light, dark] = await Promise.all(
      (['light', 'dark'] as const).map(async (colorScheme) => {
        const page = await browser.newPage({ colorScheme });
        await page.goto(site.url + 'callouts/');
        const found = await looks(page);
        await page.close();
        return found;
      }),
    );
    for (let i = 0; i < light!.length; i++) expect(light![i]!.color).not.toBe(dark![i]!.color);
  });
});
