/**
 * Search stage: build the sharded full-text index the browser queries in a Web Worker.
 *
 * 1. Number the notes by a hash of their ids (number-notes.ts): postings hold these numbers, and a
 *    note keeps its number when others change.
 * 2. Index title, aliases, headings, tags and body, each in its own FlexSearch `Index`
 *    (strict tokenizer, the encoder shared with the browser: normalised, CJK bigrams), and
 *    `names`: each title and alias whole, as one term, so a query equal to a title is found.
 * 3. Export each index's map (chunked `export`) and re-cut the entries by term range into
 *    shards under the gzip budget: one group for the four small fields, one for bodies. A query
 *    term needs one shard per group; a prefix needs the few shards its range spans. Shards end
 *    where their own terms say (pack-ranges.ts), so a changed note rewrites only the shards of
 *    its terms, its docs chunk, the vocabulary when its words changed, and the manifest. Over the
 *    previous build's kept postings, the shards no changed term is in are kept, not rendered
 *    (partition-shards.ts).
 * 4. List the vocabulary a misspelt query word is corrected against: words of titles and
 *    aliases, headings and tags, then common body words, capped (~48 KB gzipped at most).
 * 5. Cut the notes into small docs chunks (url, title, headings, body text) by note number, ended
 *    by their own notes too;
 *    a query fetches only the chunks of its top hits, for titles and snippets.
 * 6. Write `_search/manifest.json`: the garden-wide figures (note count, number space), shard
 *    boundaries, chunk starts and names, weights and resolutions, the vocabulary's file.
 *
 * Nothing here runs in pages: a page fetches the manifest on its first search keystroke.
 */
import { gzipSync } from 'node:zlib';
import type { SearchArtifacts, SearchDoc, SearchField, SearchFile, SearchManifest, SearchGroup, SearchStats, SearchVocabulary } from '../shared/types.ts';
import { buildVocabulary } from './build-vocabulary.ts';
import { chunkDocs, docsEntry, type PreviousChunks } from './chunk-docs.ts';
import { indexInSlices, sliceChars } from './index-in-slices.ts';
import type { KeptNoteRow, KeptPostingsWriter } from './kept-postings-file.ts';
import { indexKey, keptFields, type KeptPostings, type PackedField } from './kept-postings.ts';
import { type Options, type Settings, toSettings } from './options.ts';
import { listVocabularyWords } from './list-vocabulary-words.ts';
import { numberNotes } from './number-notes.ts';
import { partitionShards, type PartitionedGroup, type PreviousGroup } from './partition-shards.ts';
import { toFileName } from './to-file-name.ts';

export type { Options } from './options.ts';

/** Body words must occur in this many notes to be in the vocabulary: a word of one note is as likely a typo as the query. */
const minBodyNotes = 2;

/** Build the search index files (`_search/manifest.json`, postings shards, docs chunks) for the notes. */
export function buildSearchIndex(docs: readonly SearchDoc[], options?: Options, kept: Kept = {}, maxSliceChars = sliceChars): SearchArtifacts {
  const files: SearchFile[] = [];
  const stats = writeSearchIndex(docs, (file) => files.push(file), options, kept, maxSliceChars);
  // The manifest comes last from the writer; list it first.
  return { files: [files.pop()!, ...files], stats };
}

/** The previous build's postings to start from, and where to keep this build's (kept-postings.ts). */
export interface Kept {
  previous?: KeptPostings & { settings: string };
  writer?: KeptPostingsWriter;
  /** Told, before any indexing, how many notes will be indexed (the rest keep their postings). */
  onPlan?: (indexed: number) => void;
  /** The previous site's search files, for its docs chunks the notes in them leave as they were (chunk-docs.ts). */
  files?: Pick<PreviousChunks, 'has' | 'keep' | 'entry'> & {
    keepNamed: PreviousGroup['keep'];
    /** Whether the previous site has the file at `path`, named by the hash of its bytes (nothing kept). */
    hasNamed?: (path: string) => boolean;
  };
}

/**
 * Build the search index and hand each file to `sink` as soon as it is made (the manifest
 * last), holding one group's index at a time: the small fields, then the bodies, then the
 * docs chunks. What the build's search worker runs, writing each file and letting it go.
 * With `kept`, only notes whose indexed text is not in `kept.previous` are indexed, and this
 * build's postings go to `kept.writer`; the files are the same either way. Each field is indexed in slices of notes of at
 * most `maxSliceChars` characters of body (index-in-slices.ts); the files are the same whatever the slices.
 */
