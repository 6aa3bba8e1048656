/**
 * A build over a previous site that looks at few pages (links changed in a few notes) writes them while
 * the layout worker computes topics and positions again (src/emit/index.ts, `pagesBesideWorkers`), as a
 * cold build does. Run through the CLI's own build in this process, with the layout held back: the real
 * layout, started only once a gate opens. The changed note's page must reach the staging folder
 * meanwhile, and the finished site must be byte for byte a cold build's of the same garden.
 */
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build, siteDiff } from './helpers/site-diff.ts';
import { tempDir } from './helpers/garden.ts';
import { until } from './helpers/until.ts';

/** The layout's gate: open unless a test closes it. */
const gate = vi.hoisted(() => {
  let open: () => void = () => undefined;
  const state = { held: Promise.resolve(), started: 0 };
  return {
    state,
    close() {
      state.held = new Promise<void>((resolve) => (open = resolve));
    },
    open: () => open(),
  };
});

vi.mock('../src/graph/layout-start.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/graph/layout-start.ts')>();
  return {
    ...actual,
    startLayoutOfInput: (...args: Parameters<typeof actual.startLayoutOfInput>) =>
      gate.state.held.then(() => {
        gate.state.started++;
        return actual.startLayoutOfInput(...args);
      }),
  };
});

const { main } = await import('../src/cli.ts');

afterEach(() => {
  vi.unstubAllEnvs();
  gate.open();
});

/** The site-relative files below `dir`'s sibling folders (the staging folder of a build of `out`) holding `text`. */
function besideHolding(out: string, rel: string, text: string): string[] {
  const parent = path.dirname(out);
  return readdirSync(parent)
    .map((name) => path.join(parent, name))
    .filter((dir) => dir !== out && existsSync(path.join(dir, rel)) && readFileSync(path.join(dir, rel), 'utf8').includes(text));
}

describe('a link build over a previous site', () => {
  it('writes the changed pages while the layout is computed again, and the site a cold build writes', async () => {
    const garden = path.join(tempDir(), 'garden');
    cpSync(path.resolve(import.meta.dirname, '../garden'), garden, { recursive: true });
    const work = tempDir();
    const out = path.join(work, 'site');
    vi.stubEnv('TRELLIS_CACHE_DIR', path.join(work, 'cache'));
    expect(await main(['build', garden, '--out', out, '--quiet'])).toBe(0);
    expect(gate.state.started).toBe(1);

    // A link added: the note's outline (title, headings, tags) is as it was, so only the pages it reaches are looked at.
    const note = path.join(garden, 'Linux Internals', 'epoll.md');
    writeFileSync(note, readFileSync(note, 'utf8') + '\nCompare with [[NUMA]], beside the layout.\n');
    gate.close();
    const building = main(['build', garden, '--out', out, '--quiet']);
    let settled = false;
    void building.finally(() => (settled = true));

    // The note's page, with its new link, is written while the layout is held back.
    const page = path.join('linux-internals', 'epoll', 'index.html');
    await until(() => besideHolding(out, page, 'beside the layout').length > 0);
    expect(gate.state.started).toBe(1);
    expect(settled).toBe(false);
    expect(readFileSync(path.join(out, page), 'utf8')).not.toContain('beside the layout');

    gate.open();
    expect(await building).toBe(0);
    expect(gate.state.started).toBe(2);
    expect(readFileSync(path.join(out, page), 'utf8')).toContain('beside the layout');
    const cold = path.join(work, 'cold');
    build(garden, cold, path.join(work, 'cold-cache'), true);
    expect(siteDiff(cold, out)).toEqual([]);
  }, 240_000);
});
