/**
 * Atomic output: the site is written into a fresh temporary folder beside
 * the output folder and swapped in only when complete, so a failed build
 * leaves the previous site intact.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Collects files into a staging folder, then swaps it into place. */
export interface SiteWriter {
  readonly staging: string;
  write(rel: string, contents: string | Uint8Array): Promise<void>;
  copy(rel: string, from: string): Promise<void>;
  /** Count files written into `staging` by someone else (the search worker). */
  adopt(rels: readonly string[]): void;
  /** Files written so far (a count, not a list: a large garden writes hundreds of thousands). */
  readonly written: number;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Open a writer for the output folder `out`. */
export async function openSiteWriter(out: string): Promise<SiteWriter> {
  const target = path.resolve(out);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const staging = await fs.mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}-staging-`));
  let written = 0;
  const dirs = new Set<string>();
  const ensureDir = async (file: string) => {
    const dir = path.dirname(file);
    if (dirs.has(dir)) return;
    await fs.mkdir(dir, { recursive: true });
    dirs.add(dir);
  };
  const resolveRel = (rel: string) => {
    const abs = path.resolve(staging, rel);
    if (!abs.startsWith(staging + path.sep)) throw new Error(`Emit: refusing to write outside the output folder: ${rel}`);
    return abs;
  };
  return {
    staging,
    get written() {
      return written;
    },
    async write(rel, contents) {
      const abs = resolveRel(rel);
      await ensureDir(abs);
      await fs.writeFile(abs, contents);
      written++;
    },
    async copy(rel, from) {
      const abs = resolveRel(rel);
      await ensureDir(abs);
      await fs.copyFile(from, abs);
      written++;
    },
    adopt(rels) {
      for (const rel of rels) resolveRel(rel);
      written += rels.length;
    },
    async commit() {
      const old = `${target}.old-${process.pid}`;
      const hadOld = await fs.stat(target).then(
        () => true,
        () => false,
      );
      if (hadOld) await fs.rename(target, old);
      try {
        await fs.rename(staging, target);
      } catch (error) {
        if (hadOld) await fs.rename(old, target);
        throw error;
      }
      if (hadOld) await fs.rm(old, { recursive: true, force: true });
    },
    async abort() {
      await fs.rm(staging, { recursive: true, force: true });
    },
  };
}
