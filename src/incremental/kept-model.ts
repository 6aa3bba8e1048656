/**
 * The compiled garden kept between builds, beside the cache: every note's facts (what resolve,
 * graph and assemble read: its `ParsedNote`, nonce and block embeds) in one index file, and what
 * pages, search and mentions read of it (block HTML, plain text, link contexts; the note's links,
 * properties and blocks' lines) in segment files, read by offset only when asked for. A warm build
 * reads the index and the changed notes' cache entries, not the cache entries of all notes (each a
 * file to open and a whole result to deserialise, HTML included).
 *
 * An entry is used only for a note with the same id and content hash, written by the same code
 * (the index records the compile fingerprint, src/version.ts), exactly as a cache entry is: a compiled note depends
 * on its own text only. Each build appends what it compiled or read from the cache to a segment
 * of its own and rewrites the index (the records of notes it took, as they were read); segments no entry points into are removed. When most bytes
 * of the segments are no longer used, the model is not read: that build takes every note from
 * the cache and writes one new segment. Any failure to read the model reads the cache instead.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { NoteJobResult, RenderedBlock } from '../compile/types.ts';
import type { LinkContext, LinkRef, NoteId, ParsedNote } from '../shared/types.ts';
import { cacheDir } from '../store/cache.ts';
import type { CompiledNote, NoteStore } from '../store/note-store.ts';
import { outlineOf, packBlocks } from '../store/pack-blocks.ts';
import { compileFingerprint } from '../version.ts';

/** Byte range in a segment: offset and length. */
type Range = [at: number, bytes: number];

/** What the index keeps of one note. */
interface Entry {
  id: NoteId;
  hash: string;
  note: ParsedNote;
  nonce: string;
  embeds: readonly number[];
  contextsHash: string;
  /** The segment file holding the note's bytes. */
  segment: string;
  /** Where each part of the note is in the segment: offset and length of each, in the order of {@link Part}. */
  ranges: readonly number[];
  /** What only a page of the note reads, once read (`partsOf` in {@link openKeptModel}). */
  parts?: Parts;
  /** The outline, once read (`keptOutline` in {@link openKeptModel}). */
  outlined?: Outline;
  /** Set when the note has properties (read from `pageParts`). */
  hasProperties?: true;
  /** What reads the note's lazy fields (set when the index is read). */
  from?: LazyReader;
}

/**
 * A note's parts in its segment, in this order: block HTML (a JSON array of strings); plain text; the link contexts' texts
 * one after the other; its links (JSON); its headings and block ids (JSON: what a link into the note, and its page, read);
 * what only a page of the note reads (JSON). Small parts (contexts to page parts) are written one after the other.
 */
const Part = { html: 0, text: 1, contexts: 2, links: 3, outline: 4, pageParts: 5 } as const;
type Part = (typeof Part)[keyof typeof Part];

/** The byte range of `e`'s part `part`. */
function rangeOf(e: Entry, part: Part): Range {
  return [e.ranges[2 * part]!, e.ranges[2 * part + 1]!];
}

/** The fields of a kept note read from its segment when first asked for: not in its record. */
const lazyKeys = ['links', 'headings', 'blocks', 'properties'] as const;
type LazyKey = (typeof lazyKeys)[number];

/** Reads each lazy field of an entry's note. */
type LazyReader = { [K in LazyKey]: (e: Entry) => ParsedNote[K] };

/** A note's headings and block ids, kept in the segment. */
interface Outline {
  headings: ParsedNote['headings'];
  blocks: ParsedNote['blocks'];
}

/** What only a page of the note reads: each block's first and last line, the block embeds (block, link, ...); each context's end (a byte offset) and highlight (-1, -1 for none). */
interface Parts {
  lines: ArrayLike<number>;
  blockEmbeds: ArrayLike<number>;
  ends: ArrayLike<number>;
  highlights: ArrayLike<number>;
  /** The note's properties. */
  properties?: ParsedNote['properties'];
}

interface Header {
  version: number;
  code: string;
  segments: string[];
}

const formatVersion = 9;

/**
 * Bytes of notes' small parts (link contexts, links, outline and page parts, written one after the other) held once
 * read: a note's are read in one call when the first of them is asked for (`smallPart` in {@link openKeptModel}).
 */