export function writeSearchIndex(
  docs: readonly SearchDoc[],
  sink: (file: SearchFile) => void,
  options?: Options,
  kept: Kept = {},
  maxSliceChars = sliceChars,
): SearchStats {
  const settings = toSettings(options);
  const { numbers: numberOf, space } = numberNotes(
    docs.map((doc) => doc.id),
    kept.previous?.notes,
  );
  // Numbers are distinct and below the space (number-notes.ts): the docs in number order by placing each at its number
  // (a sort of 10k indexes by a compare function was ~5-10 ms of the search worker, in code that runs once).
  const at = new Int32Array(space).fill(-1);
  let distinct = true;
  for (let i = 0; i < numberOf.length && distinct; i++) {
    distinct = at[numberOf[i]!] === -1;
    at[numberOf[i]!] = i;
  }
  let order: number[] = [];
  if (distinct) for (let n = 0; n < space; n++) if (at[n]! >= 0) order.push(at[n]!);
  // (Numbers given by kept postings that do not hold: ordered as ever.)
  if (!distinct || order.length !== docs.length) order = docs.map((_, i) => i).sort((a, b) => numberOf[a]! - numberOf[b]!);
  const sorted = order.map((i) => docs[i]!);
  const numbers = order.map((i) => numberOf[i]!);
  // Fixed, not the garden's most headings: heading ids must not move when another note gains a heading.
  const headingStride = settings.maxHeadings;
  const { field, sizes } = keptOrIndexed(sorted, numbers, headingStride, settings, kept, maxSliceChars);
  const fieldEntries = { title: field('title'), aliases: field('aliases'), headings: field('headings'), tags: field('tags'), names: field('names') };
  const words = [
    listVocabularyWords(1, fieldEntries.title.packed, fieldEntries.aliases.packed),
    listVocabularyWords(1, fieldEntries.headings.packed, fieldEntries.tags.packed),
  ];
  const fields =
    keptAsItWas('fields', fieldEntries, settings, kept) ?? partitionShards('fields', fieldEntries, settings, sink, previousGroup('fields', settings, kept));
  kept.writer?.group('fields', fields.kept);
  const bodyEntries = { body: field('body') };
  words.push(listVocabularyWords(minBodyNotes, bodyEntries.body.packed));
  const body = partitionShards('body', bodyEntries, settings, sink, previousGroup('body', settings, kept));
  kept.writer?.group('body', body.kept);
  const vocabulary = writeVocabulary(words, settings, sink);
  const chunks = chunkDocs(sorted, numbers, headingStride, settings, sink, sizes, previousChunks(sorted, numbers, settings, kept));
  kept.writer?.chunks(chunks.kept);
  const manifest: SearchManifest = {
    version: 1,
    docCount: sorted.length,
    numberSpace: space,
    headingStride,
    resolution: settings.resolution,
    weights: settings.weights,
    groups: { fields: fields.refs, body: body.refs },
    docs: chunks.docs,
    ...(vocabulary ? { vocabulary } : {}),
  };
  sink({ path: '_search/manifest.json', contents: JSON.stringify(manifest) });
  return {
    postingsShards: fields.refs.length + body.refs.length,
    docsChunks: chunks.docs.hashes.length,
    maxCheckedGzipBytes: Math.max(fields.maxCheckedGzipBytes, body.maxCheckedGzipBytes, chunks.maxCheckedGzipBytes),
    overBudget: [...fields.overBudget, ...body.overBudget, ...chunks.overBudget],
  };
}

/**
 * Write the vocabulary file, with fewer words if it would exceed the gzip budget of every search
 * file (the least common of the lowest tier go first); its name, or undefined when it has no
 * words (nothing to correct to).
 */
function writeVocabulary(words: readonly string[][], settings: Settings, sink: (file: SearchFile) => void): string | undefined {
  let vocabulary = buildVocabulary(words, settings.maxVocabularyTerms);
  let contents = JSON.stringify(vocabulary);
  for (let size = countWords(vocabulary), bytes = gzipSync(contents).length; bytes > settings.maxShardGzipBytes && size > 0;) {
    size = Math.floor((size * settings.maxShardGzipBytes * 0.9) / bytes);
    vocabulary = buildVocabulary(words, size);
    contents = JSON.stringify(vocabulary);
    bytes = gzipSync(contents).length;
  }
  if (countWords(vocabulary) === 0) return undefined;
  const file = toFileName('vocabulary', contents);
  sink({ path: `_search/${file}`, contents });
  return file;
}

/**
 * A field's postings: with kept postings, those of the notes whose key is unchanged, renumbered,
 * merged with those of the other notes indexed alone; without, every note indexed. Each field's
 * postings also go to the kept writer. A note whose doc has the source the kept postings record
 * has the key and docs-chunk entry size recorded there: its body is not read for them.
 */
