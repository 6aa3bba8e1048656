/**
 * Mermaid diagrams in Chromium, from a garden built with the command line
 * (test/fixtures/mermaid): every label is drawn whole inside the box drawn
 * for it. Mermaid sizes a box from text it measures in a hidden element under
 * <body>, then the text is drawn inside the note's diagram block; when the two
 * inherit different fonts (the body's serif, the block's monospace), labels
 * came out clipped ("Biolog", "Chemist", the saga's note losing "Step 3").
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors, screenshotDir } from './page-helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

vi.setConfig({ testTimeout: 90_000 });

const projectRoot = path.resolve(import.meta.dirname, '../..');
const cli = path.join(projectRoot, 'bin/trellis.js');

let browser: Browser;
let out: string;
let site: StaticServer;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'trellis-mermaid-'));
  const dist = path.join(out, 'dist');
  await promisify(execFile)(process.execPath, [cli, 'build', path.join(projectRoot, 'test/fixtures/mermaid'), '--out', dist, '--no-cache'], {
    cwd: projectRoot,
  });
  site = await startStaticServer(dist);
  browser = await launchChromium();
  await mkdir(screenshotDir, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

/** Open a note and wait until its diagram is drawn. */
async function openDiagram(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const errors = collectErrors(page);
  await page.goto(site.url + url);
  const diagram = page.locator('pre.mermaid');
  await diagram.scrollIntoViewIfNeeded();
  await expect.poll(() => diagram.getAttribute('data-mermaid'), { timeout: 30_000 }).toBe('drawn');
  return { page, errors };
}

/** A box in CSS pixels, rounded to tenths. */
interface Box {
  left: number;
  right: number;
}

/** How far `inner` sticks out of `outer` on either side (0 when it fits; half a pixel is rounding). */
function overflow(inner: Box, outer: Box): number {
  const out = Math.max(0, outer.left - inner.left, inner.right - outer.right);
  return out <= 0.5 ? 0 : out;
}

describe('mermaid labels', () => {
  it('flowchart: each node label is shown whole, inside its foreignObject and inside its shape', async () => {
    const { page, errors } = await openDiagram('flowchart/');
    const nodes = await page.locator('pre.mermaid svg g.node').evaluateAll((gs) =>
      gs.map((g) => {
        const fo = g.querySelector('foreignObject')!;
        const range = document.createRange();
        range.selectNodeContents(fo);
        const text = range.getBoundingClientRect();
        const clip = fo.getBoundingClientRect();
        const shape = g.querySelector('.label-container')!.getBoundingClientRect();
        return {
          label: fo.textContent!.trim(),
          text: { left: text.left, right: text.right },
          clip: { left: clip.left, right: clip.right },
          shape: { left: shape.left, right: shape.right },
        };
      }),
    );
    expect(nodes.map((n) => n.label)).toEqual([
      'Biology',
      'Chemistry',
      'Thermodynamics',
      'Electrophysiology',
      'Neuropharmacology',
      'Crystallography',
      'Biochemistry',
    ]);
    for (const node of nodes) {
      expect(overflow(node.text, node.clip), `${node.label} is clipped by its foreignObject`).toBe(0);
      expect(overflow(node.text, node.shape), `${node.label} is wider than its shape`).toBe(0);
    }
    await page.locator('pre.mermaid').screenshot({ path: path.join(screenshotDir, 'mermaid-flowchart.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sequence diagram: participant and note texts fit their boxes, and no text leaves the diagram', async () => {
    const { page, errors } = await openDiagram('saga/');
    const texts = await page.locator('pre.mermaid svg text').evaluateAll((elements) => {
      const svg = (elements[0] as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
      return elements.map((t) => {
        const box = t.getBoundingClientRect();
        const rect = t.previousElementSibling?.tagName === 'rect' ? t.previousElementSibling.getBoundingClientRect() : undefined;
        return {
          label: t.textContent!,
          text: { left: box.left, right: box.right },
          box: rect ? { left: rect.left, right: rect.right } : undefined,
          svg: { left: svg.left, right: svg.right },
        };
      });
    });
    const boxed = texts.filter((t) => t.box);
    expect(new Set(boxed.map((t) => t.label))).toEqual(
      new Set(['Client', 'Saga orchestrator', 'Order service', 'Payment service', 'Inventory service', 'Step 3 failed. Run compensations in reverse order.']),
    );
    for (const t of boxed) expect(overflow(t.text, t.box!), `"${t.label}" is wider than its box`).toBe(0);
    for (const t of texts) expect(overflow(t.text, t.svg), `"${t.label}" leaves the diagram`).toBe(0);
    await page.locator('pre.mermaid').screenshot({ path: path.join(screenshotDir, 'mermaid-saga.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
