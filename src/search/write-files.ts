/** Write built search files under a folder, creating their directories. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchDoc, SearchFile } from '../shared/types.ts';
import type { TextRef } from '../store/note-store.ts';
import { readText } from '../store/spill-store.ts';
import { writeSearchIndex } from './index.ts';

/**
 * Note bodies left in the build's store file (store/spill-store.ts) instead of copied into the docs:
 * `refs[i]` is where doc `i`'s body is in the file at `fd` (null: the doc carries its body).
 */
export interface SpilledBodies {
  fd: number;
  refs: (TextRef | null)[];
}

/**
 * Build the search index of `docs` and write its files under `outDir` as they are made; returns
 * their paths. Bodies in `texts` are read from the spill file each time the index needs them
 * (once for the body postings, three times for the docs chunks: chunk-docs.ts), so no thread
 * holds them all.
 */
export function writeSearchFiles(docs: readonly SearchDoc[], outDir: string, texts?: SpilledBodies): string[] {
  if (texts) {
    docs.forEach((doc, i) => {
      const ref = texts.refs[i];
      if (ref) Object.defineProperty(doc, 'body', { get: () => readText(texts.fd, ref) });
    });
  }
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
