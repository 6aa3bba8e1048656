/**
 * The global graph page in headless Chromium (software WebGL): `tsx bench/graph-fps.ts <dist> [--profile <dir>]`,
 * or `npm run bench -- --graph-fps` for every size measured.
 *
 * 1. Serves the built site and opens /graph/ at 1280×800; counts the bytes of every response
 *    (CDP Network, transfer size; the test server does not compress).
 * 2. First draw: when the canvas of the global graph exists, at the next animation frame
 *    (sigma draws synchronously when it is created), measured from navigation start. A large
 *    graph draws its nodes first and its edges just after: "edges drawn" is when all are in.
 * 3. Frames while the camera moves, counted with requestAnimationFrame: a mouse drag in circles
 *    (panning) and wheel turns in and out (zooming), 4 s each.
 * 4. With `--profile`, CPU profiles of the panning and the zooming (CDP Profiler) written there, with the top self times.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/browser/launch-chromium.ts';
import { startStaticServer } from '../test/browser/static-server.ts';
import { rankHotspots } from './profile-top.ts';

/** Frames seen while the camera moved. */
export interface FrameStats {
  frames: number;
  fps: number;
  p95FrameMs: number;
  maxFrameMs: number;
}

/** Everything measured on one graph page. */
export interface GraphFpsResult {
  /** Bytes of every response the page received until the network was idle. */
  transferBytes: number;
  /** The same, per path. */
  files: Record<string, number>;
  firstDrawMs: number;
  /** When the drawing held every edge, from navigation start. */
  edgesDrawnMs?: number;
  pan: FrameStats;
  zoom: FrameStats;
}

const moveMs = 4000;

/** Measure the graph page of the site built in `dist`. */
export async function measureGraphFps(dist: string, options: { profileDir?: string } = {}): Promise<GraphFpsResult> {
  const server = await startStaticServer(path.resolve(dist));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    const urls = new Map<string, string>();
    const files: Record<string, number> = {};
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, new URL(e.response.url).pathname));
    cdp.on('Network.loadingFinished', (e) => {
      const file = urls.get(e.requestId) ?? '?';
      files[file] = (files[file] ?? 0) + e.encodedDataLength;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // Scripts go in as text: tsx wraps named functions in a helper the page does not have.
    await page.addInitScript(`{
      const find = () => document.querySelector('garden-graph-view')?.shadowRoot?.querySelector('garden-graph-canvas')?.shadowRoot?.querySelector('canvas');
      const poll = () => (find() ? requestAnimationFrame(() => (window.benchFirstDraw = performance.now())) : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    }`);
    await page.goto(server.url + 'graph/', { waitUntil: 'load' });
    await page.waitForFunction(() => 'benchFirstDraw' in window, undefined, { timeout: 120_000 });
    const firstDrawMs = await page.evaluate(() => (window as unknown as { benchFirstDraw: number }).benchFirstDraw);
    // Every edge in, then one more frame: the drawing is complete.
    await page.waitForFunction(
      `(() => { const c = document.querySelector('garden-graph-view')?.shadowRoot?.querySelector('garden-graph-canvas');
        return c && c.graph && (typeof c.drawnEdgeCount !== 'function' || c.drawnEdgeCount() === c.graph.size); })()`,
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
    const edgesDrawnMs = await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const box = (await page.locator('garden-graph-canvas').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    if (options.profileDir) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const pan = await countFrames(page, async () => {
      await page.mouse.move(centre.x, centre.y);
      await page.mouse.down();
      const start = Date.now();
      for (let i = 0; Date.now() - start < moveMs; i++) {
        await page.mouse.move(centre.x + 150 * Math.cos(i / 8), centre.y + 150 * Math.sin(i / 8));
      }
      await page.mouse.up();
    });
    if (options.profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(options.profileDir, { recursive: true });
      writeFileSync(path.join(options.profileDir, 'pan.cpuprofile'), JSON.stringify(profile));
    }
    await page.waitForTimeout(500);
    if (options.profileDir) await cdp.send('Profiler.start');
    const zoom = await countFrames(page, async () => {
      await page.mouse.move(centre.x, centre.y);
      const start = Date.now();
      for (let i = 0; Date.now() - start < moveMs; i++) {
        await page.mouse.wheel(0, i % 8 < 4 ? -120 : 120);
        await page.waitForTimeout(50);
      }
    });
    if (options.profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(path.join(options.profileDir, 'zoom.cpuprofile'), JSON.stringify(profile));
    }
    return { transferBytes: Object.values(files).reduce((a, b) => a + b, 0), files, firstDrawMs, edgesDrawnMs, pan, zoom };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Frames drawn (requestAnimationFrame callbacks) while `move` runs. */
async function countFrames(page: Page, move: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(`{
    const times = [];
    window.benchTimes = times;
    window.benchCounting = true;
    const tick = (t) => {
      times.push(t);
      if (window.benchCounting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }`);
  await move();
  const times = await page.evaluate(() => {
    Object.assign(window, { benchCounting: false });
    return (window as unknown as { benchTimes: number[] }).benchTimes;
  });
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const sorted = [...gaps].sort((a, b) => a - b);
  const span = times.length > 1 ? times.at(-1)! - times[0]! : NaN;
  return {
    frames: gaps.length,
    fps: (gaps.length / span) * 1000,
    p95FrameMs: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN,
    maxFrameMs: sorted.at(-1) ?? NaN,
  };
}

/** One line per measure, for the terminal and docs/performance.md. */
export function formatGraphFps(r: GraphFpsResult): string {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  const frames = (s: FrameStats) => `${s.fps.toFixed(1)} fps (${s.frames} frames; p95 ${Math.round(s.p95FrameMs)} ms, max ${Math.round(s.maxFrameMs)} ms)`;
  const biggest = Object.entries(r.files)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([f, b]) => `${f} ${mb(b)}`)
    .join(', ');
  return [
    `graph page transfer: ${mb(r.transferBytes)} (${biggest})`,
    `first draw: ${Math.round(r.firstDrawMs)} ms (every edge drawn: ${Math.round(r.edgesDrawnMs ?? NaN)} ms)`,
    `panning: ${frames(r.pan)}`,
    `zooming: ${frames(r.zoom)}`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const dist = args[0];
  if (!dist) throw new Error('usage: tsx bench/graph-fps.ts <dist> [--profile <dir>]');
  const profileAt = args.indexOf('--profile');
  const profileDir = profileAt >= 0 ? args[profileAt + 1] : undefined;
  const result = await measureGraphFps(dist, { profileDir });
  process.stdout.write(formatGraphFps(result) + '\n');
  if (profileDir) {
    for (const h of rankHotspots(profileDir).slice(0, 20)) {
      process.stdout.write(`${h.ms.toFixed(0).padStart(8)} ms  ${(h.share * 100).toFixed(1).padStart(5)} %  ${h.name}\n`);
    }
  }
}
