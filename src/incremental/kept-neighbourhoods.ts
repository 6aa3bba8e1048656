/**
 * The neighbourhoods' record kept between builds, beside the cache: the graph the previous site's
 * local graph files were computed from and what each answer read (src/graph/neighbourhood-changes.ts),
 * under the key those files were written with. Written by the same code only; any failure to read
 * it computes every file.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { NeighbourhoodRecord } from '../graph/neighbourhood-changes.ts';
import type { NoteLists } from '../graph/neighbourhood.ts';
import { cacheDir } from '../store/cache.ts';
import { codeFingerprint } from '../version.ts';

/** The record, and the key of the files it describes. */
export interface KeptNeighbourhoods {
  key: string;
  record: NeighbourhoodRecord;
}

/** Where the record is kept, read and written. */
export interface NeighbourhoodStore {
  read(): KeptNeighbourhoods | undefined;
  save(kept: KeptNeighbourhoods): void;
}

/** Whether every list of `record` is whole and names notes it has (a damaged file computes every answer). */
function wellFormed(record: NeighbourhoodRecord): boolean {
  const count = record.ids.length;
  const lists = (l: NoteLists, least: number) =>
    l.starts.length === count + 1 &&
    l.starts[0] === 0 &&
    l.starts[count] === l.items.length &&
    l.starts.every((v, i) => i === 0 || v >= l.starts[i - 1]!) &&
    l.items.every((v) => v >= least && v < count);
  return (
    record.titles.length === count &&
    record.urls.length === count &&
    lists(record.both, 0) &&
    lists(record.out, 0) &&
    lists(record.reads, -2) &&
    record.reads.items.length % 2 === 0
  );
}

/** The record of `gardenRoot`'s site. */
export function openKeptNeighbourhoods(gardenRoot: string): NeighbourhoodStore {
  const file = `${cacheDir(gardenRoot)}-neighbourhoods`;
  return {
    read() {
      try {
        const value = deserialize(readFileSync(file)) as KeptNeighbourhoods & { code: string };
        return value.code === codeFingerprint() && wellFormed(value.record) ? { key: value.key, record: value.record } : undefined;
      } catch {
        return undefined;
      }
    },
    save(kept) {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, serialize({ code: codeFingerprint(), ...kept }));
        renameSync(tmp, file);
      } catch {
        rmSync(tmp, { force: true });
      }
    },
  };
}