function keptOrIndexed(
  sorted: readonly SearchDoc[],
  numbers: readonly number[],
  headingStride: number,
  settings: Settings,
  kept: Kept,
  maxSliceChars: number,
): { field: (field: SearchField) => PackedField; sizes: (number | undefined)[] } {
  const { previous, writer, onPlan } = kept;
  const usable = previous !== undefined && previous.settings === JSON.stringify(settings);
  const keys: string[] = [];
  const sizes: (number | undefined)[] = [];
  if (previous || writer) {
    sorted.forEach((doc, i) => {
      const old = usable ? previous.notes.get(doc.id) : undefined;
      const same = old?.source !== undefined && old.source === doc.source && old.size !== undefined;
      keys[i] = same ? old.key : indexKey(doc, headingStride, settings.maxBodyChars);
      if (doc.source !== undefined) sizes[i] = same ? old.size : Buffer.byteLength(docsEntry(doc, headingStride, settings.maxBodyChars));
    });
  }
  writer?.begin(
    JSON.stringify(settings),
    sorted.map((doc, i): KeptNoteRow => (doc.source === undefined ? [doc.id, keys[i]!, numbers[i]!] : [doc.id, keys[i]!, numbers[i]!, doc.source, sizes[i]!])),
  );
  // Old number -> new number of each note whose kept postings are taken (-1: not taken).
  let space = 0;
  if (usable) for (const note of previous.notes.values()) space = Math.max(space, note.number + 1);
  const renumber = new Int32Array(space).fill(-1);
  const fresh: number[] = [];
  let taken = 0;
  sorted.forEach((doc, i) => {
    const old = usable ? previous.notes.get(doc.id) : undefined;
    if (old !== undefined && old.key === keys[i] && old.number < renumber.length) {
      renumber[old.number] = numbers[i]!;
      taken++;
    } else fresh.push(i);
  });
  // The kept notes' old numbers that are not kept as they are (their notes changed, moved or went): a merge looks for these.
  const moved: number[] = [];
  if (usable) for (const note of previous.notes.values()) if (renumber[note.number] !== note.number) moved.push(note.number);
  onPlan?.(taken === 0 ? sorted.length : fresh.length);
  const field = (name: SearchField): PackedField => {
    const packed = usable ? previous.fields.get(name) : undefined;
    let result: PackedField;
    if (packed === undefined || taken === 0) result = indexInSlices(name, sorted, numbers, headingStride, settings, undefined, maxSliceChars);
    else {
      const freshDocs = fresh.map((i) => sorted[i]!);
      const freshNumbers = fresh.map((i) => numbers[i]!);
      result = indexInSlices(name, freshDocs, freshNumbers, headingStride, settings, { packed, renumber, moved }, maxSliceChars);
    }
    writer?.field(name, result.packed);
    return result;
  };
  return { field, sizes };
}

/**
 * The previous build's `group` whole, when none of its fields' postings changed (a build of edited text leaves the
 * titles, aliases, headings and tags as they were) and the previous site has every one of its shards: they are kept,
 * and its rows not gone through again (~35k terms at 10k notes, each asked whether it changed). Undefined otherwise.
 */
function keptAsItWas(group: SearchGroup, entries: Partial<Record<SearchField, PackedField>>, settings: Settings, kept: Kept): PartitionedGroup | undefined {
  const previous = previousGroup(group, settings, kept);
  const hasNamed = kept.files?.hasNamed;
  if (!previous || !hasNamed) return undefined;
  if (!Object.values(entries).every((field) => field.changed !== undefined && field.changed.size === 0)) return undefined;
  const refs = previous.kept.refs;
  if (!refs.every((ref) => hasNamed(`_search/${ref.file}`))) return undefined;
  for (const ref of refs) previous.keep(`_search/${ref.file}`);
  return { refs: [...refs], maxCheckedGzipBytes: 0, overBudget: [], kept: previous.kept };
}

/** The previous build's shards of `group`, when its postings are usable and its site's files known (see `PreviousGroup`). */
function previousGroup(group: SearchGroup, settings: Settings, kept: Kept): PreviousGroup | undefined {
  const { previous, files } = kept;
  const groupKept = previous?.groups?.[group];
  if (!groupKept || !files || previous!.settings !== JSON.stringify(settings)) return undefined;
  const fields = Object.fromEntries(
    keptFields.filter((field) => (field === 'body') === (group === 'body')).map((field) => [field, previous!.fields.get(field)?.terms ?? []]),
  );
  return { kept: groupKept, fields, keep: files.keepNamed };
}

/** The previous build's docs chunks, when its postings and its site's search files are known (see `PreviousChunks`). */
function previousChunks(sorted: readonly SearchDoc[], numbers: readonly number[], settings: Settings, kept: Kept): PreviousChunks | undefined {
  const { previous, files } = kept;
  if (!previous?.chunks || !files || previous.settings !== JSON.stringify(settings)) return undefined;
  const unchanged = sorted.map((doc, i) => {
    const old = previous.notes.get(doc.id);
    return old?.source !== undefined && old.source === doc.source && old.number === numbers[i];
  });
  const before = [...previous.notes.values()].map((n) => n.number).sort((a, b) => a - b);
  return { unchanged, numbers: before, chunks: previous.chunks, has: files.has, keep: files.keep, ...(files.entry ? { entry: files.entry } : {}) };
}

function countWords(vocabulary: SearchVocabulary): number {
  return vocabulary.tiers.reduce((sum, tier) => sum + tier.length, 0);
}
