/** Write built search files under a folder, creating their directories. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchDoc, SearchFile } from '../types.ts';
import { writeSearchIndex } from './index.ts';

/** Build the search index of `docs` and write its files under `outDir` as they are made; returns their paths. */
export function writeSearchFiles(docs: readonly SearchDoc[], outDir: string): string[] {
  const writer = searchFileWriter(outDir);
  writeSearchIndex(docs, writer.sink);
  return writer.paths;
}

/**
 * A sink that writes each search file under `outDir` when it is handed over (synchronously:
 * it runs on the search worker's own thread), and the paths written, relative and POSIX.
 */
function searchFileWriter(outDir: string): { sink: (file: SearchFile) => void; paths: string[] } {
  const dirs = new Set<string>();
  const paths: string[] = [];
  const sink = (file: SearchFile) => {
    const abs = path.join(outDir, file.path);
    const dir = path.dirname(abs);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(abs, file.contents);
    paths.push(file.path);
  };
  return { sink, paths };
}
