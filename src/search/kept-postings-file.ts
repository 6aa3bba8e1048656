/**
 * The file the search worker keeps the last build's postings in (kept-postings.ts), beside the
 * build cache: a SHA-256 of the rest, then length-prefixed sections: a header (format, code
 * fingerprint, search settings, each note's id, key and number), then per field its terms and
 * its packed ids, then per shard group its shards and each row's bytes and term hash
 * (partition-shards.ts), then the docs chunks written (their starts and hashes). Written section by section as the fields are built, into a temporary file moved
 * into place when whole; read only when its hash, format and code fingerprint match, so a
 * damaged, stale or foreign file means a full index, never other output.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { NoteId, SearchField, SearchGroup, SearchShardRef } from '../shared/types.ts';
import { cacheDir } from '../store/cache.ts';
import { keptFields, type KeptChunk, type KeptGroup, type KeptNote, type KeptPostings, type PackedEntries } from './kept-postings.ts';

const format = 4;

/** The shard groups, in the order they are kept. */
const keptGroups: readonly SearchGroup[] = ['fields', 'body'];
const digestBytes = 32;

interface Header {
  format: number;
  code: string;
  settings: string;
  notes: KeptNoteRow[];
}

/** A note's row in the header: id, index key, number, and with a doc source, the source and the docs-chunk entry size. */
export type KeptNoteRow = [id: NoteId, key: string, number: number] | [id: NoteId, key: string, number: number, source: string, size: number];

/** Where the search postings of the garden at `gardenRoot` are kept: beside its build cache. */
export function keptPostingsFile(gardenRoot: string): string {
  return `${cacheDir(gardenRoot)}-search-postings`;
}

/** Writes the kept postings of a build as they are made; the previous file stays until {@link KeptPostingsWriter.finish}. */
export interface KeptPostingsWriter {
  /** First: the search settings (JSON) and each note's row. */
  begin(settings: string, notes: KeptNoteRow[]): void;
  /** Then each field's postings, in the order of `keptFields`. */
  field(field: SearchField, packed: PackedEntries): void;
  /** Each shard group's shards and rows, when cut (held until the chunks). */
  group(group: SearchGroup, kept: KeptGroup): void;
  /** Then the docs chunks, in order. */
  chunks(chunks: readonly KeptChunk[]): void;
  finish(): void;
  abort(): void;
}

/** The kept postings in `file` if whole and written by the code `code`; undefined otherwise. */
export function readKeptPostings(file: string, code: string): (KeptPostings & { settings: string }) | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    if (bytes.length < digestBytes || !createHash('sha256').update(bytes.subarray(digestBytes)).digest().equals(bytes.subarray(0, digestBytes))) {
      return undefined;
    }
    let at = digestBytes;
    const section = () => {
      const length = bytes.readUInt32LE(at);
      const body = bytes.subarray(at + 4, at + 4 + length);
      if (body.length !== length) throw new Error('Search: kept postings cut short');
      at += 4 + length;
      return body;
    };
    const header = JSON.parse(section().toString('utf8')) as Header;
    if (header.format !== format || header.code !== code) return undefined;
    const fields = new Map<SearchField, PackedEntries>();
    for (const field of keptFields) {
      const terms = JSON.parse(section().toString('utf8')) as string[];
      const raw = section();
      const data = new Uint32Array(raw.length / 4);
      Buffer.from(data.buffer).set(raw);
      fields.set(field, { terms, data });
    }
    const notes = new Map<NoteId, KeptNote>(
      header.notes.map(([id, key, number, source, size]) => [id, source === undefined ? { key, number } : { key, number, source, size }]),
    );
    const groups: Partial<Record<SearchGroup, KeptGroup>> = {};
    for (const group of keptGroups) {
      const refs = JSON.parse(section().toString('utf8')) as SearchShardRef[];
      const [sizes, hashes] = [section(), section()].map((raw) => {
        const numbers = new Uint32Array(raw.length / 4);
        Buffer.from(numbers.buffer).set(raw);
        return numbers;
      });
      groups[group] = { refs, sizes: sizes!, hashes: hashes! };
    }
    const chunks = JSON.parse(section().toString('utf8')) as KeptChunk[];
    return { settings: header.settings, notes, fields, chunks, groups };
  } catch {
    return undefined;
  }
}

/**
 * Whether `file` holds kept postings of the format read here that say the code `code` made them, by the start of its
 * header alone (a few hundred bytes, not the whole file: ~100 MB at 100k notes): what a build asks before it posts light
 * docs (light-docs.ts), which only postings of its own code can stand for. The file is checked whole when read
 * ({@link readKeptPostings}); one that passes here and not there fails the light run, which runs again with whole docs.
 */
export function keptPostingsMadeBy(file: string, code: string): boolean {
  const start = `{"format":${format},"code":${JSON.stringify(code)},`;
  const bytes = Buffer.alloc(digestBytes + 4 + Buffer.byteLength(start));
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (readSync(fd, bytes, 0, bytes.length, 0) !== bytes.length) return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return bytes.subarray(digestBytes + 4).toString('utf8') === start;
}

/** A writer of `file` for the code `code` (written to a temporary file beside it, moved in by `finish`). */
export function keptPostingsWriter(file: string, code: string): KeptPostingsWriter {
  const temp = `${file}.${process.pid}.tmp`;
  let fd: number | undefined;
  let hash: Hash;
  let next = 0;
  const groups = new Map<SearchGroup, KeptGroup>();
  const write = (body: Uint8Array) => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(body.length);
    for (const part of [length, body]) {
      hash.update(part);
      writeSync(fd!, part);
    }
  };
  const writer: KeptPostingsWriter = {
    begin(settings, notes) {
      fd = openSync(temp, 'w');
      hash = createHash('sha256');
      writeSync(fd, Buffer.alloc(digestBytes));
      // Format and code first: `keptPostingsMadeBy` reads them off the header's start.
      const header: Header = { format, code, settings, notes };
      write(Buffer.from(JSON.stringify(header)));
    },
    field(field, packed) {
      if (fd === undefined) return;
      if (keptFields[next++] !== field) throw new Error(`Search: kept postings written out of order (${field})`);
      write(Buffer.from(JSON.stringify(packed.terms)));
      write(bytesOf(packed.data));
    },
    group(group, kept) {
      groups.set(group, kept);
    },
    chunks(chunks) {
      if (fd === undefined) return;
      if (next !== keptFields.length || keptGroups.some((group) => !groups.has(group))) return writer.abort();
      for (const group of keptGroups) {
        const { refs, sizes, hashes } = groups.get(group)!;
        write(Buffer.from(JSON.stringify(refs)));
        write(bytesOf(sizes));
        write(bytesOf(hashes));
      }
      write(Buffer.from(JSON.stringify(chunks)));
      next++;
    },
    finish() {
      if (fd === undefined) return;
      if (next !== keptFields.length + 1) return writer.abort();
      writeSync(fd, hash.digest(), 0, digestBytes, 0);
      closeSync(fd);
      fd = undefined;
      renameSync(temp, file);
    },
    abort() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      rmSync(temp, { force: true });
    },
  };
  return writer;
}

function bytesOf(numbers: Uint32Array): Uint8Array {
  return new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength);
}
