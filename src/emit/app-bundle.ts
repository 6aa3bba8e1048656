/**
 * The reading app bundle (web/), built once and cached.
 *
 * 1. Key it by the code fingerprint (src/fingerprint.mjs): every code file of
 *    the project, so a change to any module the app imports changes the key.
 * 2. Reuse `node_modules/.cache/trellis-app/<hash>/` when it exists.
 * 3. Otherwise build with Vite's JS API, in a child process (its memory is
 *    gone before the garden is built), into a temporary folder next to it,
 *    turn the Vite manifest into `AppAssets`, and move the folder into place
 *    (atomically, so concurrent builds never see half a bundle). Builds of
 *    other sources are then deleted, unless one was used within the last
 *    hour: a build still running on older sources copies its bundle at the
 *    end, which at 100,000 notes is many minutes after it asked for it.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot as root } from '../paths.ts';
import { codeFingerprint } from '../version.ts';
import type { AppAssets } from '../shared/types.ts';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** URL folder the bundle is served from, relative to the site base path. */
const urlPrefix = '/_app/';

/** Build the app bundle unless a cached build of the same sources exists; returns the folder to copy to `dist/_app/` and the asset URLs. */
export async function ensureAppBundle(): Promise<{ dir: string; assets: AppAssets }> {
  const hash = hashSources();
  const cache = path.join(root, 'node_modules', '.cache', 'trellis-app');
  const final = path.join(cache, hash);
  const cached = await readAssets(final);
  if (cached) {
    await markUsed(final);
    return { dir: path.join(final, 'app'), assets: cached };
  }

  const temp = `${final}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(temp, { recursive: true });
  try {
    const assets = await buildInto(path.join(temp, 'app'));
    await writeFile(path.join(temp, 'assets.json'), JSON.stringify(assets, null, 2) + '\n');
    await rename(temp, final).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  const assets = await readAssets(final);
  if (!assets) throw new Error(`App bundle: ${final}/assets.json is missing after the build; delete ${cache} and retry`);
  await pruneOlderBuilds(cache, hash);
  return { dir: path.join(final, 'app'), assets };
}

/** How long a bundle stays after it was last handed to a build. */
export const bundleInUseMs = 60 * 60 * 1000;

/** Record that a build was handed `dir` (its folder's time), so pruning leaves it while that build may still copy it. */
async function markUsed(dir: string): Promise<void> {
  const now = new Date();
  await utimes(dir, now, now).catch(() => undefined);
}

/**
 * Delete finished builds of other sources that no build was handed within {@link bundleInUseMs}
 * (temporary folders of running builds are left alone).
 */
export async function pruneOlderBuilds(cache: string, keep: string, now = Date.now()): Promise<void> {
  for (const entry of await readdir(cache, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep || !/^[0-9a-f]{16}$/.test(entry.name)) continue;
    const dir = path.join(cache, entry.name);
    const used = await stat(dir).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    if (now - used >= bundleInUseMs) await rm(dir, { recursive: true, force: true });
  }
}

async function buildInto(outDir: string): Promise<AppAssets> {
  // In a child process: Vite's memory is then freed before the garden is built (build-app-bundle.mjs).
  const script = path.join(root, 'src', 'emit', 'build-app-bundle.mjs');
  try {
    await execFileAsync(process.execPath, [script, outDir], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stderr, message } = error as Error & { stderr?: string };
    throw new Error(
      `App bundle: Vite's build of web/ failed; run \`node ${path.relative(process.cwd(), script)} /tmp/app\` to see why.\n${stderr || message}`,
      {
        cause: error,
      },
    );
  }
  const manifestPath = path.join(outDir, '.vite', 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  await rm(path.join(outDir, '.vite'), { recursive: true, force: true });
  return toAssets(manifest);
}

/** One entry of Vite's build manifest (the fields we read). */
interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

/** Turn Vite's manifest into page asset URLs: the main script, its CSS, its static chunks, and the KaTeX stylesheet. */
export function toAssets(manifest: Manifest): AppAssets {
  const entries = Object.values(manifest).filter((c) => c.isEntry);
  const main = entries.find((c) => c.name === 'main' || c.file.endsWith('.js'));
  if (!main) throw new Error('App bundle: the Vite manifest has no `main` entry; check rolldownOptions.input in vite.config.ts');
  const preload = new Set<string>();
  const styles = new Set(main.css ?? []);
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || preload.has(chunk.file)) return;
    preload.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of main.imports ?? []) visit(key);
  const katex = entries.find((c) => c.file.endsWith('.css') && c.name === 'katex');
  const url = (file: string): string => urlPrefix + file;
  return {
    scripts: [url(main.file)],
    styles: [...styles].map(url),
    preload: [...preload].map(url),
    ...(katex ? { mathStyles: [url(katex.file)] } : {}),
  };
}

async function readAssets(dir: string): Promise<AppAssets | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'assets.json'), 'utf8')) as AppAssets;
  } catch {
    return undefined;
  }
}

/** The bundle's key: the code fingerprint, 16 hex digits (the compiled CLI carries it: the sources are not read again). */
function hashSources(): string {
  return codeFingerprint().slice(0, 16);
}
