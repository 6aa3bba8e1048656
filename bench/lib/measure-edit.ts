/**
 * One-note edit to updated output, the way `trellis dev` does it: the dev server's in-memory garden
 * applies the change (re-rendering what it touches, re-deriving links and backlinks), and the clock
 * stops once A's page shows the sentence AND B's note data lists A among its backlinks (what open
 * pages fetch on `garden:update`; the loopback WebSocket hop is not included).
 * The median of five saves is reported (`slowest` in the stage timings).
 * Also measures a warm in-process rebuild + emit with nothing changed.
 * The note is restored afterwards so the garden can be reused.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildGarden, type GardenModel } from '../../src/build.ts';
import { siteInfo } from '../../src/site.ts';
import { ensureAppBundle } from '../../src/emit/app-bundle.ts';
import { emitSite } from '../../src/emit/index.ts';
import { GardenState } from '../../src/dev/garden-state.ts';
import { toNoteData } from '../../src/emit/note-data.ts';
import { renderNotePage } from '../../src/shared/templates/page-template.ts';

/** What an in-process edit measured. */
export interface EditCost {
  /** Warm in-process rebuild + emit with nothing changed. */
  noChangeMs: number;
  /** Edit to both outputs updated. */
  editMs: number;
  /** Stage timings of the edit rebuild (ms), from `model.timings` plus `emit`. */
  timings: Record<string, number>;
  /** Stage timings of the no-change rebuild; `graph` includes topics and layout. */
  noChangeTimings: Record<string, number>;
  editedUrl: string;
}

/** Measure a one-note edit on `garden`, emitting to `out` with the build cache in `cacheDir`. */
export async function measureEdit(garden: string, out: string, cacheDir: string): Promise<EditCost> {
  process.env.TRELLIS_CACHE_DIR = cacheDir;
  // A private copy of the app: in a shared tree another process may replace the cached bundle
  // (node_modules/.cache/trellis-app) while we emit, which fails the emit with ENOENT.
  const bundle = await ensureAppBundle();
  const app = { dir: `${out}.app`, assets: bundle.assets };
  rmSync(app.dir, { recursive: true, force: true });
  cpSync(bundle.dir, app.dir, { recursive: true });
  const site = siteInfo(garden);
  const rebuild = async (): Promise<{ model: GardenModel; ms: number; timings: Record<string, number> }> => {
    const start = performance.now();
    const model = await buildGarden({ garden });
    const t = performance.now();
    await emitSite(model, { out, site, app });
    return { model, ms: performance.now() - start, timings: { ...model.timings, emit: Math.round(performance.now() - t) } };
  };
  await rebuild(); // warms the process (JIT, worker pool) and the cache
  const still = await rebuild();
  // The edit goes through the dev server's in-memory garden, as a save in `trellis dev` does:
  // apply the change, then produce what the open pages fetch on `garden:update`.
  const state = await GardenState.open(garden);
  const published = state.view().notes.filter((n) => n.publish && n.parsed.path.split('/').length > 1);
  const a = published[Math.floor(published.length / 2)]!;
  const b = published.find((n) => n !== a && n.html.length < 20_000)!;
  const file = path.join(garden, a.parsed.path);
  const original = readFileSync(file, 'utf8');
  // Warm up (highlighter, JIT) with a throwaway edit of another note, as a dev session would be warm.
  const warm = published[0]!;
  const warmFile = path.join(garden, warm.parsed.path);
  const warmOriginal = readFileSync(warmFile, 'utf8');
  writeFileSync(warmFile, `${warmOriginal}\n\nWarm-up.\n`);
  await state.apply([warm.parsed.path]);
  writeFileSync(warmFile, warmOriginal);
  await state.apply([warm.parsed.path]);
  const marker = `benchedit${Date.now().toString(36)}`;
  try {
    // Five saves of A, each adding a new sentence and link to B; the median is reported.
    const runs: { ms: number; apply: number; render: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const mark = `${marker}x${i}`;
      writeFileSync(file, `${original}\n\nA new thought, ${mark}, about [[${b.parsed.title}]].\n`);
      const start = performance.now();
      const change = await state.apply([a.parsed.path]);
      const applied = performance.now();
      const view = state.view();
      const page = renderNotePage(toNoteData(view.byId.get(a.parsed.id)!, view.graph, view.info), site, app.assets);
      const data = toNoteData(view.byId.get(b.parsed.id)!, view.graph, view.info);
      const end = performance.now();
      if (!change.changed.includes(a.parsed.id) || !change.changed.includes(b.parsed.id))
        throw new Error('Bench: the change set misses the edited note or its link target');
      if (!page.includes(mark)) throw new Error(`Bench: the page of ${a.parsed.path} does not show the edit`);
      if (!data.backlinks.some((l) => l.source === a.parsed.id && l.context.includes(mark)))
        throw new Error(`Bench: ${b.parsed.path} has no backlink from the edit`);
      runs.push({ ms: end - start, apply: applied - start, render: end - applied });
    }
    runs.sort((x, y) => x.ms - y.ms);
    const median = runs[2]!;
    const editMs = median.ms;
    return {
      noChangeMs: still.ms,
      editMs,
      timings: { apply: Math.round(median.apply), render: Math.round(median.render), slowest: Math.round(runs[4]!.ms) },
      noChangeTimings: still.timings,
      editedUrl: a.url,
    };
  } finally {
    writeFileSync(file, original);
  }
}
