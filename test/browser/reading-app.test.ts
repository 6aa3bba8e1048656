/**
 * The reading app in Chromium, against the fixture site: in-place navigation
 * with history and anchors, backlinks, hover previews, theme, search, the
 * pages without JavaScript, and no console errors anywhere.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { collectErrors } from './page-helpers.ts';
import { useFixtureSite } from './fixture-session.ts';

vi.setConfig({ testTimeout: 60_000 });

const fixture = useFixtureSite('reading-app');

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await fixture.browser.newPage({ viewport });
  const errors = collectErrors(page);
  await page.goto(fixture.server.url + path);
  await page.waitForFunction(() => customElements.get('garden-app') !== undefined);
  return { page, errors };
}

/** Mark the window; the mark survives only if the page is never reloaded. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { trellisMarker: 'kept' }));
}

async function marker(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { trellisMarker?: string }).trellisMarker);
}

describe('in-place navigation', () => {
  it('follows a wiki-link to the right note without reloading, and back and forward restore content', async () => {
    const { page, errors } = await open('distributed-systems/raft/');
    await markWindow(page);
    await page.locator('.note-body a.internal', { hasText: 'Paxos' }).first().click();
    await page.waitForURL('**/distributed-systems/paxos/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Paxos');
    expect(await page.title()).toBe('Paxos · Fixture Garden');
    expect(await page.locator('.toc a').allTextContents()).toEqual(['Basic Paxos', 'Multi-Paxos']);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await marker(page)).toBe('kept');

    await page.goBack();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Raft');
    expect(page.url()).toBe(fixture.server.url + 'distributed-systems/raft/');
    await page.goForward();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Paxos');
    expect(await marker(page)).toBe('kept');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores the scroll position on back', async () => {
    const { page, errors } = await open('reading-list/');
    await markWindow(page);
    const link = page.locator('section[aria-label="Backlinks"] a', { hasText: 'Consensus' });
    await link.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => Math.round(window.scrollY));
    expect(before).toBeGreaterThan(500);
    await link.click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Consensus');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.goBack();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Reading list');
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(before);
    expect(await marker(page)).toBe('kept');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the browser follow anchors on the page, and back returns to where the reader was', async () => {
    const { page, errors } = await open('distributed-systems/raft/');
    await page.evaluate(() => window.scrollTo(0, 300));
    await page.waitForFunction(() => Math.round(window.scrollY) === 300);
    await page.locator('.toc a', { hasText: 'Log replication' }).click();
    await page.waitForURL('**/distributed-systems/raft/#log-replication');
    await expect.poll(() => page.locator('#log-replication').evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(120);
    expect(await page.locator('#log-replication').evaluate((h) => h.matches(':target'))).toBe(true);
    await page.goBack();
    await page.waitForURL('**/distributed-systems/raft/');
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(300);
    await page.goForward();
    await expect.poll(() => page.locator('#log-replication').evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(120);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lands on the heading or block a link points at', async () => {
    const { page, errors } = await open('distributed-systems/paxos/');
    await markWindow(page);
    await page.locator('.note-body a', { hasText: 'log replication in Raft' }).click();
    await page.waitForURL('**/distributed-systems/raft/#log-replication');
    await expect.poll(() => page.locator('#log-replication').evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(120);
    expect(await page.locator('#log-replication').evaluate((h) => h.getBoundingClientRect().top)).toBeGreaterThanOrEqual(50);
    expect(await marker(page)).toBe('kept');

    await page.goto(fixture.server.url + 'reading-list/');
    await markWindow(page);
    await page.locator('.note-body a', { hasText: 'Raft commit rule' }).click();
    await page.waitForURL((url) => url.pathname === '/distributed-systems/raft/' && url.hash === '#^commit-rule');
    const block = page.locator('[id="^commit-rule"]');
    // The block is near the end of the page, so it cannot reach the top: it must be on screen and marked.
    await expect.poll(() => block.evaluate((p) => p.getBoundingClientRect().bottom <= innerHeight && p.getBoundingClientRect().top >= 56)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    expect(await block.evaluate((p) => p.classList.contains('is-target'))).toBe(true);
    expect(await marker(page)).toBe('kept');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens deep links on first load and leaves external links alone', async () => {
    const { page, errors } = await open('distributed-systems/raft/#log-replication');
    const top = await page.locator('#log-replication').evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(56);
    expect(top).toBeLessThan(120);
    const external = page.locator('.note-body a[href="https://raft.github.io/"]');
    const intercepted = await external.evaluate((a) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
      a.addEventListener('click', (e) => e.preventDefault(), { once: true });
      a.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(intercepted).toBe(true);
    expect(page.url()).toBe(fixture.server.url + 'distributed-systems/raft/#log-replication');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows redirect pages to the note, keeping the anchor', async () => {
    const { page, errors } = await open('raft/#safety');
    await page.waitForURL('**/distributed-systems/raft/#safety');
    expect(await page.locator('main h1').textContent()).toBe('Raft');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('note content', () => {
  it('shows backlinks with their context and the link text highlighted', async () => {
    const { page, errors } = await open('distributed-systems/raft/');
    const backlinks = page.getByRole('region', { name: 'Backlinks' });
    expect(await backlinks.locator('li.backlink > a').allTextContents()).toEqual(['Consensus', 'Paxos']);
    expect(await backlinks.locator('.backlink-context').first().textContent()).toContain('Start with Raft, then read about Paxos.');
    expect(await backlinks.locator('mark').allTextContents()).toEqual(['Raft', 'Raft']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws mermaid diagrams only when scrolled to, folds callouts and copies code', async () => {
    const { page, errors } = await open('distributed-systems/raft/', { width: 1280, height: 600 });
    const diagram = page.locator('pre.mermaid');
    const mermaidLoaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('render-mermaid')));
    expect(await diagram.locator('svg').count()).toBe(0);
    expect(await mermaidLoaded()).toBe(false);
    await diagram.scrollIntoViewIfNeeded();
    await expect.poll(() => diagram.getAttribute('data-mermaid'), { timeout: 20_000 }).toBe('drawn');
    expect(await diagram.locator('svg').count()).toBe(1);
    expect(await diagram.locator('svg').textContent()).toContain('AppendEntries');
    expect(await mermaidLoaded()).toBe(true);

    const callout = page.locator('details.callout');
    expect(await callout.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await callout.locator('summary').click();
    expect(await callout.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const copy = page.getByRole('button', { name: 'Copy code' });
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('function onTimeout(server: Server): void {');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('makes foldable div callouts toggle with the mouse and the keyboard', async () => {
    const { page, errors } = await open('distributed-systems/paxos/');
    const title = page.getByRole('button', { name: 'Why two phases?' });
    const content = page.locator('.callout[data-callout="question"] .callout-content');
    expect(await title.getAttribute('aria-expanded')).toBe('false');
    expect(await content.isVisible()).toBe(false);
    await title.click();
    expect(await title.getAttribute('aria-expanded')).toBe('true');
    expect(await content.isVisible()).toBe(true);
    await title.focus();
    await page.keyboard.press('Enter');
    expect(await content.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('hover previews', () => {
  it('shows the linked note in a popover, scrolled to the heading, nesting one level', async () => {
    const { page, errors } = await open('distributed-systems/paxos/');
    await page.locator('.note-body a', { hasText: 'log replication in Raft' }).hover();
    const first = page.locator('garden-preview[level="1"] .preview-card');
    await first.waitFor({ state: 'visible' });
    expect(await first.locator('.preview-header').textContent()).toContain('Raft');
    const body = first.locator('.preview-body');
    expect(await body.evaluate((b) => b.scrollTop)).toBeGreaterThan(100);
    const bodyBox = (await body.boundingBox())!;
    const headingBox = (await first.locator('#log-replication').boundingBox())!;
    expect(headingBox.y - bodyBox.y).toBeGreaterThanOrEqual(0);
    expect(headingBox.y - bodyBox.y).toBeLessThan(40);

    await first.locator('.preview-body a', { hasText: 'Paxos' }).first().hover();
    const second = page.locator('garden-preview[level="2"] .preview-card');
    await second.waitFor({ state: 'visible' });
    expect(await second.locator('.preview-header').textContent()).toContain('Paxos');
    expect(await page.locator('garden-preview').count()).toBe(2);

    await page.mouse.move(1200, 880);
    await expect.poll(() => page.locator('garden-preview').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a preview on keyboard focus and closes it with Escape', async () => {
    const { page, errors } = await open('distributed-systems/raft/');
    await page.locator('.note-body a', { hasText: 'Consensus' }).first().focus();
    await page.locator('garden-preview .preview-card').waitFor({ state: 'visible' });
    expect(await page.locator('garden-preview .preview-header').textContent()).toContain('Consensus');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('garden-preview').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('theme', () => {
  it('toggles between light and dark and remembers the choice', async () => {
    const { page, errors } = await open('distributed-systems/raft/');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe(dark);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await background()).toBe(light);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the system colour scheme without JavaScript', async () => {
    const context = await fixture.browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(fixture.server.url + 'distributed-systems/raft/');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 24, 27)');
    await context.close();
  });
});

describe('search', () => {
  it('opens with / and finds notes and headings, with highlighted snippets', async () => {
    const { page, errors } = await open('consensus/');
    await markWindow(page);
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.waitFor({ state: 'visible' });
    expect(await box.evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await box.fill('election');
    const options = page.locator('garden-search').getByRole('option');
    await options.first().waitFor();
    expect(await options.first().textContent()).toContain('Leader election');
    expect(await options.first().locator('mark').first().textContent()).toMatch(/election/i);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/distributed-systems/raft/#leader-election');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Raft');
    expect(await page.getByRole('searchbox', { name: 'Search' }).isVisible()).toBe(false);
    expect(await marker(page)).toBe('kept');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens with Ctrl-K and the header link, moves with the arrows, and closes with Escape', async () => {
    const { page, errors } = await open('distributed-systems/raft/');
    await page.keyboard.press('Control+k');
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.waitFor({ state: 'visible' });
    await box.fill('paxos');
    await page.locator('garden-search').getByRole('option').nth(1).waitFor();
    expect(await page.locator('garden-search').getByRole('option').first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('garden-search').getByRole('option').nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Search' }).click();
    await box.waitFor({ state: 'visible' });
    expect(await box.inputValue()).toBe('paxos');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('reads and links: full article, backlinks, contents, and plain navigation', async () => {
    const context = await fixture.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(fixture.server.url + 'distributed-systems/raft/');
    expect(await page.locator('main h1').textContent()).toBe('Raft');
    expect(await page.getByRole('region', { name: 'Backlinks' }).locator('mark').count()).toBe(2);
    expect(await page.locator('.toc a').count()).toBe(3);
    await page.locator('.note-body a.internal', { hasText: 'Paxos' }).first().click();
    await page.waitForURL('**/distributed-systems/paxos/');
    expect(await page.locator('main h1').textContent()).toBe('Paxos');
    await page.getByRole('link', { name: 'Search' }).click();
    await page.waitForURL('**/search/');
    expect(await page.locator('.note-list a').count()).toBe(4);
    await context.close();
  });
});

describe('every page', () => {
  it('loads without console errors', async () => {
    const paths = [
      '',
      'distributed-systems/raft/',
      'distributed-systems/paxos/',
      'consensus/',
      'reading-list/',
      'search/',
      'graph/',
      'tags/',
      'tags/consensus/',
    ];
    for (const path of paths) {
      const { page, errors } = await open(path);
      await page.waitForTimeout(300);
      expect({ path, errors }).toEqual({ path, errors: [] });
      await page.close();
    }
    const page = await fixture.browser.newPage();
    const errors = collectErrors(page);
    const response = await page.goto(fixture.server.url + 'no/such/page/');
    expect(response?.status()).toBe(404);
    expect(await page.locator('main h1').textContent()).toBe('Page not found');
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });
});