const smallPartsCacheBytes = 24 << 20;

/** Small parts spanning more than this are read one by one (a note with thousands of links). */
const smallPartsMaxSpan = 256 << 10;

/** The model kept by previous builds, and what this build adds to it. */
export interface KeptModel {
  /** The kept compiled note `id` with content `hash`, if there is one; its parts are then read from the model. */
  take(id: NoteId, hash: string): CompiledNote | undefined;
  /**
   * The facts the previous build kept of note `id`, whatever its content now (what a changed note linked to before), with the
   * hash of its link contexts then, and those contexts, read from the model when asked for (undefined when they cannot be read).
   */
  was(id: NoteId): { note: ParsedNote; contextsHash: string; contexts: () => LinkContext[] | undefined } | undefined;
  /** Keep `result` (compiled or read from the cache by this build, kept by the model as `compiled`) for the next build. */
  add(hash: string, result: NoteJobResult, compiled: CompiledNote): void;
  /** A store reading the notes taken from the model here, and every other note from `base`. */
  over(base: NoteStore): NoteStore;
  /** Write the index of this build's notes (those taken and those added); the previous index stays if this fails. */
  save(): void;
  /** Notes taken from the model. */
  readonly taken: number;
}

function modelDir(gardenRoot: string): string {
  return `${cacheDir(gardenRoot)}-model`;
}

