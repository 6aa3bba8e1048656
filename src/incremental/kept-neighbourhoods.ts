/**
 * The neighbourhoods' record kept between builds, beside the cache: the graph the previous site's
 * local graph files were computed from and what each answer read (src/graph/neighbourhood-changes.ts),
 * under the key those files were written with. Written by the same code only; any failure to read
 * it computes every file.
 */
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { NeighbourhoodRecord } from '../graph/neighbourhood-changes.ts';
import { answerDigestBytes, type NoteLists } from '../graph/neighbourhood.ts';
import { cacheDir } from '../store/cache.ts';
import { codeFingerprint } from '../version.ts';

/** The record, and the key of the files it describes. */
export interface KeptNeighbourhoods {
  key: string;
  record: NeighbourhoodRecord;
}

/** Where the record is kept, read and written. */
export interface NeighbourhoodStore {
  /** The key of the record kept, read alone (a few bytes of the file): when it is this site's, the record is not needed. */
  key(): string | undefined;
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
    record.reads.items.length % 2 === 0 &&
    (record.digests === undefined || (record.digests instanceof Uint8Array && record.digests.length === count * answerDigestBytes))
  );
}

/**
 * The record of `gardenRoot`'s site. Its file is a header (its length in 4 bytes, then JSON: the
 * code and the key) and the record, serialised, so that the key is read without the record.
 */
export function openKeptNeighbourhoods(gardenRoot: string): NeighbourhoodStore {
  const file = `${cacheDir(gardenRoot)}-neighbourhoods`;
  const headerOf = (bytes: Buffer): { key: string; end: number } | undefined => {
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { code?: unknown; key?: unknown };
    if (header.code !== codeFingerprint() || typeof header.key !== 'string') return undefined;
    return { key: header.key, end: 4 + length };
  };
  return {
    key() {
      let fd: number | undefined;
      try {
        fd = openSync(file, 'r');
        const head = Buffer.alloc(4096);
        const got = readSync(fd, head, 0, head.length, 0);
        return headerOf(head.subarray(0, got))?.key;
      } catch {
        return undefined;
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    },
    read() {
      try {
        const bytes = readFileSync(file);
        const header = headerOf(bytes);
        if (!header) return undefined;
        const record = deserialize(bytes.subarray(header.end)) as NeighbourhoodRecord;
        return wellFormed(record) ? { key: header.key, record } : undefined;
      } catch {
        return undefined;
      }
    },
    save(kept) {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        const header = Buffer.from(JSON.stringify({ code: codeFingerprint(), key: kept.key }), 'utf8');
        const length = Buffer.alloc(4);
        length.writeUInt32LE(header.length);
        writeFileSync(tmp, Buffer.concat([length, header, serialize(kept.record)]));
        renameSync(tmp, file);
      } catch {
        rmSync(tmp, { force: true });
      }
    },
  };
}
