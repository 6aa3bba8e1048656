/** Test helpers: temporary gardens written from a map of files. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import type { GardenModel } from '../../src/build.ts';
import { buildGraph, type LinkGraph } from '../../src/graph/build-graph.ts';
import { noteEdges } from '../../src/graph/note-edges.ts';
import type { NoteJob } from '../../src/compile/types.ts';
import type { WorkerInit } from '../../src/compile/worker.ts';
import { scanGarden } from '../../src/scan/index.ts';

/** A real Obsidian vault, the Tasks plugin's documentation (MIT, 118 notes), vendored with its LICENSE. */
export const tasksVault = path.resolve(import.meta.dirname, '../fixtures/obsidian-tasks-docs');

/** The temporary folders this test file made: removed once its tests are done (the hook runs after the file's own). */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

/** Write `files` (path -> text or bytes) into a new temporary folder and return it. */
export function makeGarden(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'trellis-test-'));
  made.push(root);
  for (const [rel, contents] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, contents);
  }
  return root;
}

/** A fresh empty temporary folder. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trellis-out-'));
  made.push(dir);
  return dir;
}

/** Give each test of the calling file a fresh, empty build cache (`TRELLIS_CACHE_DIR`), restored after it. */
export function useTempCacheDir(): void {
  beforeEach(() => {
    vi.stubEnv('TRELLIS_CACHE_DIR', tempDir());
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
}

/** The link graph of a built model's published notes, as its graph stage built it (the model does not keep it). */
export function linkGraphOf(model: GardenModel): LinkGraph {
  const published = model.notes.filter((n) => n.publish).map((n) => ({ id: n.parsed.id, title: n.parsed.title }));
  const nodes = new Set(published.map((n) => n.id));
  return buildGraph(published, (id) => noteEdges(id, model.links.get(id) ?? [], nodes));
}

/** Every note of the fixture vault as a parse job, and the worker data a build would give the pool. */
export async function vaultJobs(): Promise<{ jobs: NoteJob[]; init: WorkerInit }> {
  const scan = await scanGarden(tasksVault);
  const jobs: NoteJob[] = scan.notes.map((n) => ({ path: n.path, id: n.id, hash: n.hash, text: n.content.text! }));
  const init: WorkerInit = {
    nonce: 'fixednonce',
    render: true,
    pack: false,
  };
  return { jobs, init };
}