/** Open the model kept for `gardenRoot` (an empty one when there is none, or it cannot be read). */
export function openKeptModel(gardenRoot: string): KeptModel {
  const dir = modelDir(gardenRoot);
  const fds = new Map<string, number>();
  const fdOf = (segment: string): number => {
    let fd = fds.get(segment);
    if (fd === undefined) {
      fd = openSync(path.join(dir, segment), 'r');
      fds.set(segment, fd);
    }
    return fd;
  };
  const read = (segment: string, [at, bytes]: Range): Buffer => {
    const buf = Buffer.allocUnsafe(bytes);
    if (bytes > 0) readSync(fdOf(segment), buf, 0, bytes, at);
    return buf;
  };
  // A page reads its sources' and targets' link contexts, links, outlines and page parts: at 10k notes a link build
  // read ~9,700 times, one part each (5,500 reads this way); the four are adjacent in the segment.
  const spans = new Map<Entry, Buffer>();
  let spanBytes = 0;
  /** The bytes of `range`, one of `e`'s small parts: sliced from all four, read together and held for a while. */
  const smallPart = (e: Entry, range: Range): Buffer => {
    const from = e.ranges[2 * Part.contexts]!;
    const to = e.ranges[2 * Part.pageParts]! + e.ranges[2 * Part.pageParts + 1]!;
    if (range[0] < from || range[0] + range[1] > to || to - from > smallPartsMaxSpan) return read(e.segment, range);
    let span = spans.get(e);
    if (!span) {
      span = read(e.segment, [from, to - from]);
      if (spanBytes + span.length > smallPartsCacheBytes) {
        spans.clear();
        spanBytes = 0;
      }
      spans.set(e, span);
      spanBytes += span.length;
    }
    return span.subarray(range[0] - from, range[0] - from + range[1]);
  };
  const readJson = (e: Entry, range: Range): unknown => JSON.parse(smallPart(e, range).toString('utf8'));
  /** `e`'s parts, read when first asked for. */
  const partsOf = (e: Entry): Parts => (e.parts ??= readJson(e, rangeOf(e, Part.pageParts)) as Parts);
  /** Every link context of `e`, in link order; undefined when its segment cannot be read (gone since). */
  const contextsOfEntry = (e: Entry): LinkContext[] | undefined => {
    try {
      const { ends, highlights } = partsOf(e);
      const bytes = smallPart(e, rangeOf(e, Part.contexts));
      const out: LinkContext[] = [];
      for (let i = 0; i < ends.length; i++) {
        const text = bytes.toString('utf8', i === 0 ? 0 : ends[i - 1]!, ends[i]!);
        const from = highlights[2 * i]!;
        out.push(from < 0 ? { text } : { text, highlight: [from, highlights[2 * i + 1]!] });
      }
      return out;
    } catch {
      return undefined;
    }
  };
  /** `e`'s headings and block ids, read when first asked for. */
  const keptOutline = (e: Entry): Outline => (e.outlined ??= readJson(e, rangeOf(e, Part.outline)) as Outline);
  const reader: LazyReader = {
    links: (e) => readJson(e, rangeOf(e, Part.links)) as LinkRef[],
    headings: (e) => keptOutline(e).headings,
    blocks: (e) => keptOutline(e).blocks,
    properties: (e) => partsOf(e).properties,
  };
  const previous = readIndex(dir, (entry) => {
    entry.from = reader;
    lazyNote(entry);
  });
  // This build's segment, made when the first result is added.
  const name = `segment-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  let fd: number | undefined;
  let end = 0;
  /** Append `parts` (in the order of {@link Part}) to this build's segment; their ranges. */
  const append = (parts: readonly Uint8Array[]): number[] => {
    if (fd === undefined) {
      mkdirSync(dir, { recursive: true });
      fd = openSync(path.join(dir, name), 'w');
    }
    const ranges: number[] = [];
    for (const bytes of parts) {
      if (bytes.length > 0) writeSync(fd, bytes, 0, bytes.length, end);
      ranges.push(end, bytes.length);
      end += bytes.length;
    }
    return ranges;
  };
  let failed = false;
  const takenEntries = new Map<NoteId, Entry>();
  // A taken entry's record as read: written back as it was.
  const takenRecords: Buffer[] = [];
  const added: Entry[] = [];

  const model: KeptModel = {
    get taken() {
      return takenEntries.size;
    },
    was(id) {
      const entry = previous?.entries.get(id)?.entry;
      return entry ? { note: entry.note, contextsHash: entry.contextsHash, contexts: () => contextsOfEntry(entry) } : undefined;
    },
    take(id, hash) {
      const kept = previous?.entries.get(id);
      if (!kept || kept.entry.hash !== hash) return undefined;
      const entry = kept.entry;
      // The segment must be readable now: a model whose files went away is not used.
      try {
        fdOf(entry.segment);
      } catch {
        return undefined;
      }
      takenEntries.set(id, entry);
      takenRecords.push(kept.record);
      return { note: entry.note, nonce: entry.nonce, embeds: entry.embeds, contextsHash: entry.contextsHash };
    },
    add(hash, result, compiled) {
      if (failed) return;
      try {
        const packed = packedHtml(result);
        const contexts = packContexts(result.contexts);
        const parts: Parts = { lines: packed.lines, blockEmbeds: packed.embeds, ends: contexts.ends, highlights: contexts.highlights };
        added.push({
          id: result.note.id,
          hash,
          note: result.note,
          nonce: result.rendered.nonce,
          embeds: result.rendered.embeds,
          contextsHash: compiled.contextsHash,
          segment: name,
          ranges: append([
            packed.html,
            encoder.encode(result.text),
            contexts.bytes,
            encoder.encode(JSON.stringify(result.note.links)),
            encoder.encode(JSON.stringify({ headings: result.note.headings, blocks: result.note.blocks } satisfies Outline)),
            encodeParts(parts, result.note.properties),
          ]),
          parts,
        });
      } catch {
        // No room or no folder: this build keeps nothing, the next reads the cache.
        failed = true;
      }
    },
    over(base) {
      const entryOf = (id: NoteId) => takenEntries.get(id);
      return {
        put: (result) => base.put(result),
        blocks(id) {
          const e = entryOf(id);
          if (!e) return base.blocks(id);
          const html = JSON.parse(read(e.segment, rangeOf(e, Part.html)).toString('utf8')) as string[];
          const { lines, blockEmbeds } = partsOf(e);
          return outlineOf({ lines, embeds: blockEmbeds }).map((b, i) => ({ ...b, html: html[i]! }));
        },
        outline(id): readonly RenderedBlock[] {
          const e = entryOf(id);
          if (!e) return base.outline(id);
          const { lines, blockEmbeds } = partsOf(e);
          return outlineOf({ lines, embeds: blockEmbeds });
        },
        text(id, maxBytes) {
          const e = entryOf(id);
          if (!e) return base.text(id, maxBytes);
          const [at, bytes] = rangeOf(e, Part.text);
          if (maxBytes === undefined || bytes <= maxBytes) return read(e.segment, [at, bytes]).toString('utf8');
          // A read that cuts through a character ends in U+FFFD.
          return read(e.segment, [at, maxBytes])
            .toString('utf8')
            .replace(/\uFFFD+$/, '');
        },
        context(id, link): LinkContext | undefined {
          const e = entryOf(id);
          if (!e) return base.context(id, link);
          const { ends, highlights } = partsOf(e);
          if (link < 0 || link >= ends.length) return undefined;
          const start = link === 0 ? 0 : ends[link - 1]!;
          const text = smallPart(e, rangeOf(e, Part.contexts)).toString('utf8', start, ends[link]!);
          const from = highlights[2 * link]!;
          return from < 0 ? { text } : { text, highlight: [from, highlights[2 * link + 1]!] };
        },
        // The search worker reads kept notes' texts from their segments, as it reads the others' from the base store's file.
        texts: {
          fd: base.texts?.fd ?? -1,
          refOf(id) {
            const e = entryOf(id);
            if (!e) return base.texts?.refOf(id);
            try {
              return [...rangeOf(e, Part.text), fdOf(e.segment)];
            } catch {
              return undefined;
            }
          },
        },
        close() {
          base.close();
          for (const f of fds.values()) closeSync(f);
          fds.clear();
        },
      };
    },
    save() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      if (failed) return;
      // Segments in use: the previous ones still holding a taken note, and this build's.
      const segments = [...new Set([...takenEntries.values()].map((e) => e.segment))];
      if (added.length > 0) segments.push(name);
      const header: Header = { version: formatVersion, code: compileFingerprint(), segments };
      const file = path.join(dir, 'index');
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        const out = openSync(tmp, 'w');
        try {
          // Records go out a megabyte at a time: two writes a record were 20,000 calls at 10k notes (~80 ms against ~35 ms).
          let at = 0;
          let chunk: Uint8Array[] = [];
          let size = 0;
          const flush = () => {
            const bytes = Buffer.concat(chunk, size);
            at += writeSync(out, bytes, 0, bytes.length, at);
            chunk = [];
            size = 0;
          };
          const write = (bytes: Uint8Array) => {
            const length = Buffer.alloc(4);
            length.writeUInt32LE(bytes.length);
            chunk.push(length, bytes);
            size += 4 + bytes.length;
            if (size >= 1 << 20) flush();
          };
          write(serialize(header));
          flush();
          // The records taken, as read: each run of them that lay together in the index read is written as the one slice it was (no copy).
          for (const span of spansOf(takenRecords)) at += writeSync(out, span, 0, span.length, at);
          for (const e of added) write(encodeEntry(e));
          flush();
        } finally {
          closeSync(out);
        }
        renameSync(tmp, file);
      } catch {
        rmSync(tmp, { force: true });
        return;
      }
      // Segments no entry points into any more (this build's, if empty, and those replaced). Those of the last
      // build stay open (and readable) here: `was` reads the links of notes that changed from them, when asked.
      const used = new Set(segments);
      const previousSegments = new Set(previous?.header.segments);
      for (const f of listDir(dir)) {
        if (!f.startsWith('segment-') || used.has(f)) continue;
        try {
          if (previousSegments.has(f)) fdOf(f);
          rmSync(path.join(dir, f), { force: true });
        } catch {
          // Removed by the next build that can.
        }
      }
    },
  };
  return model;
}

/**
 * The previous index, if it was written by this code, its segments exist and most of their bytes are still used;
 * `lazy` is given each entry as it is read (to read its note's links and properties from the segment when asked for).
 */
function readIndex(dir: string, lazy: (entry: Entry) => void): { header: Header; entries: Map<NoteId, { entry: Entry; record: Buffer }> } | undefined {
  try {
    const bytes = readFileSync(path.join(dir, 'index'));
    let at = 0;
    const next = () => {
      const length = bytes.readUInt32LE(at);
      const record = bytes.subarray(at + 4, at + 4 + length);
      at += 4 + length;
      return record;
    };
    const header = deserialize(next()) as Header;
    if (header.version !== formatVersion || header.code !== compileFingerprint()) return undefined;
    const entries = new Map<NoteId, { entry: Entry; record: Buffer }>();
    const named = new Set(header.segments);
    let live = 0;
    while (at < bytes.length) {
      const record = next();
      const entry = decodeEntry(record);
      // Every segment is one the header names, and those are files of this folder (below): no entry reads outside it.
      if (!named.has(entry.segment)) return undefined;
      lazy(entry);
      entries.set(entry.id, { entry, record });
      for (let k = 1; k < entry.ranges.length; k += 2) live += entry.ranges[k]!;
    }
    let size = 0;
    const present = new Set(listDir(dir));
    for (const s of header.segments) {
      if (!present.has(s)) return undefined;
      size += sizeOf(path.join(dir, s));
    }
    // Mostly bytes no note uses: read the cache once, and write one segment again.
    if (size > 2 * live + (1 << 20)) return undefined;
    return { header, entries };
  } catch {
    return undefined;
  }
}

/** `records` (each read after its 4-byte length) as runs of bytes, each run of records that were adjacent, with their lengths, one slice. */
function spansOf(records: readonly Buffer[]): Buffer[] {
  const spans: Buffer[] = [];
  let from: Buffer | undefined;
  let start = 0;
  let end = 0;
  const close = () => {
    if (from) spans.push(Buffer.from(from.buffer, start, end - start));
  };
  for (const r of records) {
    if (from && r.buffer === from.buffer && r.byteOffset - 4 === end) end = r.byteOffset + r.length;
    else {
      close();
      from = r;
      start = r.byteOffset - 4;
      end = r.byteOffset + r.length;
    }
  }
  close();
  return spans;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function sizeOf(file: string): number {
  const fd = openSync(file, 'r');
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/**
 * An entry's record: JSON, which V8 parses 2.5 times as fast as it deserialises the same records
 * (10k notes: 0.23 against 0.62 s). A `ParsedNote` is plain data (strings, finite numbers, booleans,
 * arrays and records; the parser keeps only finite numbers). The note's links and what only its
 * page reads (block lines, contexts' ends, properties: together 60 % of what an entry was) are in
 * the segment, read when first asked for: a build of edited text reads those of a handful of notes.
 *
 * The record is an array, `[id, hash, nonce, contextsHash, segment, embeds, ranges, hasProperties, note]`
 * ({@link StoredEntry}): every warm build parses one per note, and an object with a dozen named fields, its
 * six ranges an array each, took ~1.8 times as long to parse as this at 10k notes (~90 against ~50 ms). The
 * note leaves out what the entry says (its id and hash), its path when that is its id's (`<id>.md`), and its
 * tags when they are its frontmatter's.
 */
type StoredEntry = [
  id: NoteId,
  hash: string,
  nonce: string,
  contextsHash: string,
  segment: string,
  embeds: number[],
  ranges: number[],
  hasProperties: 0 | 1,
  note: Partial<ParsedNote> & Pick<ParsedNote, 'frontmatter'>,
];

function encodeEntry(e: Entry): Uint8Array {
  const { id, hash, nonce, embeds, contextsHash, segment, ranges, note } = e;
  // The note without its links, headings, block ids and properties (in the segment), its id and hash (the
  // entry's), and its path and tags when the entry tells them. The note of an entry this build added is a plain object.
  const facts: Record<string, unknown> = { ...note };
  for (const key of lazyKeys) delete facts[key];
  if (note.id === id) delete facts.id;
  if (note.hash === hash) delete facts.hash;
  if (note.path === `${id}.md`) delete facts.path;
  if (Array.isArray(note.frontmatter.tags) && sameStrings(note.tags, note.frontmatter.tags)) delete facts.tags;
  const stored: StoredEntry = [id, hash, nonce, contextsHash, segment, [...embeds], [...ranges], note.properties ? 1 : 0, facts as StoredEntry[8]];
  return encoder.encode(JSON.stringify(stored));
}

/** The entry a record holds (see {@link encodeEntry}); throws when it is not one. */
function decodeEntry(record: Buffer): Entry {
  const stored = JSON.parse(record.toString('utf8')) as StoredEntry;
  if (!Array.isArray(stored) || stored.length !== 9 || !Array.isArray(stored[6]) || stored[6].length !== 2 * partCount) throw new Error('not an entry');
  const [id, hash, nonce, contextsHash, segment, embeds, ranges, hasProperties, note] = stored;
  // What the record leaves out (encodeEntry), added after the fields it has: a note's fields are read by name, never in order.
  note.id ??= id;
  note.hash ??= hash;
  note.path ??= `${id}.md` as ParsedNote['path'];
  note.tags ??= note.frontmatter.tags.slice();
  const entry: Entry = { id, hash, nonce, contextsHash, segment, embeds, ranges, note: note as ParsedNote };
  if (hasProperties) entry.hasProperties = true;
  return entry;
}

/** The parts of a note in its segment ({@link Part}). */
const partCount = Object.keys(Part).length;

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What only a note's page reads, as JSON, its number lists as plain arrays: at a few numbers a note, a typed array each cost more to make, and hold more, than the arrays `JSON.parse` gives. */
function encodeParts({ lines, blockEmbeds, ends, highlights }: Parts, properties: ParsedNote['properties']): Uint8Array {
  return encoder.encode(
    JSON.stringify({
      lines: Array.from(lines),
      blockEmbeds: Array.from(blockEmbeds),
      ends: Array.from(ends),
      highlights: Array.from(highlights),
      ...(properties ? { properties } : {}),
    }),
  );
}

/** Where a kept note's entry is (a hidden property: not copied, cloned or compared). */
const keptEntry = Symbol('kept entry');

/** A kept note's own property `key`, a plain writable one from now on. */
function settle(note: ParsedNote, key: LazyKey, value: unknown): unknown {
  Object.defineProperty(note, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * One accessor for each lazy field, shared by every kept note: read from the note's entry on the first read
 * (or set), and then replaced by the value. Accessors made for each note (closures over it) took a warm build at
 * 10k notes ~14 MB of heap and put every note's properties in a dictionary; shared ones, and the entry in a
 * writable hidden property, leave the notes' shapes fast and shared (as does adding, not redefining, the fields).
 */
const lazyFields = Object.fromEntries(
  lazyKeys.map((key) => [
    key,
    {
      get(this: ParsedNote & { [keptEntry]: Entry }) {
        const entry = this[keptEntry];
        return settle(this, key, entry.from![key](entry));
      },
      set(this: ParsedNote, value: unknown) {
        settle(this, key, value);
      },
      enumerable: true,
      configurable: true,
    } satisfies PropertyDescriptor,
  ]),
) as Record<LazyKey, PropertyDescriptor>;

/** Give `entry`'s note its links, headings, block ids and properties (when it has some), read when first asked for. */
function lazyNote(entry: Entry): void {
  const note = entry.note;
  Object.defineProperty(note, keptEntry, { value: entry, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(note, 'links', lazyFields.links);
  Object.defineProperty(note, 'headings', lazyFields.headings);
  Object.defineProperty(note, 'blocks', lazyFields.blocks);
  if (entry.hasProperties) Object.defineProperty(note, 'properties', lazyFields.properties);
}

/** A note's block HTML packed as the spill store packs it, without changing `result`. */
function packedHtml(result: NoteJobResult): { html: Uint8Array; lines: Int32Array; embeds: Int32Array } {
  if (result.rendered.packed) return result.rendered.packed;
  const copy = { ...result.rendered };
  packBlocks(copy);
  return copy.packed ?? { html: encoder.encode('[]'), lines: new Int32Array(0), embeds: new Int32Array(0) };
}

function packContexts(contexts: readonly LinkContext[]): { bytes: Uint8Array; ends: Int32Array; highlights: Int32Array } {
  const ends = new Int32Array(contexts.length);
  const highlights = new Int32Array(contexts.length * 2).fill(-1);
  let bytes = 0;
  contexts.forEach((c, i) => {
    bytes += Buffer.byteLength(c.text);
    ends[i] = bytes;
    if (c.highlight) highlights.set(c.highlight, 2 * i);
  });
  return { bytes: encoder.encode(contexts.map((c) => c.text).join('')), ends, highlights };
}

const encoder = new TextEncoder();
